/**
 * @module
 * The booking form and the confirmation step (確認画面):
 *
 * - `GET /book` — the form for a search result (or, with `?draft=`, the shopper's draft to edit);
 * - `POST /book/confirm` — reads the form; on any problem shows it again with everything kept and
 *   a message per field (400; 409 when the class is sold out); else stores a draft bound to this
 *   browser and answers 303 to its confirmation page (post/redirect/get: Back never resubmits);
 * - `GET /book/confirm/:draftId` — the confirmation step, priced again by the server.
 *
 * Paying (`POST /bookings`, which takes the draft id only) is in booking-routes.tsx.
 */
import { browserIdOf, rateLimit } from "@linkpay/express";
import { Router } from "express";
import {
  bookingOfDraft,
  draftChoiceOf,
  rentalChoiceOf,
  saveDraft,
  updateDraftTotal,
} from "../../bookings/booking-drafts";
import {
  choiceFormSchema,
  choiceOf,
  readCustomer,
  searchSchema,
  typedCustomer,
} from "../../bookings/booking-form";
import { availability, daysOut } from "../../inventory/inventory";
import { assertBookable, pricingProblem } from "../../pricing/booking-rules";
import { PricingError } from "../../pricing/pricing-error";
import { quote } from "../../pricing/quote";
import { limiterOptions, pageContext, type RouteDeps, sendHtml } from "../app-deps";
import { TEXTS } from "../i18n";
import { renderPage } from "../views/layout";
import { SearchPage } from "../views/search-page";
import { draftExpired, openDraft, sendBookForm, sendConfirmPage } from "./draft-pages";
import { chosenOptions, defaultSearch } from "./search-routes";

/** Routes: `GET /book`, `POST /book/confirm`, `GET /book/confirm/:draftId`. */
export function bookRoutes(deps: RouteDeps): Router {
  const router = Router();

  router.get("/book", async (req, res) => {
    const context = pageContext(deps, req, res);
    const texts = TEXTS[context.lang];
    if (req.query.draft !== undefined) {
      const draft = await openDraft(deps, req, res, req.query.draft);
      if (draft === undefined) return;
      return sendBookForm(deps, req, res, 200, {
        ...draft.choice,
        choice: rentalChoiceOf(draft.choice),
        customer: draft.customer,
        problem: draftExpired(draft, deps.now()) ? texts.draftExpired : undefined,
      });
    }
    const parsed = searchSchema.safeParse(req.query);
    const carClass = typeof req.query.carClass === "string" ? req.query.carClass : "";
    if (!parsed.success) {
      const page = (
        <SearchPage
          context={context}
          search={defaultSearch(deps.now())}
          problem={texts.formProblem}
        />
      );
      return sendHtml(res, 400, renderPage(page));
    }
    const options = [...chosenOptions(req.query)].map(([code, quantity]) => ({ code, quantity }));
    try {
      const choice = { ...choiceOf(parsed.data), carClass, options };
      assertBookable(choice, deps.now());
      quote(choice);
      sendBookForm(deps, req, res, 200, { search: parsed.data, carClass, options, choice });
    } catch (error) {
      if (!(error instanceof PricingError)) throw error;
      const problem = pricingProblem(error, context.lang);
      const page = <SearchPage context={context} search={parsed.data} problem={problem} />;
      sendHtml(res, 400, renderPage(page));
    }
  });

  // Each confirmation stores a draft: at most 60 per client in 10 minutes (3× the checkout limit).
  const confirmLimit = rateLimit(
    "confirm",
    { windowMs: 10 * 60_000, limit: 60 },
    limiterOptions(deps, "confirm", deps.rateLimits?.confirm),
  );

  router.post("/book/confirm", confirmLimit, async (req, res) => {
    const context = pageContext(deps, req, res);
    const texts = TEXTS[context.lang];
    const body: Record<string, unknown> =
      typeof req.body === "object" && req.body !== null ? req.body : {};
    const search = searchSchema.safeParse(body);
    const form = choiceFormSchema.safeParse(body);
    if (!search.success || !form.success) {
      // Only a changed page sends bad hidden fields: back to the search, as for a bad query.
      const page = (
        <SearchPage
          context={context}
          search={search.success ? search.data : defaultSearch(deps.now())}
          problem={texts.formProblem}
        />
      );
      return sendHtml(res, 400, renderPage(page));
    }
    const draftChoice = draftChoiceOf(search.data, form.data);
    const customer = readCustomer(body, context.lang);
    const kept = { ...draftChoice, customer: typedCustomer(body) };
    let choice: ReturnType<typeof rentalChoiceOf> | undefined;
    try {
      choice = rentalChoiceOf(draftChoice);
      assertBookable(choice, deps.now());
      const priced = quote(choice);
      if (!customer.ok) {
        return sendBookForm(deps, req, res, 400, {
          ...kept,
          choice,
          invalid: customer.invalid,
          problem: texts.formProblem,
        });
      }
      const free = await availability(
        deps.db,
        choice.pickUpLocation,
        daysOut(choice.pickUpAt, choice.returnAt),
      );
      if ((free.get(choice.carClass) ?? 0) === 0) {
        return sendBookForm(deps, req, res, 409, {
          ...kept,
          choice,
          problem: texts.soldOutProblem,
        });
      }
      const draftId = await saveDraft(deps.db, {
        browserId: browserIdOf(req),
        locale: context.lang,
        choice: draftChoice,
        customer: customer.customer,
        total: priced.total,
        now: deps.now(),
      });
      res.redirect(303, `/book/confirm/${draftId}`);
    } catch (error) {
      if (!(error instanceof PricingError)) throw error;
      sendBookForm(deps, req, res, 400, {
        ...kept,
        choice,
        invalid: customer.ok ? undefined : customer.invalid,
        problem: pricingProblem(error, context.lang),
      });
    }
  });

  router.get("/book/confirm/:draftId", async (req, res) => {
    const draft = await openDraft(deps, req, res, req.params.draftId);
    if (draft === undefined) return;
    const context = pageContext(deps, req, res);
    const texts = TEXTS[context.lang];
    const choice = rentalChoiceOf(draft.choice);
    // A draft already booked is shown as it was (Back after paying): its button leads back to
    // that booking. Otherwise an hour-old draft is reviewed again from the form.
    const booked = (await bookingOfDraft(deps.db, draft.id)) !== undefined;
    try {
      if (!booked && draftExpired(draft, deps.now())) {
        return res.redirect(303, `/book?draft=${encodeURIComponent(draft.id)}`);
      }
      if (!booked) assertBookable(choice, deps.now());
      const priced = quote(choice);
      const changed = !booked && priced.total !== draft.total;
      if (changed) await updateDraftTotal(deps.db, draft.id, priced.total);
      res.set("Cache-Control", "no-store");
      sendConfirmPage(deps, req, res, 200, {
        draft,
        choice,
        priced,
        problem: changed ? texts.priceChanged : undefined,
      });
    } catch (error) {
      if (!(error instanceof PricingError)) throw error;
      sendBookForm(deps, req, res, 400, {
        ...draft.choice,
        choice,
        customer: draft.customer,
        problem: pricingProblem(error, context.lang),
      });
    }
  });

  return router;
}

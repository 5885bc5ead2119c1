/**
 * @module
 * Home and search: both GET, priced on the server from the catalogue. The booking form is in
 * book-routes.tsx.
 */
import { Router } from "express";
import { choiceOf, type SearchInput, searchSchema } from "../../bookings/booking-form";
import { CAR_CLASSES, RENTAL_OPTIONS } from "../../catalogue/catalogue";
import { availability, daysOut } from "../../inventory/inventory";
import { assertBookable, pricingProblem } from "../../pricing/booking-rules";
import { PricingError } from "../../pricing/pricing-error";
import { quote } from "../../pricing/quote";
import { tokyoDate } from "../../pricing/rental-period";
import { pageContext, type RouteDeps, sendHtml } from "../app-deps";
import { TEXTS } from "../i18n";
import { renderPage } from "../views/layout";
import { SearchPage, type SearchResult } from "../views/search-page";

const DAY_MS = 86_400_000;

/** Tomorrow 10:00 to the day after 10:00, from New Chitose Airport. */
export function defaultSearch(now: Date): SearchInput {
  return {
    pickUpLocation: "CTS",
    returnLocation: "CTS",
    pickUpDate: tokyoDate(new Date(now.getTime() + DAY_MS)),
    pickUpTime: "10:00",
    returnDate: tokyoDate(new Date(now.getTime() + 3 * DAY_MS)),
    returnTime: "10:00",
  };
}

/** The query fields of a search (for links that carry it on). */
export function searchFields(search: SearchInput): Record<string, string> {
  return { ...search };
}

/** Chosen option quantities from a query or form (unknown or bad values count as 0). */
export function chosenOptions(source: Record<string, unknown>): Map<string, number> {
  const chosen = new Map<string, number>();
  for (const option of RENTAL_OPTIONS) {
    const raw = source[`option_${option.code}`];
    const quantity = typeof raw === "string" && /^\d{1,2}$/.test(raw) ? Number(raw) : 0;
    if (quantity > 0 && quantity <= option.maxQuantity) chosen.set(option.code, quantity);
  }
  return chosen;
}

/** Routes: `/`, `/search`. */
export function searchRoutes(deps: RouteDeps): Router {
  const router = Router();

  router.get("/", (req, res) => {
    const context = pageContext(deps, req, res);
    sendHtml(
      res,
      200,
      renderPage(<SearchPage context={context} search={defaultSearch(deps.now())} />),
    );
  });

  router.get("/search", async (req, res) => {
    const context = pageContext(deps, req, res);
    const texts = TEXTS[context.lang];
    const parsed = searchSchema.safeParse(req.query);
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
    const search = parsed.data;
    try {
      const choice = choiceOf(search);
      assertBookable(choice, deps.now());
      const days = daysOut(choice.pickUpAt, choice.returnAt);
      const free = await availability(deps.db, search.pickUpLocation, days);
      const results: SearchResult[] = CAR_CLASSES.map((carClass) => {
        const priced = quote({ ...choice, carClass: carClass.code });
        const query = new URLSearchParams({ ...searchFields(search), carClass: carClass.code });
        return {
          carClass: carClass.code,
          free: free.get(carClass.code) ?? 0,
          days: priced.days,
          extraHours: priced.extraHours,
          total: priced.total,
          dropFee: priced.dropFee,
          bookHref: `/book?${query}`,
        };
      });
      sendHtml(
        res,
        200,
        renderPage(<SearchPage context={context} search={search} results={results} />),
      );
    } catch (error) {
      if (!(error instanceof PricingError)) throw error;
      const problem = pricingProblem(error, context.lang);
      const page = <SearchPage context={context} search={search} problem={problem} />;
      sendHtml(res, 400, renderPage(page));
    }
  });

  return router;
}

/**
 * @module
 * The pages of the booking flow that more than one route answers with: the booking form (shown
 * again with everything the shopper entered), the confirmation step of a draft, and opening a
 * draft, which only the browser that made it may do.
 */
import { browserIdOf } from "@linkpay/express";
import type { Request, Response } from "express";
import { type BookingDraft, draftBelongsTo, findDraft } from "../../bookings/booking-drafts";
import type { CustomerField, CustomerInput, SearchInput } from "../../bookings/booking-form";
import { DAMAGE_WAIVER_OPTION } from "../../catalogue/damage-waiver";
import { PricingError } from "../../pricing/pricing-error";
import { type Quote, quote, type RentalChoice } from "../../pricing/quote";
import { pageContext, type RouteDeps, sendHtml } from "../app-deps";
import { TEXTS } from "../i18n";
import { BookPage } from "../views/book-page";
import { ConfirmPage } from "../views/confirm-page";
import { ErrorPage } from "../views/error-page";
import { renderPage } from "../views/layout";

/** What the booking form shows again. */
export interface BookFormState {
  readonly search: SearchInput;
  readonly carClass: string;
  readonly options: readonly { readonly code: string; readonly quantity: number }[];
  /** The rental, when its dates could be read (for the summary and the price). */
  readonly choice?: RentalChoice | undefined;
  readonly customer?: CustomerInput | undefined;
  readonly invalid?: ReadonlySet<CustomerField> | undefined;
  readonly problem?: string | undefined;
}

function pricedOrUndefined(choice: RentalChoice | undefined): Quote | undefined {
  if (choice === undefined) return undefined;
  try {
    return quote(choice);
  } catch (error) {
    if (error instanceof PricingError) return undefined;
    throw error;
  }
}

/** Answers with the booking form (a fresh CSRF token, `no-store`). */
export function sendBookForm(
  deps: RouteDeps,
  req: Request,
  res: Response,
  status: number,
  state: BookFormState,
): void {
  const context = pageContext(deps, req, res);
  const priced = pricedOrUndefined(state.choice);
  const page = (
    <BookPage
      context={context}
      search={state.search}
      carClass={state.carClass}
      rental={
        priced === undefined || state.choice === undefined
          ? undefined
          : { quote: priced, pickUpAt: state.choice.pickUpAt, returnAt: state.choice.returnAt }
      }
      options={new Map(state.options.map((option) => [option.code, option.quantity]))}
      csrfToken={deps.csrf.generateToken(req, res)}
      customer={state.customer}
      invalid={state.invalid}
      problem={state.problem}
    />
  );
  sendHtml(res, status, renderPage(page));
}

/** Answers with the confirmation step of `draft`, priced by `priced`. */
export function sendConfirmPage(
  deps: RouteDeps,
  req: Request,
  res: Response,
  status: number,
  input: {
    readonly draft: BookingDraft;
    readonly choice: RentalChoice;
    readonly priced: Quote;
    readonly acceptMissing?: boolean | undefined;
    readonly problem?: string | undefined;
  },
): void {
  const { draft, choice } = input;
  const page = (
    <ConfirmPage
      context={pageContext(deps, req, res)}
      draftId={draft.id}
      search={draft.choice.search}
      carClass={choice.carClass}
      pickUpAt={choice.pickUpAt}
      returnAt={choice.returnAt}
      quote={input.priced}
      customer={draft.customer}
      waiver={choice.options.some((option) => option.code === DAMAGE_WAIVER_OPTION)}
      csrfToken={deps.csrf.generateToken(req, res)}
      editHref={`/book?draft=${encodeURIComponent(draft.id)}`}
      acceptMissing={input.acceptMissing}
      problem={input.problem}
    />
  );
  sendHtml(res, status, renderPage(page));
}

/**
 * The draft `draftId` when this browser made it; otherwise answers (404 unknown, 403 another
 * browser's) and returns undefined.
 */
export async function openDraft(
  deps: RouteDeps,
  req: Request,
  res: Response,
  draftId: unknown,
): Promise<BookingDraft | undefined> {
  const draft = typeof draftId === "string" ? await findDraft(deps.db, draftId) : undefined;
  const owned = draft !== undefined && draftBelongsTo(draft, browserIdOf(req));
  if (owned) return draft;
  const context = pageContext(deps, req, res);
  const texts = TEXTS[context.lang];
  const status = draft === undefined ? 404 : 403;
  if (draft !== undefined) {
    deps.logger.warn({ draft: draft.id.slice(0, 6) }, "booking draft opened from another browser");
  }
  const page = (
    <ErrorPage
      context={context}
      status={status}
      message={draft === undefined ? texts.draftGone : texts.draftOtherBrowser}
      requestId={String(res.getHeader("x-request-id") ?? "")}
    />
  );
  res.set("Cache-Control", "no-store");
  sendHtml(res, status, renderPage(page));
  return undefined;
}

/** Whether the draft can no longer be confirmed as it is (its hour has passed). */
export function draftExpired(draft: BookingDraft, now: Date): boolean {
  return draft.expiresAt.getTime() <= now.getTime();
}

/**
 * @module
 * Booking and paying: `POST /bookings` (the confirmed draft priced again, car held, checkout
 * started, 303 to the provider; a draft already booked goes back to its booking, never to a second
 * one), the booking page (token-protected), paying again, and the provider's return page.
 */
import { isLinkpayError, type NewOrderWrites, type Payments } from "@linkpay/core";
import {
  checkoutRateLimit,
  type ReturnView,
  redirectToCheckout,
  requestLogger,
  returnHandler,
  returnRateLimit,
} from "@linkpay/express";
import type { SqlTransactionHandle } from "@linkpay/store-sql";
import { type Request, type Response, Router } from "express";
import { bookingOfDraft, rentalChoiceOf, updateDraftTotal } from "../../bookings/booking-drafts";
import {
  type Booking,
  bookAndCheckout,
  bookingExists,
  DraftAlreadyBookedError,
  findBooking,
  SoldOutError,
} from "../../bookings/bookings";
import { checkoutFor } from "../../bookings/checkout-for-booking";
import { findKonbiniSlip } from "../../bookings/konbini-slips";
import { findCancellation } from "../../cancellations/cancel-booking";
import { cancellationRefundState } from "../../cancellations/refund-state";
import { assertBookable, pricingProblem } from "../../pricing/booking-rules";
import { PricingError } from "../../pricing/pricing-error";
import { quote } from "../../pricing/quote";
import { bookingHref, limiterOptions, pageContext, type RouteDeps, sendHtml } from "../app-deps";
import { TEXTS } from "../i18n";
import { BookingPage, type CancellationView } from "../views/booking-page";
import { renderPage } from "../views/layout";
import { ReturnPage } from "../views/return-page";
import { draftExpired, openDraft, sendBookForm, sendConfirmPage } from "./draft-pages";
import { bookingNotFound, ownedBooking } from "./owned-booking";

/**
 * Starts the booking's checkout and redirects to it. With `newOrder` the booking is new: its
 * writes join the transaction of its first attempt.
 */
async function startPayment(
  deps: RouteDeps,
  payments: Payments<SqlTransactionHandle>,
  booking: Booking,
  req: Request,
  res: Response,
  newOrder?: NewOrderWrites<SqlTransactionHandle>,
): Promise<void> {
  try {
    // The app has one provider (PAYMENT_PROVIDER), the one startCheckout uses.
    const [provider] = payments.providers;
    if (provider === undefined) throw new Error("createPayments was given no provider");
    const started = await payments.startCheckout({
      ...checkoutFor(booking, deps.now(), provider),
      logger: requestLogger(req),
      newOrder,
    });
    redirectToCheckout(res, started);
  } catch (error) {
    // The provider is down or refused: the booking keeps its car until the checkout window
    // passes; the shopper can try again from the booking page. A new booking that was not
    // stored (its transaction failed) has no page: the error goes on.
    if (!isLinkpayError(error) || error.kind === "not_authentic") throw error;
    if (newOrder !== undefined && !(await bookingExists(deps.db, booking.id).catch(() => false))) {
      throw error;
    }
    deps.logger.warn(
      { code: error.code, reason: error.message, reference: booking.reference },
      "checkout could not start",
    );
    const context = pageContext(deps, req, res);
    const page = (
      <BookingPage
        context={context}
        booking={booking}
        payment={undefined}
        canceled={false}
        payAction={bookingHref(deps, booking.reference, { suffix: "/pay" })}
        csrfToken={deps.csrf.generateToken(req, res)}
        problem={TEXTS[context.lang].paymentUnavailable}
      />
    );
    sendHtml(res, error.status >= 500 ? 503 : 409, renderPage(page));
  }
}

/**
 * Back to a booking a draft already made: its open checkout again (core reuses the open session
 * for the order, and joins one being created concurrently), else its booking page.
 */
async function resumeBooking(
  deps: RouteDeps,
  booking: Booking,
  req: Request,
  res: Response,
): Promise<void> {
  const attempt = await deps.payments.getStatus({ orderRef: booking.reference });
  const payable =
    booking.status === "awaiting_payment" && (attempt === null || attempt.status === "open");
  if (payable) return startPayment(deps, deps.payments, booking, req, res);
  res.redirect(303, bookingHref(deps, booking.reference));
}

/** A cancelled booking's cancellation and its refund's state (undefined unless cancelled). */
async function cancellationView(
  deps: RouteDeps,
  booking: Booking,
): Promise<CancellationView | undefined> {
  if (booking.status !== "cancelled") return undefined;
  const found = await findCancellation(deps.db, booking.reference);
  if (found === undefined) return undefined;
  const { refunds } = await deps.payments.history({ orderRef: booking.reference });
  return {
    cancellation: found.cancellation,
    refund: cancellationRefundState(booking.reference, found.cancellation, refunds),
  };
}

/** Routes under `/bookings`. */
export function bookingRoutes(deps: RouteDeps): Router {
  const router = Router();
  const { payments } = deps;

  router.post(
    "/bookings",
    checkoutRateLimit(limiterOptions(deps, "checkout", deps.rateLimits?.checkout)),
    async (req, res) => {
      const context = pageContext(deps, req, res);
      const texts = TEXTS[context.lang];
      const body: Record<string, unknown> =
        typeof req.body === "object" && req.body !== null ? req.body : {};
      const draft = await openDraft(deps, req, res, body.draft);
      if (draft === undefined) return;
      // Back, a double click, a retry: the draft already made its booking; never a second one.
      const made = await bookingOfDraft(deps.db, draft.id);
      if (made !== undefined) return resumeBooking(deps, made, req, res);
      if (draftExpired(draft, deps.now())) {
        return res.redirect(303, `/book?draft=${encodeURIComponent(draft.id)}`);
      }
      const choice = rentalChoiceOf(draft.choice);
      const kept = { ...draft.choice, choice, customer: draft.customer };
      try {
        assertBookable(choice, deps.now());
        const priced = quote(choice);
        if (priced.total !== draft.total) {
          await updateDraftTotal(deps.db, draft.id, priced.total);
          return sendConfirmPage(deps, req, res, 409, {
            draft,
            choice,
            priced,
            problem: texts.priceChanged,
          });
        }
        if (body.accept !== "yes") {
          return sendConfirmPage(deps, req, res, 400, {
            draft,
            choice,
            priced,
            acceptMissing: true,
          });
        }
        const input = {
          choice,
          quote: priced,
          customer: draft.customer,
          locale: draft.locale,
          now: deps.now(),
          draftId: draft.id,
        };
        const booking = await bookAndCheckout(deps.db, input, (made, newOrder) =>
          startPayment(deps, payments, made, req, res, newOrder),
        );
        deps.logger.info({ reference: booking.reference, total: booking.total }, "booking created");
      } catch (error) {
        if (error instanceof DraftAlreadyBookedError) {
          return resumeBooking(deps, error.booking, req, res);
        }
        if (error instanceof SoldOutError) {
          return sendBookForm(deps, req, res, 409, { ...kept, problem: texts.soldOutProblem });
        }
        if (error instanceof PricingError) {
          const problem = pricingProblem(error, context.lang);
          return sendBookForm(deps, req, res, 400, { ...kept, problem });
        }
        throw error;
      }
    },
  );

  router.get("/bookings/:reference", async (req, res) => {
    const booking = await ownedBooking(deps, req);
    if (booking === undefined) return bookingNotFound(deps, req, res);
    const attempt = await payments.getStatus({ orderRef: booking.reference });
    const payable =
      booking.status === "awaiting_payment" &&
      attempt?.status !== "processing" &&
      attempt?.status !== "paid";
    const cancellable =
      booking.status === "confirmed" && deps.now().getTime() < Date.parse(booking.pick_up_at);
    const page = (
      <BookingPage
        context={pageContext(deps, req, res)}
        booking={booking}
        payment={attempt?.status}
        canceled={req.query.canceled === "1"}
        payAction={payable ? bookingHref(deps, booking.reference, { suffix: "/pay" }) : undefined}
        csrfToken={payable ? deps.csrf.generateToken(req, res) : undefined}
        cancelHref={
          cancellable ? bookingHref(deps, booking.reference, { suffix: "/cancel" }) : undefined
        }
        cancellation={await cancellationView(deps, booking)}
        konbiniSlip={await findKonbiniSlip(deps.db, booking.id)}
      />
    );
    res.set("Cache-Control", "no-store");
    sendHtml(res, 200, renderPage(page));
  });

  router.post(
    "/bookings/:reference/pay",
    checkoutRateLimit(limiterOptions(deps, "checkout", deps.rateLimits?.checkout)),
    async (req, res) => {
      const booking = await ownedBooking(deps, req);
      if (booking === undefined) return bookingNotFound(deps, req, res);
      if (booking.status !== "awaiting_payment") {
        return res.redirect(303, bookingHref(deps, booking.reference));
      }
      await startPayment(deps, payments, booking, req, res);
    },
  );

  const bookingsByRequest = new WeakMap<Request, Booking>();
  router.get(
    "/bookings/:reference/return",
    returnRateLimit(limiterOptions(deps, "return", deps.rateLimits?.return)),
    returnHandler({
      payments,
      resolveOrder: async (req) => {
        const booking = await ownedBooking(deps, req);
        if (booking === undefined) return null;
        bookingsByRequest.set(req, booking);
        return booking.reference;
      },
      render: async (view: ReturnView, req, res) => {
        // Read again: the webhook may have confirmed it while the provider was asked.
        const booking = await findBooking(deps.db, view.orderRef);
        if (booking === undefined || bookingsByRequest.get(req)?.id !== booking.id) {
          return bookingNotFound(deps, req, res);
        }
        // The provider itself says the session is open and unpaid: the shopper left its page
        // without paying (KOMOJU returns everyone here), so offer the way back, not a spinner.
        const unpaid =
          view.source === "provider" &&
          view.status === "pending" &&
          booking.status === "awaiting_payment"
            ? {
                payAction: bookingHref(deps, booking.reference, { suffix: "/pay" }),
                csrfToken: deps.csrf.generateToken(req, res),
              }
            : undefined;
        const page = (
          <ReturnPage
            context={pageContext(deps, req, res)}
            booking={booking}
            status={view.status}
            konbini={view.attempt.status === "processing"}
            konbiniSlip={await findKonbiniSlip(deps.db, booking.id)}
            bookingHref={bookingHref(deps, booking.reference)}
            unpaid={unpaid}
          />
        );
        res.set("Cache-Control", "no-store");
        sendHtml(res, 200, renderPage(page));
      },
    }),
  );

  return router;
}

/**
 * @module
 * Booking and paying: `POST /bookings` (priced here, car held, checkout started, 303 to the
 * provider), the booking page (token-protected), paying again, and the provider's return page.
 */
import { isLinkpayError, type Payments } from "@linkpay/core";
import {
  checkoutRateLimit,
  type ReturnView,
  redirectToCheckout,
  requestLogger,
  returnHandler,
  returnRateLimit,
} from "@linkpay/express";
import { type Request, type Response, Router } from "express";
import { bookingFormSchema, choiceOf, searchSchema } from "../../bookings/booking-form";
import { type Booking, createBooking, findBooking, SoldOutError } from "../../bookings/bookings";
import { checkoutFor } from "../../bookings/checkout-for-booking";
import { findCancellation } from "../../cancellations/cancel-booking";
import { cancellationRefundState } from "../../cancellations/refund-state";
import { PricingError } from "../../pricing/pricing-error";
import { quote } from "../../pricing/quote";
import { bookingHref, limiterOptions, pageContext, type RouteDeps, sendHtml } from "../app-deps";
import { TEXTS } from "../i18n";
import { BookingPage, type CancellationView } from "../views/booking-page";
import { renderPage } from "../views/layout";
import { ReturnPage } from "../views/return-page";
import { SearchPage } from "../views/search-page";
import { bookingNotFound, ownedBooking } from "./owned-booking";
import { chosenOptions, defaultSearch } from "./search-routes";

async function startPayment(
  deps: RouteDeps,
  payments: Payments,
  booking: Booking,
  req: Request,
  res: Response,
): Promise<void> {
  try {
    const started = await payments.startCheckout({
      ...checkoutFor(booking),
      logger: requestLogger(req),
    });
    redirectToCheckout(res, started);
  } catch (error) {
    // The provider is down or refused: the booking keeps its car until the checkout window
    // passes; the shopper can try again from the booking page.
    if (!isLinkpayError(error) || error.kind === "not_authentic") throw error;
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
      const search = searchSchema.safeParse(body);
      const form = bookingFormSchema.safeParse(body);
      if (!search.success || !form.success) {
        const page = (
          <SearchPage
            context={context}
            search={search.success ? search.data : defaultSearch(deps.now())}
            problem={texts.formProblem}
          />
        );
        return sendHtml(res, 400, renderPage(page));
      }
      try {
        const choice = {
          ...choiceOf(search.data, form.data),
          options: [...chosenOptions(body)].map(([code, quantity]) => ({ code, quantity })),
        };
        const priced = quote(choice);
        const booking = await createBooking(deps.db, {
          choice,
          quote: priced,
          customer: { name: form.data.name, email: form.data.email, phone: form.data.phone },
          locale: context.lang,
          now: deps.now(),
        });
        deps.logger.info({ reference: booking.reference, total: booking.total }, "booking created");
        await startPayment(deps, payments, booking, req, res);
      } catch (error) {
        if (error instanceof SoldOutError || error instanceof PricingError) {
          const problem =
            error instanceof SoldOutError ? texts.soldOutProblem : texts.pricingProblem;
          const page = <SearchPage context={context} search={search.data} problem={problem} />;
          return sendHtml(res, error instanceof SoldOutError ? 409 : 400, renderPage(page));
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
        const page = (
          <ReturnPage
            context={pageContext(deps, req, res)}
            booking={booking}
            status={view.status}
            konbini={view.attempt.status === "processing"}
            bookingHref={bookingHref(deps, booking.reference)}
          />
        );
        res.set("Cache-Control", "no-store");
        sendHtml(res, 200, renderPage(page));
      },
    }),
  );

  return router;
}

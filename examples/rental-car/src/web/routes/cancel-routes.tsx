/**
 * @module
 * Shopper cancellation: `GET /bookings/:reference/cancel` shows what cancelling now keeps and
 * refunds under the published policy, `POST` (same URL, token-protected, rate-limited) cancels and
 * asks for the refund, then 303s to the booking page, which follows the refund; and the policy
 * itself at `GET /cancellation-policy`.
 */
import { rateLimit, requestLogger } from "@linkpay/express";
import { type Request, type Response, Router } from "express";
import type { Booking } from "../../bookings/bookings";
import {
  CancelError,
  cancelBooking,
  previewCancellation,
} from "../../cancellations/cancel-booking";
import { bookingHref, limiterOptions, pageContext, type RouteDeps, sendHtml } from "../app-deps";
import { TEXTS } from "../i18n";
import { CancelPage, CannotCancelPage } from "../views/cancel-page";
import { CancellationPolicyPage } from "../views/cancellation-policy-page";
import { renderPage } from "../views/layout";
import { bookingNotFound, ownedBooking } from "./owned-booking";

/** Renders a refused cancellation: 404 for a booking that is gone, else 409 with the reason. */
function refused(
  deps: RouteDeps,
  req: Request,
  res: Response,
  booking: Booking,
  error: CancelError,
) {
  if (error.code === "BOOKING_NOT_FOUND") return bookingNotFound(deps, req, res);
  const context = pageContext(deps, req, res);
  const texts = TEXTS[context.lang];
  const reason =
    error.code === "TOO_LATE_TO_CANCEL"
      ? texts.tooLateToCancel
      : booking.status === "awaiting_payment"
        ? texts.notPaidCannotCancel
        : booking.status === "cancelled"
          ? texts.alreadyCancelled
          : texts.notCancellable;
  const page = (
    <CannotCancelPage
      context={context}
      reason={reason}
      bookingHref={bookingHref(deps, booking.reference)}
    />
  );
  res.set("Cache-Control", "no-store");
  sendHtml(res, 409, renderPage(page));
}

/** Routes: `GET|POST /bookings/:reference/cancel`, `GET /cancellation-policy`. */
export function cancelRoutes(deps: RouteDeps): Router {
  const router = Router();

  router.get("/cancellation-policy", (req, res) => {
    const page = <CancellationPolicyPage context={pageContext(deps, req, res)} />;
    sendHtml(res, 200, renderPage(page));
  });

  router.get("/bookings/:reference/cancel", async (req, res) => {
    const booking = await ownedBooking(deps, req);
    if (booking === undefined) return bookingNotFound(deps, req, res);
    try {
      const preview = await previewCancellation(deps, booking.reference);
      const page = (
        <CancelPage
          context={pageContext(deps, req, res)}
          preview={preview}
          action={bookingHref(deps, booking.reference, { suffix: "/cancel" })}
          csrfToken={deps.csrf.generateToken(req, res)}
          bookingHref={bookingHref(deps, booking.reference)}
        />
      );
      res.set("Cache-Control", "no-store");
      sendHtml(res, 200, renderPage(page));
    } catch (error) {
      if (!(error instanceof CancelError)) throw error;
      refused(deps, req, res, booking, error);
    }
  });

  router.post(
    "/bookings/:reference/cancel",
    rateLimit(
      "cancel",
      { windowMs: 15 * 60_000, limit: 10 },
      limiterOptions(deps, "cancel", deps.rateLimits?.cancel),
    ),
    async (req, res) => {
      const booking = await ownedBooking(deps, req);
      if (booking === undefined) return bookingNotFound(deps, req, res);
      try {
        const outcome = await cancelBooking(deps, {
          reference: booking.reference,
          actor: "shopper",
        });
        const log = requestLogger(req, deps.logger);
        log.info(
          {
            reference: booking.reference,
            fee: outcome.cancellation.fee,
            refund: outcome.cancellation.refund_amount,
          },
          "shopper cancellation",
        );
        if (outcome.refundError !== undefined) {
          // The booking stays cancelled; its page tells the shopper the shop will follow up.
          log.warn(
            { reference: booking.reference, code: outcome.refundError.code },
            "cancellation refund could not be asked",
          );
        }
        res.redirect(303, bookingHref(deps, booking.reference));
      } catch (error) {
        if (!(error instanceof CancelError)) throw error;
        refused(deps, req, res, booking, error);
      }
    },
  );

  return router;
}

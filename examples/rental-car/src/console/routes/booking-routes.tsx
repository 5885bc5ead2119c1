/**
 * @module
 * Bookings in the console: search, the detail page with the payment timeline from
 * `payments.history`, resending the confirmation e-mail (any staff), and, for managers only and
 * after re-authentication, a partial refund and a cancellation under the published policy.
 * Every action is in the audit log with its before and after.
 */
import { randomUUID } from "node:crypto";
import { isLinkpayError, money } from "@linkpay/core";
import { type Request, type Response, Router } from "express";
import { isReference } from "../../bookings/booking-reference";
import { findBooking } from "../../bookings/bookings";
import {
  CancelError,
  cancelBooking,
  cancellationQuoteFor,
  findCancellation,
} from "../../cancellations/cancel-booking";
import type { CancellationQuote } from "../../cancellations/cancellation-policy";
import type { BookingStatus } from "../../db/app-tables";
import { formatYen } from "../../web/format";
import {
  auditAction,
  type ConsoleRouteDeps,
  consoleContext,
  consoleTexts,
  formField,
  requireManager,
  sendConsolePage,
  sendMessage,
  signedIn,
} from "../console-deps";
import { reauthenticate } from "../reauthenticate";
import { searchBookings } from "../search-bookings";
import { BookingDetailPage } from "../views/booking-detail-page";
import { BookingSearchPage } from "../views/booking-search-page";
import { renderConsolePage } from "../views/console-layout";

const STATUSES: readonly BookingStatus[] = [
  "awaiting_payment",
  "confirmed",
  "payment_failed",
  "expired",
  "cancelled",
];

function query(req: Request, name: string): string {
  const value = req.query[name];
  return typeof value === "string" ? value.trim().slice(0, 100) : "";
}

/** Routes: `/`, `/bookings/:reference` and its actions. */
export function bookingRoutes(deps: ConsoleRouteDeps): Router {
  const router = Router();

  router.get("/", async (req, res) => {
    const status = query(req, "status");
    const filters = {
      text: query(req, "q"),
      pickUpFrom: /^\d{4}-\d{2}-\d{2}$/.test(query(req, "from")) ? query(req, "from") : "",
      pickUpTo: /^\d{4}-\d{2}-\d{2}$/.test(query(req, "to")) ? query(req, "to") : "",
      status: STATUSES.find((known) => known === status),
    };
    const bookings = await searchBookings(deps.db, filters);
    const page = (
      <BookingSearchPage
        context={consoleContext(deps, req, res)}
        filters={filters}
        bookings={bookings}
      />
    );
    sendConsolePage(res, 200, renderConsolePage(page));
  });

  async function detail(
    req: Request,
    res: Response,
    status = 200,
    message?: { ok: boolean; text: string },
  ) {
    const reference = String(req.params.reference);
    const booking = isReference(reference) ? await findBooking(deps.db, reference) : undefined;
    const context = consoleContext(deps, req, res);
    if (booking === undefined) {
      return sendMessage(deps, req, res, {
        status: 404,
        title: context.texts.notFoundTitle,
        message: context.texts.notFound,
      });
    }
    const [history, cancellation] = await Promise.all([
      deps.payments.history({ orderRef: booking.reference }),
      findCancellation(deps.db, booking.reference),
    ]);
    let cancelQuote: CancellationQuote | undefined;
    try {
      cancelQuote = cancellationQuoteFor(booking, history, deps.now());
    } catch (error) {
      if (!(error instanceof CancelError)) throw error;
    }
    const page = (
      <BookingDetailPage
        context={context}
        booking={booking}
        history={history}
        cancellation={cancellation?.cancellation}
        cancelQuote={cancelQuote}
        refundKey={`console-refund-${randomUUID()}`}
        message={message}
      />
    );
    sendConsolePage(res, status, renderConsolePage(page));
  }

  router.get("/bookings/:reference", (req, res) => detail(req, res));

  router.post("/bookings/:reference/resend", async (req, res) => {
    const session = signedIn(res);
    const { texts } = consoleTexts(req, res);
    const booking = await findBooking(deps.db, String(req.params.reference));
    if (booking === undefined) return detail(req, res, 404);
    const result = await deps.db
      .updateTable("rc_outbox")
      .set({ sent_at: null })
      .where("booking_id", "=", booking.id)
      .where("kind", "=", "booking_confirmed")
      .executeTakeFirst();
    const queued = result.numUpdatedRows > 0n;
    await auditAction(deps, req, session.staff, {
      action: "resend_confirmation",
      target: booking.reference,
      outcome: queued ? "ok" : "refused",
    });
    return detail(req, res, queued ? 200 : 409, {
      ok: queued,
      text: queued ? texts.resent : texts.noMail,
    });
  });

  router.post("/bookings/:reference/refund", requireManager(deps), async (req, res) => {
    const session = signedIn(res);
    const { texts, lang } = consoleTexts(req, res);
    const booking = await findBooking(deps.db, String(req.params.reference));
    if (booking === undefined) return detail(req, res, 404);
    const amountText = formField(req, "amount").replace(/[,，¥￥\s]/g, "");
    const amount = /^\d{1,9}$/.test(amountText) ? Number(amountText) : 0;
    const reason = formField(req, "reason").slice(0, 200);
    const key = formField(req, "key");
    if (amount < 1) return detail(req, res, 400, { ok: false, text: texts.amountInvalid });
    if (reason === "") return detail(req, res, 400, { ok: false, text: texts.reasonMissing });
    if (!/^console-refund-[0-9a-f-]{36}$/.test(key))
      return detail(req, res, 400, { ok: false, text: texts.amountInvalid });
    const reauthenticated = await reauthenticate(deps, session, req, {
      password: formField(req, "password"),
      code: formField(req, "code"),
      action: "refund",
    });
    if (!reauthenticated) return detail(req, res, 401, { ok: false, text: texts.reauthFailed });
    const before = await deps.payments.getStatus({ orderRef: booking.reference });
    try {
      const { refund, replayed } = await deps.payments.refund({
        orderRef: booking.reference,
        amount: money(amount, booking.currency),
        reason,
        actor: `staff:${session.staff.email}`,
        idempotencyKey: key,
      });
      await auditAction(deps, req, session.staff, {
        action: "refund",
        target: booking.reference,
        before: { paymentStatus: before?.status, refunded: before?.refundedAmount.amount },
        after: { refundId: refund.id, amount, reason, status: refund.status, replayed },
      });
      return detail(req, res, 200, { ok: true, text: texts.refundDone(formatYen(amount, lang)) });
    } catch (error) {
      if (!isLinkpayError(error)) throw error;
      await auditAction(deps, req, session.staff, {
        action: "refund",
        target: booking.reference,
        outcome: "refused",
        after: { amount, reason, error: error.code },
      });
      return detail(req, res, error.status, { ok: false, text: texts.refundFailed(error.code) });
    }
  });

  router.post("/bookings/:reference/cancel", requireManager(deps), async (req, res) => {
    const session = signedIn(res);
    const { texts } = consoleTexts(req, res);
    const booking = await findBooking(deps.db, String(req.params.reference));
    if (booking === undefined) return detail(req, res, 404);
    const reauthenticated = await reauthenticate(deps, session, req, {
      password: formField(req, "password"),
      code: formField(req, "code"),
      action: "cancel",
    });
    if (!reauthenticated) return detail(req, res, 401, { ok: false, text: texts.reauthFailed });
    try {
      const outcome = await cancelBooking(deps, {
        reference: booking.reference,
        actor: `staff:${session.staff.email}`,
      });
      await auditAction(deps, req, session.staff, {
        action: "cancel",
        target: booking.reference,
        before: { status: booking.status, carId: booking.car_id },
        after: {
          status: outcome.booking.status,
          fee: outcome.cancellation.fee,
          refund: outcome.cancellation.refund_amount,
          refundId: outcome.refund?.id,
          refundError: outcome.refundError?.code,
        },
      });
      const text =
        outcome.refundError === undefined
          ? texts.cancelDone
          : `${texts.cancelDone} ${texts.refundFailed(outcome.refundError.code)}`;
      return detail(req, res, 200, { ok: outcome.refundError === undefined, text });
    } catch (error) {
      if (!(error instanceof CancelError)) throw error;
      await auditAction(deps, req, session.staff, {
        action: "cancel",
        target: booking.reference,
        outcome: "refused",
        after: { error: error.code },
      });
      return detail(req, res, 409, { ok: false, text: texts.cannotCancel });
    }
  });

  return router;
}

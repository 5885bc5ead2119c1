/**
 * @module
 * Konbini payments: the shopper picks a store and gets a slip; the payment is `authorized`
 * (waiting for the cash) and the session completes. The cash arrives (`captured`) or the slip
 * expires (`expired`) later, by operator action or the expiry sweep.
 */
import { randomDigits } from "../../ids/new-id";
import { konbiniExpiry } from "../../operations/konbini";
import { KomojuApiError } from "../api/komoju-api-error";
import type {
  KomojuPaymentRecord,
  KomojuSessionRecord,
  KomojuStore,
} from "../state/komoju-records";
import type { KomojuContext } from "./komoju-context";
import { assertPayable, completeSession, emitPaymentEvent, newPayment } from "./komoju-payments";

/**
 * Whether the session can still issue a slip: it offers konbini and its requested
 * `payment_deadline`, if any, lies ahead (a slip already past its deadline could never be paid).
 */
export function isKonbiniOpen(context: KomojuContext, session: KomojuSessionRecord): boolean {
  if (!session.paymentTypes.includes("konbini")) return false;
  return session.paymentDeadline === null || context.clock().getTime() < session.paymentDeadline;
}

/**
 * Issues a slip for `store`: payment `authorized`, `payment.authorized`, session completed.
 *
 * @throws KomojuApiError 422 when the session is not payable, does not offer konbini, or its
 * `payment_deadline` has passed.
 */
export function startKomojuKonbini(
  context: KomojuContext,
  session: KomojuSessionRecord,
  store: KomojuStore,
): KomojuPaymentRecord {
  assertPayable(session);
  if (!session.paymentTypes.includes("konbini")) {
    throw new KomojuApiError(422, "invalid_payment_type", "This session does not offer konbini.");
  }
  if (!isKonbiniOpen(context, session)) {
    throw new KomojuApiError(
      422,
      "invalid_payment_type",
      `The payment_deadline of session ${session.id} has passed; it can no longer issue a konbini slip.`,
    );
  }
  const now = context.clock().getTime();
  const deadline =
    session.paymentDeadline ??
    konbiniExpiry(Math.floor(now / 1000), context.konbiniExpiryDays) * 1000;
  const payment = newPayment(context, session, {
    details: {
      type: "konbini",
      store,
      receipt: randomDigits(store === "seven-eleven" ? 13 : 11),
      confirmationCode: store === "seven-eleven" ? null : randomDigits(6),
    },
    status: "authorized",
    paymentDeadline: deadline,
  });
  completeSession(context, session);
  context.logger.info({ sessionId: session.id, store }, "komoju konbini slip issued");
  emitPaymentEvent(context, "payment.authorized", payment);
  return payment;
}

/** The session's konbini payment waiting for the cash. */
function authorizedKonbini(
  context: KomojuContext,
  session: KomojuSessionRecord,
): KomojuPaymentRecord {
  const payment = context.state.latestPayment(session);
  if (payment?.details.type !== "konbini" || payment.status !== "authorized") {
    throw new KomojuApiError(
      422,
      "konbini_payment_not_pending",
      `Session ${session.id} has no konbini payment waiting for the cash.`,
    );
  }
  return payment;
}

/**
 * The shopper paid at the store: `captured`, `payment.captured`.
 *
 * @throws KomojuApiError 422 when no konbini payment is waiting.
 */
export function markKomojuKonbiniPaid(context: KomojuContext, session: KomojuSessionRecord): void {
  const payment = authorizedKonbini(context, session);
  payment.status = "captured";
  payment.capturedAt = context.clock().getTime();
  context.logger.info({ sessionId: session.id }, "komoju konbini payment received");
  emitPaymentEvent(context, "payment.captured", payment);
}

/**
 * The slip expired unpaid: `expired`, `payment.expired`.
 *
 * @throws KomojuApiError 422 when no konbini payment is waiting.
 */
export function markKomojuKonbiniExpired(
  context: KomojuContext,
  session: KomojuSessionRecord,
): void {
  const payment = authorizedKonbini(context, session);
  payment.status = "expired";
  context.logger.info({ sessionId: session.id }, "komoju konbini slip expired");
  emitPaymentEvent(context, "payment.expired", payment);
}

/** Whether the session has a konbini payment waiting for the cash. */
export function hasAuthorizedKonbini(
  context: KomojuContext,
  session: KomojuSessionRecord,
): boolean {
  const payment = context.state.latestPayment(session);
  return payment?.details.type === "konbini" && payment.status === "authorized";
}

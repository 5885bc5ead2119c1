/**
 * @module
 * PayPay as a wallet redirect: choosing it creates a `pending` payment and sends the shopper to
 * the sandbox's PayPay look-alike, where approving captures it (session completed) and cancelling
 * fails it (the session stays pending, so the shopper may choose again).
 */
import { KomojuApiError } from "../api/komoju-api-error";
import type { KomojuPaymentRecord, KomojuSessionRecord } from "../state/komoju-records";
import type { KomojuContext } from "./komoju-context";
import { assertPayable, completeSession, emitPaymentEvent, newPayment } from "./komoju-payments";

/**
 * Starts a PayPay payment (`pending`, no event yet).
 *
 * @throws KomojuApiError 422 when the session is not payable or does not offer PayPay.
 */
export function startKomojuPayPay(
  context: KomojuContext,
  session: KomojuSessionRecord,
): KomojuPaymentRecord {
  assertPayable(session);
  if (!session.paymentTypes.includes("paypay")) {
    throw new KomojuApiError(422, "invalid_payment_type", "This session does not offer PayPay.");
  }
  context.state.forgetSteps(session.id);
  return newPayment(context, session, { details: { type: "paypay" }, status: "pending" });
}

/** Whether `payment` is a PayPay payment still waiting for the shopper's answer. */
export function isWaitingPayPay(
  context: KomojuContext,
  payment: KomojuPaymentRecord | undefined,
): payment is KomojuPaymentRecord {
  if (payment?.details.type !== "paypay" || payment.status !== "pending") return false;
  const session = context.state.sessions.get(payment.sessionId);
  return session !== undefined && session.paymentId === payment.id;
}

/**
 * The shopper's answer in the wallet: approve captures (`payment.captured`, session completed),
 * cancel fails the payment (`payment.failed`; the session stays pending).
 *
 * @throws KomojuApiError 422 when the payment no longer waits or the session is not payable.
 */
export function answerKomojuPayPay(
  context: KomojuContext,
  payment: KomojuPaymentRecord,
  approved: boolean,
): KomojuSessionRecord {
  const session = context.state.session(payment.sessionId);
  if (!isWaitingPayPay(context, payment)) {
    throw new KomojuApiError(422, "invalid_status", "This PayPay payment is no longer waiting.");
  }
  assertPayable(session);
  if (approved) {
    payment.status = "captured";
    payment.capturedAt = context.clock().getTime();
    completeSession(context, session);
  } else {
    payment.status = "failed";
  }
  context.logger.info({ sessionId: session.id, approved }, "komoju paypay answered");
  emitPaymentEvent(context, approved ? "payment.captured" : "payment.failed", payment);
  return session;
}

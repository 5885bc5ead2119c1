/**
 * @module
 * Konbini (convenience store) payments: the shopper gets a payment slip and the session completes
 * unpaid; the payment arrives (or the slip expires) later, as with Stripe's konbini.
 */
import { invalidRequest } from "../api/sandbox-api-error";
import { unixSeconds } from "../clock/clock";
import { newId, randomDigits } from "../ids/new-id";
import type { PaymentErrorRecord, SessionRecord } from "../state/records";
import { emitChargeEvent, emitIntentEvent, emitSessionEvent } from "./emit";
import { ensurePaymentIntent, failIntent, recordCharge, succeedIntent } from "./payment-intents";
import type { SandboxContext } from "./sandbox-context";
import { assertOpen } from "./session-guards";

const DAY = 86_400;
const JST_OFFSET = 9 * 3_600;
/** How long a slip stays payable when the session names no `expires_after_days` (Stripe's default). */
const DEFAULT_EXPIRES_AFTER_DAYS = 3;

const SLIP_EXPIRED: PaymentErrorRecord = {
  type: "invalid_request_error",
  code: "payment_intent_payment_attempt_expired",
  declineCode: null,
  message: "The konbini payment slip expired before the customer paid.",
};

/** 23:59:59 JST, `days` calendar days after `now` (how Stripe sets konbini slip expiry). */
export function konbiniExpiry(now: number, days: number): number {
  const today = Math.floor((now + JST_OFFSET) / DAY);
  return (today + days + 1) * DAY - JST_OFFSET - 1;
}

/**
 * Issues a konbini slip: the session completes with `payment_status: unpaid`.
 *
 * @throws SandboxApiError 400 when the session is not open or does not offer konbini.
 */
export function startKonbini(context: SandboxContext, session: SessionRecord): void {
  assertOpen(session);
  if (!session.paymentMethodTypes.includes("konbini")) {
    throw invalidRequest("This Checkout Session does not accept konbini payments.", {
      param: "allowed_payment_method_types",
    });
  }
  const intent = ensurePaymentIntent(context, session);
  const now = unixSeconds(context.clock);
  session.konbini = {
    confirmationNumber: randomDigits(11),
    paymentCode: randomDigits(12),
    expiresAt: konbiniExpiry(now, session.konbiniExpiresAfterDays ?? DEFAULT_EXPIRES_AFTER_DAYS),
    state: "pending",
  };
  intent.status = "requires_action";
  intent.paymentMethodId = newId("paymentMethod");
  intent.lastPaymentError = null;
  session.status = "complete";
  session.paymentStatus = "unpaid";
  context.logger.info({ sessionId: session.id }, "konbini slip issued");
  emitIntentEvent(context, "payment_intent.requires_action", intent);
  emitSessionEvent(context, "checkout.session.completed", session);
}

function pendingIntent(context: SandboxContext, session: SessionRecord) {
  if (session.konbini?.state !== "pending" || session.paymentIntentId === null) {
    throw invalidRequest(`Checkout Session ${session.id} has no pending konbini payment.`, {
      code: "konbini_payment_not_pending",
    });
  }
  return { voucher: session.konbini, intent: context.state.paymentIntent(session.paymentIntentId) };
}

/**
 * The shopper paid at the store: `checkout.session.async_payment_succeeded`.
 *
 * @throws SandboxApiError 400 when no konbini payment is pending.
 */
export function markKonbiniPaid(context: SandboxContext, session: SessionRecord): void {
  const { voucher, intent } = pendingIntent(context, session);
  voucher.state = "paid";
  const charge = recordCharge(context, intent, { type: "konbini", store: "familymart" }, null);
  succeedIntent(intent);
  session.paymentStatus = "paid";
  context.logger.info({ sessionId: session.id }, "konbini payment received");
  emitChargeEvent(context, "charge.succeeded", charge, session.id);
  emitIntentEvent(context, "payment_intent.succeeded", intent);
  emitSessionEvent(context, "checkout.session.async_payment_succeeded", session);
}

/**
 * The slip expired unpaid: `checkout.session.async_payment_failed`.
 *
 * @throws SandboxApiError 400 when no konbini payment is pending.
 */
export function markKonbiniExpired(context: SandboxContext, session: SessionRecord): void {
  const { voucher, intent } = pendingIntent(context, session);
  voucher.state = "expired";
  failIntent(intent, SLIP_EXPIRED);
  context.logger.info({ sessionId: session.id }, "konbini slip expired");
  emitIntentEvent(context, "payment_intent.payment_failed", intent);
  emitSessionEvent(context, "checkout.session.async_payment_failed", session);
}

/**
 * @module
 * PaymentIntents and charges of checkout sessions. As with Stripe Checkout, a session's
 * PaymentIntent is created on the shopper's first attempt to pay, not with the session.
 */
import { unixSeconds } from "../clock/clock";
import { newId } from "../ids/new-id";
import type {
  ChargeMethod,
  ChargeRecord,
  PaymentErrorRecord,
  PaymentIntentRecord,
  SessionRecord,
} from "../state/records";
import { emitIntentEvent } from "./emit";
import type { SandboxContext } from "./sandbox-context";

/** The session's PaymentIntent, created (with `payment_intent.created`) on first use. */
export function ensurePaymentIntent(
  context: SandboxContext,
  session: SessionRecord,
): PaymentIntentRecord {
  const existing =
    session.paymentIntentId === null
      ? undefined
      : context.state.paymentIntents.get(session.paymentIntentId);
  if (existing !== undefined) return existing;
  const intent: PaymentIntentRecord = {
    id: newId("paymentIntent"),
    seq: context.state.nextSeq(),
    created: unixSeconds(context.clock),
    sessionId: session.id,
    amount: session.amountTotal,
    currency: session.currency,
    metadata: session.paymentIntentMetadata,
    description: session.paymentIntentDescription,
    paymentMethodTypes: session.paymentMethodTypes,
    status: "requires_payment_method",
    amountReceived: 0,
    latestChargeId: null,
    paymentMethodId: null,
    lastPaymentError: null,
    canceledAt: null,
  };
  context.state.paymentIntents.set(intent.id, intent);
  session.paymentIntentId = intent.id;
  emitIntentEvent(context, "payment_intent.created", intent);
  return intent;
}

/** Records a charge on `intent` and makes it the latest one. */
export function recordCharge(
  context: SandboxContext,
  intent: PaymentIntentRecord,
  method: ChargeMethod,
  failure: PaymentErrorRecord | null,
): ChargeRecord {
  const charge: ChargeRecord = {
    id: newId("charge"),
    seq: context.state.nextSeq(),
    created: unixSeconds(context.clock),
    paymentIntentId: intent.id,
    paymentMethodId: intent.paymentMethodId ?? newId("paymentMethod"),
    amount: intent.amount,
    currency: intent.currency,
    status: failure === null ? "succeeded" : "failed",
    method,
    failure,
    amountRefunded: 0,
  };
  context.state.charges.set(charge.id, charge);
  intent.latestChargeId = charge.id;
  intent.paymentMethodId = charge.paymentMethodId;
  return charge;
}

/** Marks `intent` as failed with `error`, ready for another attempt. */
export function failIntent(intent: PaymentIntentRecord, error: PaymentErrorRecord): void {
  intent.status = "requires_payment_method";
  intent.lastPaymentError = error;
}

/** Marks `intent` as paid in full. */
export function succeedIntent(intent: PaymentIntentRecord): void {
  intent.status = "succeeded";
  intent.amountReceived = intent.amount;
  intent.lastPaymentError = null;
}

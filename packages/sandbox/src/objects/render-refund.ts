/**
 * @module
 * Renders a refund record as Stripe's `refund` object (test-mode refunds succeed at once).
 */
import type { RefundRecord } from "../state/records";
import type { RefundObject } from "./stripe-shapes";

/** The Stripe `refund` object for `refund`. */
export function renderRefund(refund: RefundRecord): RefundObject {
  return {
    id: refund.id,
    object: "refund",
    amount: refund.amount,
    charge: refund.chargeId,
    created: refund.created,
    currency: refund.currency,
    metadata: { ...refund.metadata },
    payment_intent: refund.paymentIntentId,
    reason: refund.reason,
    status: "succeeded",
  };
}

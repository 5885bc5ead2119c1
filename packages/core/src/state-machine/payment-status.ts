/**
 * @module
 * The states a checkout attempt moves through, and the events that move it.
 */

/** Every state of a checkout attempt. */
export const PAYMENT_STATUSES = [
  "open",
  "processing",
  "canceled",
  "expired",
  "failed",
  "paid",
  "partially_refunded",
  "refunded",
] as const;

/** The state of a checkout attempt. */
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** States from which no event except a refund (after `paid`) moves the attempt. */
export const CLOSED_UNPAID_STATUSES: readonly PaymentStatus[] = ["canceled", "expired", "failed"];

/** States in which the money was taken (refunds included). */
export const PAID_STATUSES: readonly PaymentStatus[] = ["paid", "partially_refunded", "refunded"];

/** States the reconciler asks the provider about. */
export const UNSETTLED_STATUSES: readonly PaymentStatus[] = ["open", "processing"];

/**
 * The normalized event kinds that may change an attempt's state. Providers map their own events
 * (or, for PSPs whose webhooks should not be trusted as to order, the session's current state)
 * onto these:
 * - `checkout.completed`: the shopper finished the hosted page, the money is not confirmed yet;
 * - `payment.pending`: a payment was started that completes later (a konbini slip was issued);
 * - `payment.succeeded`: the money was taken;
 * - `payment.failed`: the payment was refused and the session can no longer be paid;
 * - `checkout.expired`: the session (or the konbini slip) ran out unpaid;
 * - `checkout.canceled`: the session was ended unpaid, by the merchant or the shopper;
 * - `payment.refunded`: the cumulative refunded amount grew (`refundedAmount`).
 */
export const PAYMENT_EVENT_KINDS = [
  "checkout.completed",
  "payment.pending",
  "payment.succeeded",
  "payment.failed",
  "checkout.expired",
  "checkout.canceled",
  "payment.refunded",
] as const;

/** A normalized event kind that may change an attempt's state. */
export type PaymentEventKind = (typeof PAYMENT_EVENT_KINDS)[number];

/** True when the attempt is in a state where the money was taken. */
export function isPaidStatus(status: PaymentStatus): boolean {
  return PAID_STATUSES.includes(status);
}

/** True when no further payment can happen on this attempt. */
export function isClosedStatus(status: PaymentStatus): boolean {
  return status !== "open" && status !== "processing";
}

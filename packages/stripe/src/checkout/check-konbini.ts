/**
 * @module
 * Stripe's limits on konbini, checked before anything is stored: JPY only, ¥120 to ¥300,000.
 * Without this, Stripe refuses the session and the shopper sees PROVIDER_REJECTED.
 */
import { type CheckoutRequest, LinkpayError } from "@linkpay/core";

/** What Stripe's konbini accepts (JPY, whole yen). */
export const STRIPE_KONBINI_AMOUNT = { min: 120, max: 300_000 } as const;

/** True when Stripe's konbini can take `total` (a merchant may check before offering it). */
export function konbiniCanCharge(total: CheckoutRequest["total"]): boolean {
  return (
    total.currency === "JPY" &&
    total.amount >= STRIPE_KONBINI_AMOUNT.min &&
    total.amount <= STRIPE_KONBINI_AMOUNT.max
  );
}

/**
 * Refuses a checkout offering konbini that Stripe's konbini cannot charge, naming paymentMethods.
 *
 * @throws LinkpayError INVALID_CHECKOUT_REQUEST
 */
export function assertKonbiniCanCharge(request: CheckoutRequest): void {
  if (!request.paymentMethods?.includes("konbini") || konbiniCanCharge(request.total)) return;
  const message =
    `konbini takes JPY amounts from ¥${STRIPE_KONBINI_AMOUNT.min} to ` +
    `¥${STRIPE_KONBINI_AMOUNT.max.toLocaleString("en-US")} only; offer ["card"] for this checkout`;
  throw new LinkpayError(
    "INVALID_CHECKOUT_REQUEST",
    `The checkout request is not valid: paymentMethods: ${message}`,
    { details: { issues: [{ path: "paymentMethods", message }] } },
  );
}

/**
 * @module
 * The amount a Checkout Session is for, as linkpay Money (Stripe's unit converted back).
 */
import type { Money } from "@linkpay/core";
import { fromStripeAmount, type StripeAmountSource } from "../money/stripe-units";
import type { StripeCheckoutSession } from "../stripe-objects/stripe-object-schemas";

/** The session's `amount_total` as Money. */
export function sessionAmount(session: StripeCheckoutSession, source: StripeAmountSource): Money {
  return fromStripeAmount(
    { amount: session.amount_total, currency: session.currency },
    source,
    "checkout session",
  );
}

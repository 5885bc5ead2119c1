/**
 * @module
 * The amount a Checkout Session is for, as linkpay Money.
 */
import { LinkpayError, type Money, money } from "@linkpay/core";
import type { StripeObjectSource } from "../stripe-objects/parse-stripe-object";
import type { StripeCheckoutSession } from "../stripe-objects/stripe-object-schemas";

/**
 * `amount_total` in `currency` (Stripe's lower case made ISO upper case). Throws
 * WEBHOOK_PAYLOAD_INVALID (webhook) or PROVIDER_REJECTED (API) when either is missing or unknown.
 */
export function amountOf(
  value: { readonly amount: number | null; readonly currency: string | null },
  source: StripeObjectSource,
  what: string,
): Money {
  const code = source === "webhook" ? "WEBHOOK_PAYLOAD_INVALID" : "PROVIDER_REJECTED";
  if (value.amount === null || value.currency === null) {
    throw new LinkpayError(code, `The Stripe ${what} has no amount or currency`, {
      details: { object: what },
    });
  }
  try {
    return money(value.amount, value.currency);
  } catch (error) {
    throw new LinkpayError(
      code,
      `The Stripe ${what} has an amount or currency linkpay cannot use`,
      {
        cause: error,
        details: { object: what, currency: value.currency.slice(0, 8) },
      },
    );
  }
}

/** The session's `amount_total` as Money. */
export function sessionAmount(session: StripeCheckoutSession, source: StripeObjectSource): Money {
  return amountOf(
    { amount: session.amount_total, currency: session.currency },
    source,
    "checkout session",
  );
}

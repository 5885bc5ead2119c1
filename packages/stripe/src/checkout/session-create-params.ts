/**
 * @module
 * Translates linkpay's checkout input into `checkout.sessions.create` parameters. Prices come
 * from the merchant's computed line items (`price_data`), never from a Stripe Price id or the
 * browser.
 */
import {
  type CreateCheckoutInput,
  LinkpayError,
  moneyEquals,
  multiplyMoney,
  sumMoney,
} from "@linkpay/core";
import type Stripe from "stripe";
import { toStripeAmount } from "../money/stripe-units";
import { linkpayMetadata } from "./linkpay-metadata";
import { withSessionIdParameter } from "./success-url";

function assertLinesMatchTotal(input: CreateCheckoutInput): void {
  const lines = input.lineItems.map((item) => multiplyMoney(item.unitAmount, item.quantity));
  if (!moneyEquals(sumMoney(lines, input.total.currency), input.total)) {
    throw new LinkpayError(
      "INVALID_CHECKOUT_REQUEST",
      "The line items do not add up to the total; Stripe charges the sum of the lines",
      { details: { orderRef: input.orderRef } },
    );
  }
}

/** Konbini's slip deadline, when the checkout offers konbini and names one. */
function paymentMethodOptions(
  input: CreateCheckoutInput,
): Pick<Stripe.Checkout.SessionCreateParams, "payment_method_options"> {
  if (input.konbini === undefined || !input.paymentMethods.includes("konbini")) return {};
  return {
    payment_method_options: { konbini: { expires_after_days: input.konbini.expiresAfterDays } },
  };
}

/** The session parameters for one checkout attempt, offering the methods core resolved. */
export function sessionCreateParams(
  input: CreateCheckoutInput,
): Stripe.Checkout.SessionCreateParams {
  assertLinesMatchTotal(input);
  const metadata = linkpayMetadata(input);
  return {
    mode: "payment",
    line_items: input.lineItems.map((item, index) => ({
      quantity: item.quantity,
      price_data: {
        currency: item.unitAmount.currency.toLowerCase(),
        // In Stripe's unit for the currency (ISK ×100, MGA ÷100…), refused when it has none.
        unit_amount: toStripeAmount(item.unitAmount, `lineItems[${index}].unitAmount`),
        product_data: { name: item.name },
      },
    })),
    client_reference_id: input.orderRef,
    metadata,
    payment_intent_data: { metadata },
    expires_at: Math.floor(input.expiresAt.getTime() / 1000),
    success_url: withSessionIdParameter(input.successUrl),
    cancel_url: input.cancelUrl,
    locale: input.locale,
    // stripe-node 23 removed `payment_method_types` from session creation; this is its successor.
    allowed_payment_method_types: [...input.paymentMethods],
    ...paymentMethodOptions(input),
    ...(input.customerEmail === undefined ? {} : { customer_email: input.customerEmail }),
  };
}

/**
 * @module
 * Asks Stripe for the current state of one Checkout Session.
 */
import type { CheckoutView } from "@linkpay/core";
import type { StripeReadContext } from "../client/stripe-context";
import { callStripe } from "../errors/map-stripe-error";
import { parseStripeObject } from "../stripe-objects/parse-stripe-object";
import { checkoutSessionSchema } from "../stripe-objects/stripe-object-schemas";
import { toCheckoutView } from "./checkout-view";

/**
 * Retrieves the session with its payment intent and latest charge, mapped to a CheckoutView.
 *
 * @throws LinkpayError PROVIDER_SESSION_NOT_FOUND when Stripe has no such session for this key's
 *   account (never created, or another account's), and the other mapped Stripe errors.
 */
export async function retrieveCheckout(
  context: StripeReadContext,
  { providerSessionId }: { readonly providerSessionId: string },
): Promise<CheckoutView> {
  const response = await callStripe("checkout.sessions.retrieve", () =>
    context.stripe.checkout.sessions.retrieve(providerSessionId, {
      expand: ["payment_intent", "payment_intent.latest_charge"],
    }),
  );
  const session = parseStripeObject(checkoutSessionSchema, response, "checkout session", "api");
  return toCheckoutView(session, context.options.id);
}

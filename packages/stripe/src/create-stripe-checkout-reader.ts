/**
 * @module
 * A read-only Stripe client for the patrol: it tells whether a hosted page URL is one of this
 * account's Checkout Sessions and what state the session is in. It needs no webhook secret and
 * runs with a restricted key.
 */
import type { CheckoutReader } from "@linkpay/core";
import { expireCheckout } from "./checkout/expire-checkout";
import { retrieveCheckout } from "./checkout/retrieve-checkout";
import { sessionIdFromUrl } from "./checkout/session-id-from-url";
import { createStripeClient } from "./client/create-stripe-client";
import type { StripeReadContext } from "./client/stripe-context";
import { resolveReaderOptions } from "./options/resolve-reader-options";
import type { StripeCheckoutReaderOptions } from "./options/stripe-checkout-reader-options";

/**
 * Creates a {@link CheckoutReader} for Stripe. Give it a restricted key (`rk_live_…`) with read
 * access to Checkout Sessions (and write access, if the patrol is to expire the sessions its own
 * runs made). Options are validated now (CONFIG_INVALID naming the option,
 * never its value); `retrieveCheckout` answers PROVIDER_SESSION_NOT_FOUND for a session this
 * account does not have.
 *
 * @example
 * const reader = createStripeCheckoutReader({ secretKey: process.env.STRIPE_PATROL_KEY ?? "" });
 * const id = reader.checkoutSessionIdFromUrl(url);
 * const view = id === undefined ? undefined : await reader.retrieveCheckout({ providerSessionId: id });
 */
export function createStripeCheckoutReader(
  options: StripeCheckoutReaderOptions,
): Required<CheckoutReader> {
  const resolved = resolveReaderOptions(options);
  const context: StripeReadContext = { stripe: createStripeClient(resolved), options: resolved };
  return {
    id: resolved.id,
    checkoutOrigins: resolved.checkoutOrigins,
    checkoutSessionIdFromUrl: sessionIdFromUrl(resolved),
    retrieveCheckout: (input) => retrieveCheckout(context, input),
    expireCheckout: (input) => expireCheckout(context, input),
  } satisfies CheckoutReader;
}

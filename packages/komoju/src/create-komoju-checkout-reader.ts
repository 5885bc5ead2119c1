/**
 * @module
 * A read-only KOMOJU client for the patrol: it tells whether a hosted page URL is one of this
 * account's sessions and what state the session is in, and can cancel the sessions the patrol's
 * own runs made. It needs no webhook secret.
 */
import type { CheckoutReader } from "@linkpay/core";
import { cancelCheckout } from "./checkout/cancel-checkout";
import { retrieveCheckout } from "./checkout/retrieve-checkout";
import { sessionIdFromUrl } from "./checkout/session-id-from-url";
import { createKomojuClient } from "./client/komoju-client";
import type { KomojuReadContext } from "./client/komoju-context";
import type { KomojuCheckoutReaderOptions } from "./options/komoju-provider-options";
import { resolveReaderOptions } from "./options/resolve-options";

/**
 * Creates a {@link CheckoutReader} for KOMOJU. Options are validated now (CONFIG_INVALID naming
 * the option, never its value); `retrieveCheckout` answers PROVIDER_SESSION_NOT_FOUND for a
 * session this account does not have; `expireCheckout` cancels the session.
 *
 * @example
 * const reader = createKomojuCheckoutReader({ secretKey: process.env.KOMOJU_PATROL_KEY ?? "" });
 * const id = reader.checkoutSessionIdFromUrl(url);
 * const view = id === undefined ? undefined : await reader.retrieveCheckout({ providerSessionId: id });
 */
export function createKomojuCheckoutReader(
  options: KomojuCheckoutReaderOptions,
): Required<CheckoutReader> {
  const resolved = resolveReaderOptions(options);
  const context: KomojuReadContext = { client: createKomojuClient(resolved), options: resolved };
  return {
    id: resolved.id,
    checkoutOrigins: resolved.checkoutOrigins,
    checkoutSessionIdFromUrl: sessionIdFromUrl(resolved),
    retrieveCheckout: (input) => retrieveCheckout(context, input),
    expireCheckout: (input) => cancelCheckout(context, input),
  } satisfies CheckoutReader;
}

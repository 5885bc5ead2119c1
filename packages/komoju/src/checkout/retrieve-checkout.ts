/**
 * @module
 * Asks KOMOJU for the current state of one session.
 */
import type { CheckoutView } from "@linkpay/core";
import type { KomojuReadContext } from "../client/komoju-context";
import { toCheckoutView } from "./checkout-view";
import { fetchSession } from "./fetch-session";

/**
 * The session mapped to a CheckoutView (`processing` with the konbini slip while an authorized
 * konbini payment waits for the cash).
 *
 * @throws LinkpayError PROVIDER_SESSION_NOT_FOUND for a session this key's account does not have.
 */
export async function retrieveCheckout(
  context: KomojuReadContext,
  { providerSessionId }: { readonly providerSessionId: string },
): Promise<CheckoutView> {
  return toCheckoutView(await fetchSession(context, providerSessionId), context.options.id);
}

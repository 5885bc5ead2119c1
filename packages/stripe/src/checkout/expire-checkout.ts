/**
 * @module
 * Ends an open Checkout Session, so it can no longer be paid.
 */
import type { StripeReadContext } from "../client/stripe-context";
import { callStripe } from "../errors/map-stripe-error";

/**
 * Expires the session. Stripe refuses a session that is not open (already paid, expired); that
 * refusal is mapped like every other Stripe error.
 *
 * @throws LinkpayError PROVIDER_SESSION_NOT_FOUND for a session this key's account does not have.
 */
export async function expireCheckout(
  context: StripeReadContext,
  { providerSessionId }: { readonly providerSessionId: string },
): Promise<void> {
  await callStripe("checkout.sessions.expire", () =>
    context.stripe.checkout.sessions.expire(providerSessionId),
  );
}

/**
 * @module
 * Creates the hosted Checkout Session for one attempt.
 */
import {
  type CreateCheckoutInput,
  LinkpayError,
  moneyEquals,
  type ProviderCallOptions,
  type ProviderCheckoutSession,
} from "@linkpay/core";
import { assertIdempotencyKey } from "../client/idempotency-key";
import type { StripeContext } from "../client/stripe-context";
import { callStripe } from "../errors/map-stripe-error";
import { parseStripeObject } from "../stripe-objects/parse-stripe-object";
import { checkoutSessionSchema } from "../stripe-objects/stripe-object-schemas";
import { sessionAmount } from "./session-amount";
import { sessionCreateParams } from "./session-create-params";

/**
 * Calls `checkout.sessions.create` with the attempt's idempotency key. The hosted URL must be
 * present (REDIRECT_NOT_ALLOWED otherwise; core's redirect guard then checks its origin, once),
 * and the session must be for the attempt's total (PROVIDER_REJECTED otherwise).
 */
export async function createCheckout(
  context: StripeContext,
  input: CreateCheckoutInput,
  { idempotencyKey }: ProviderCallOptions,
): Promise<ProviderCheckoutSession> {
  assertIdempotencyKey(idempotencyKey);
  const params = sessionCreateParams(input);
  const response = await callStripe("checkout.sessions.create", () =>
    context.stripe.checkout.sessions.create(params, { idempotencyKey }),
  );
  const session = parseStripeObject(checkoutSessionSchema, response, "checkout session", "api");
  const details = { providerSessionId: session.id, orderRef: input.orderRef };
  if (!moneyEquals(sessionAmount(session, "api"), input.total)) {
    throw new LinkpayError(
      "PROVIDER_REJECTED",
      "Stripe created a session for another amount than the attempt's total",
      { details },
    );
  }
  if (!session.url) {
    throw new LinkpayError(
      "REDIRECT_NOT_ALLOWED",
      "Stripe returned a Checkout Session without a hosted page url (is ui_mode hosted?)",
      { details: { ...details, reason: "missing_url" } },
    );
  }
  return {
    providerSessionId: session.id,
    hostedUrl: session.url,
    expiresAt: new Date(session.expires_at * 1000),
  };
}

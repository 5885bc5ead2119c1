/**
 * @module
 * The Stripe Checkout provider: a factory returning an object literal checked against core's
 * PaymentProvider contract.
 */

import type { PaymentProvider, PendingPayment } from "@linkpay/core";
import type Stripe from "stripe";
import { assertKonbiniCanCharge } from "./checkout/check-konbini";
import { STRIPE_CHECKOUT_LIFETIME } from "./checkout/checkout-lifetime";
import { createCheckout } from "./checkout/create-checkout";
import { pendingPaymentOf } from "./checkout/pending-payment";
import { retrieveCheckout } from "./checkout/retrieve-checkout";
import { sessionIdFromUrl } from "./checkout/session-id-from-url";
import { createStripeClient } from "./client/create-stripe-client";
import type { StripeContext } from "./client/stripe-context";
import { callStripe } from "./errors/map-stripe-error";
import { assertStripeCanCharge } from "./money/stripe-units";
import { resolveOptions } from "./options/resolve-options";
import type { StripeProviderOptions } from "./options/stripe-provider-options";
import { refundCheckout } from "./refund/refund-checkout";
import { parseStripeObject } from "./stripe-objects/parse-stripe-object";
import {
  checkoutSessionSchema,
  paymentIntentSchema,
  type StripeCheckoutSession,
} from "./stripe-objects/stripe-object-schemas";
import { mapStripeEvent } from "./webhooks/map-stripe-event";
import { verifyStripeWebhook } from "./webhooks/verify-stripe-webhook";

/**
 * The Stripe provider: a PaymentProvider with a refund and hosted URL reading (so it is also a
 * `CheckoutReader`), plus the SDK client for advanced use.
 */
export interface StripeProvider extends PaymentProvider {
  readonly refund: NonNullable<PaymentProvider["refund"]>;
  readonly checkoutSessionIdFromUrl: NonNullable<PaymentProvider["checkoutSessionIdFromUrl"]>;
  /** The configured stripe-node client (pinned API version, same base URL and retries). */
  readonly stripe: Stripe;
}

/**
 * Creates the Stripe Checkout provider. Options are validated now: a bad key, secret, URL or
 * tolerance throws CONFIG_INVALID naming the option (never its value).
 *
 * @example
 * const stripe = createStripeProvider({
 *   secretKey: process.env.STRIPE_SECRET_KEY ?? "",
 *   webhookSecrets: [process.env.STRIPE_WEBHOOK_SECRET ?? ""],
 *   paymentMethodTypes: ["card", "konbini"],
 * });
 * const payments = createPayments({ providers: [stripe], store, urls });
 */
export function createStripeProvider(options: StripeProviderOptions): StripeProvider {
  const resolved = resolveOptions(options);
  const stripe = createStripeClient(resolved);
  const context: StripeContext = { stripe, options: resolved };

  async function findSessionByPaymentIntent(
    paymentIntent: string,
  ): Promise<StripeCheckoutSession | null> {
    const list = await callStripe("checkout.sessions.list", () =>
      stripe.checkout.sessions.list({ payment_intent: paymentIntent, limit: 1 }),
    );
    const [first] = list.data;
    return first === undefined
      ? null
      : parseStripeObject(checkoutSessionSchema, first, "checkout session", "api");
  }

  async function pendingPaymentOfSession(
    session: StripeCheckoutSession,
  ): Promise<PendingPayment | undefined> {
    const link = session.payment_intent;
    if (link === null || link === undefined) return undefined;
    const intent =
      typeof link === "string"
        ? await callStripe("paymentIntents.retrieve", () => stripe.paymentIntents.retrieve(link))
        : link;
    return pendingPaymentOf(
      parseStripeObject(paymentIntentSchema, intent, "payment intent", "api"),
    );
  }

  return {
    id: resolved.id,
    checkoutOrigins: resolved.checkoutOrigins,
    paymentMethods: resolved.paymentMethodTypes,
    checkoutLifetime: STRIPE_CHECKOUT_LIFETIME,
    stripe,
    checkRequest(request) {
      assertStripeCanCharge(request);
      assertKonbiniCanCharge(request);
    },
    createCheckout: (input, callOptions) => createCheckout(context, input, callOptions),
    async parseWebhook({ rawBody, headers }) {
      const delivery = verifyStripeWebhook({
        rawBody,
        headers,
        secrets: resolved.webhookSecrets,
        toleranceSeconds: resolved.webhookToleranceSeconds,
        now: resolved.now(),
      });
      return mapStripeEvent(delivery, {
        provider: resolved.id,
        findSessionByPaymentIntent,
        pendingPaymentOf: pendingPaymentOfSession,
      });
    },
    retrieveCheckout: (input) => retrieveCheckout(context, input),
    checkoutSessionIdFromUrl: sessionIdFromUrl(resolved),
    refund: (input, callOptions) => refundCheckout(context, input, callOptions),
  } satisfies StripeProvider;
}

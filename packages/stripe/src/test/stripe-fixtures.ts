/**
 * @module
 * Shared test fixtures: secrets, a checkout input, a provider pointed at the fake server, and
 * Stripe-shaped events signed like Stripe signs them.
 */
import {
  type CreateCheckoutInput,
  parseCheckoutRequest,
  type WebhookDelivery,
} from "@linkpay/core";
import { createStripeProvider, type StripeProvider } from "../create-stripe-provider";
import { STRIPE_CHECKOUT_ORIGIN } from "../options/connection-options";
import type { StripeProviderOptions } from "../options/stripe-provider-options";
import { signStripeWebhook } from "../webhooks/sign-stripe-webhook";
import { FAKE_SECRET_KEY, type FakeStripeServer } from "./fake-stripe-server";

/** The signing secret the test provider trusts (a test value, not a real secret). */
export const TEST_WEBHOOK_SECRET = "whsec_loopbackTestSigningSecret000000000001";

/** Another endpoint's secret: deliveries signed with it must be refused. */
export const OTHER_WEBHOOK_SECRET = "whsec_loopbackOtherSigningSecret00000000002";

/** The fixed clock of webhook tests: 2027-01-15T08:00:00Z. */
export const NOW = new Date("2027-01-15T08:00:00Z");

/** NOW in unix seconds. */
export const NOW_SECONDS = Math.floor(NOW.getTime() / 1000);

let orders = 0;

/** A validated checkout input: ¥12,400 in two lines, expiring in 30 minutes. */
export function checkoutInput(overrides: Partial<CreateCheckoutInput> = {}): CreateCheckoutInput {
  orders++;
  const request = parseCheckoutRequest({
    orderRef: `RC-2027-${orders}`,
    currency: "JPY",
    total: 12_400,
    lineItems: [
      { name: "Compact car, 2 days", unitAmount: 5_600, quantity: 2 },
      { name: "Child seat", unitAmount: 1_200, quantity: 1 },
    ],
    customerEmail: "hanako@example.com",
    locale: "ja",
    metadata: { branch: "new-chitose" },
  });
  return {
    ...request,
    attemptId: `attempt-${orders}`,
    successUrl: "https://rental.example/bookings/return",
    cancelUrl: "https://rental.example/bookings/cancel",
    expiresAt: new Date(Math.floor(Date.now() / 1000) * 1000 + 30 * 60 * 1000),
    paymentMethods: ["card"],
    ...overrides,
  };
}

/** A provider talking to the fake server, without SDK retries unless asked. */
export function testProvider(
  fake: Pick<FakeStripeServer, "url">,
  overrides: Partial<StripeProviderOptions> = {},
): StripeProvider {
  return createStripeProvider({
    secretKey: FAKE_SECRET_KEY,
    webhookSecrets: TEST_WEBHOOK_SECRET,
    apiBaseUrl: fake.url,
    // The fake answers like Stripe itself, with hosted pages on checkout.stripe.com.
    checkoutOrigins: [STRIPE_CHECKOUT_ORIGIN],
    maxNetworkRetries: 0,
    ...overrides,
  });
}

/** A Stripe snapshot event wrapping `object`. */
export function stripeEvent(
  type: string,
  object: Record<string, unknown>,
  overrides: { readonly id?: string; readonly created?: number } = {},
): Record<string, unknown> {
  return {
    id: overrides.id ?? `evt_test_${type.replaceAll(".", "_")}_${++orders}`,
    object: "event",
    api_version: "2026-10-28.endive",
    created: overrides.created ?? NOW_SECONDS - 5,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  };
}

/** A complete Checkout Session object as Stripe sends it in webhooks. */
export function sessionObject(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "cs_test_a1",
    object: "checkout.session",
    mode: "payment",
    status: "complete",
    payment_status: "paid",
    amount_subtotal: 12_400,
    amount_total: 12_400,
    currency: "jpy",
    client_reference_id: "RC-1",
    metadata: { linkpay_order_ref: "RC-1", linkpay_attempt_id: "attempt-1" },
    expires_at: NOW_SECONDS + 1800,
    created: NOW_SECONDS - 60,
    url: null,
    livemode: false,
    payment_intent: "pi_test_1",
    ...overrides,
  };
}

/** A Charge object as Stripe sends it in `charge.refunded`. */
export function chargeObject(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "ch_test_1",
    object: "charge",
    amount: 12_400,
    amount_refunded: 0,
    currency: "jpy",
    payment_intent: "pi_test_1",
    refunded: false,
    status: "succeeded",
    livemode: false,
    ...overrides,
  };
}

/** Stripe's body format: JSON indented by two spaces. */
export function stripeBody(event: Record<string, unknown>): string {
  return JSON.stringify(event, null, 2);
}

/** A delivery of `body`, signed with our signer as Stripe would sign it. */
export function signedDelivery(
  body: string,
  options: { readonly secret?: string; readonly timestamp?: number } = {},
): WebhookDelivery {
  const header = signStripeWebhook({
    payload: body,
    secret: options.secret ?? TEST_WEBHOOK_SECRET,
    timestamp: options.timestamp ?? NOW_SECONDS,
  });
  return { rawBody: Buffer.from(body), headers: { "stripe-signature": header } };
}

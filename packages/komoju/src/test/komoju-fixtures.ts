/**
 * @module
 * Shared test fixtures: secrets, a checkout input, a provider pointed at the fake KOMOJU, and
 * KOMOJU-shaped events signed like KOMOJU signs them.
 */
import {
  type CreateCheckoutInput,
  type PaymentEventKind,
  parseCheckoutRequest,
  type WebhookDelivery,
} from "@linkpay/core";
import { createKomojuProvider, type KomojuProvider } from "../create-komoju-provider";
import type { KomojuProviderOptions } from "../options/komoju-provider-options";
import { KOMOJU_SIGNATURE_HEADER } from "../webhooks/komoju-headers";
import { signKomojuWebhook } from "../webhooks/sign-komoju-webhook";
import { FAKE_SECRET_KEY, type FakeKomojuServer } from "./fake-komoju-server";

/** The webhook secret token the test provider trusts (a test value, not a real secret). */
export const TEST_WEBHOOK_SECRET = "komoju-loopback-webhook-secret-0001";

/** Another webhook's secret: deliveries signed with it must be refused. */
export const OTHER_WEBHOOK_SECRET = "komoju-loopback-webhook-secret-0002";

/** What KOMOJU can emit (no `checkout.completed`: a payment event says how it went). */
export const KOMOJU_KINDS = [
  "payment.succeeded",
  "payment.pending",
  "payment.failed",
  "checkout.expired",
  "checkout.canceled",
  "payment.refunded",
] as const satisfies readonly PaymentEventKind[];

let counter = 0;

/** A validated checkout input: ¥12,400 in two lines, expiring in 30 minutes. */
export function checkoutInput(overrides: Partial<CreateCheckoutInput> = {}): CreateCheckoutInput {
  counter++;
  const request = parseCheckoutRequest({
    orderRef: `RC-2027-${counter}`,
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
    attemptId: `0a1b2c3d-attempt-${counter}`,
    successUrl: "https://rental.example/bookings/return",
    cancelUrl: "https://rental.example/bookings/cancel",
    expiresAt: new Date(Math.floor(Date.now() / 1000) * 1000 + 30 * 60 * 1000),
    paymentMethods: ["card"],
    ...overrides,
  };
}

/** A provider talking to the fake, without retries unless asked. */
export function testProvider(
  fake: Pick<FakeKomojuServer, "url">,
  overrides: Partial<KomojuProviderOptions> = {},
): KomojuProvider {
  return createKomojuProvider({
    secretKey: FAKE_SECRET_KEY,
    webhookSecrets: TEST_WEBHOOK_SECRET,
    apiBaseUrl: fake.url,
    paymentMethods: ["card", "konbini", "paypay"],
    maxNetworkRetries: 0,
    ...overrides,
  });
}

/** A KOMOJU event wrapping `data`. */
export function komojuEvent(
  type: string,
  data: Record<string, unknown>,
  overrides: { readonly id?: string | undefined; readonly createdAt?: Date | undefined } = {},
): Record<string, unknown> {
  counter++;
  return {
    id: overrides.id ?? `evt_${type.replaceAll(".", "_")}_${counter}`,
    type,
    resource: "event",
    data,
    created_at: (overrides.createdAt ?? new Date()).toISOString(),
    reason: null,
  };
}

/** A delivery of `event` (compact JSON) signed with `secret`, as KOMOJU POSTs it. */
export function signedDelivery(
  event: Record<string, unknown>,
  secret: string = TEST_WEBHOOK_SECRET,
): WebhookDelivery {
  const body = JSON.stringify(event);
  return {
    rawBody: Buffer.from(body),
    headers: {
      "content-type": "application/json",
      "user-agent": "Komoju-Webhook",
      "x-komoju-id": `delivery-${String(event.id)}`,
      "x-komoju-event": String(event.type),
      [KOMOJU_SIGNATURE_HEADER]: signKomojuWebhook({ payload: body, secret }),
    },
  };
}

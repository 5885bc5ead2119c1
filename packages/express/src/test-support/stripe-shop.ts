/**
 * @module
 * A shop paid through the real Stripe adapter (`@linkpay/stripe`, official SDK) with deliveries
 * signed by the SDK's own `generateTestHeaderString`. Attempts are written to the store as
 * `startCheckout` leaves them, so no request reaches Stripe (or anything else).
 */
import { money, type WebhookDelivery } from "@linkpay/core";
import { createStripeProvider, type StripeProvider } from "@linkpay/stripe";
import Stripe from "stripe";
import { type Shop, type ShopOptions, shopWith } from "./shop";

/** The signing secret the test endpoint trusts (a test value, not a real secret). */
export const STRIPE_TEST_SECRET = "whsec_expressRouteTestSigningSecret00000001";

/** Another endpoint's secret. */
export const STRIPE_OTHER_SECRET = "whsec_expressRouteOtherSigningSecret0000002";

/** A shop on Stripe, plus a way to create sessions and sign events about them. */
export interface StripeShop extends Shop<StripeProvider> {
  /** Stores an open ¥5,000 attempt for `orderRef` with Checkout Session `sessionId`. */
  seed(orderRef: string, sessionId: string): Promise<void>;
}

/** What to put in a signed Stripe delivery. */
export interface StripeDeliveryInput {
  readonly type: string;
  readonly sessionId: string;
  readonly orderRef: string;
  readonly eventId?: string | undefined;
  readonly amount?: number | undefined;
  readonly paymentStatus?: "paid" | "unpaid" | undefined;
  /** Signing time in unix seconds (default now). */
  readonly timestamp?: number | undefined;
  readonly secret?: string | undefined;
}

let events = 0;

/** A new shop whose only provider is the Stripe adapter with test keys. */
export function createStripeShop(options: ShopOptions = {}): StripeShop {
  const provider = createStripeProvider({
    secretKey: "sk_test_expressRouteTestsNeverCallStripe",
    webhookSecrets: STRIPE_TEST_SECRET,
    maxNetworkRetries: 0,
  });
  const shop = shopWith(provider, options);
  return {
    ...shop,
    async seed(orderRef, sessionId) {
      const now = new Date();
      const expiresAt = new Date(now.getTime() + 30 * 60_000);
      const attempt = await shop.store.createAttempt({
        id: `attempt-${orderRef}`,
        orderRef,
        sequence: 1,
        provider: provider.id,
        amount: money(5000, "JPY"),
        expiresAt,
        now,
      });
      await shop.store.attachSession({
        attemptId: attempt.id,
        providerSessionId: sessionId,
        hostedUrl: `https://checkout.stripe.com/c/pay/${sessionId}`,
        expiresAt,
        now,
      });
    },
  };
}

/** The JSON body of a Stripe snapshot event about a Checkout Session. */
export function stripeEventBody(input: StripeDeliveryInput): string {
  const created = input.timestamp ?? Math.floor(Date.now() / 1000);
  return JSON.stringify({
    id: input.eventId ?? `evt_test_${++events}`,
    object: "event",
    api_version: "2026-10-28.endive",
    created,
    livemode: false,
    type: input.type,
    data: {
      object: {
        id: input.sessionId,
        object: "checkout.session",
        mode: "payment",
        status: "complete",
        payment_status: input.paymentStatus ?? "paid",
        amount_total: input.amount ?? 5000,
        currency: "jpy",
        client_reference_id: input.orderRef,
        metadata: { linkpay_order_ref: input.orderRef },
        expires_at: created + 1800,
        // Unpaid (konbini): no intent id, so the adapter has no slip to fetch from Stripe,
        // which these route tests never call.
        payment_intent: input.paymentStatus === "unpaid" ? null : `pi_${input.sessionId}`,
      },
    },
  });
}

/** A delivery signed by the official SDK's test signer, as Stripe would POST it. */
export function stripeDelivery(input: StripeDeliveryInput): WebhookDelivery {
  const payload = stripeEventBody(input);
  const signature = Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: input.secret ?? STRIPE_TEST_SECRET,
    timestamp: input.timestamp ?? Math.floor(Date.now() / 1000),
  });
  return { rawBody: Buffer.from(payload), headers: { "stripe-signature": signature } };
}

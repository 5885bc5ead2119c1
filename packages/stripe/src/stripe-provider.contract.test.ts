/**
 * @module
 * Core's provider contract suite, run against the Stripe provider pointed at the loopback fake
 * Stripe API: real SDK requests, Stripe-shaped events signed with the test signer.
 */
import type { PaymentEventKind } from "@linkpay/core";
import { describeProviderContract } from "@linkpay/core/contract-tests";
import { startFakeStripeServer } from "./test/fake-stripe-server";
import { stripeEvent, TEST_WEBHOOK_SECRET, testProvider } from "./test/stripe-fixtures";
import { signStripeWebhook } from "./webhooks/sign-stripe-webhook";

/** What Stripe can emit; it has no `checkout.canceled` and completes straight to a payment kind. */
const STRIPE_KINDS = [
  "payment.succeeded",
  "payment.pending",
  "payment.failed",
  "checkout.expired",
  "payment.refunded",
] as const satisfies readonly PaymentEventKind[];

describeProviderContract("stripe via the loopback fake API", async () => {
  const fake = await startFakeStripeServer();
  const provider = testProvider(fake);

  function eventFor(
    kind: (typeof STRIPE_KINDS)[number] | "unhandled",
    sessionId: string,
    refundedAmount: number | undefined,
  ): Record<string, unknown> {
    const session = fake.sessionJson(sessionId);
    switch (kind) {
      case "payment.succeeded":
        return stripeEvent("checkout.session.completed", {
          ...session,
          status: "complete",
          payment_status: "paid",
        });
      case "payment.pending":
        // The slip is on the session's payment intent, which the adapter asks for.
        fake.settle(sessionId, "processing");
        return stripeEvent("checkout.session.completed", fake.sessionJson(sessionId));
      case "payment.failed":
        return stripeEvent("checkout.session.async_payment_failed", {
          ...session,
          status: "complete",
        });
      case "checkout.expired":
        return stripeEvent("checkout.session.expired", { ...session, status: "expired" });
      case "payment.refunded":
        fake.settle(sessionId, "partially_refunded", refundedAmount);
        return stripeEvent("charge.refunded", fake.chargeJson(sessionId));
      case "unhandled":
        return stripeEvent("customer.created", { id: "cus_test_1", object: "customer" });
    }
  }

  return {
    provider,
    kinds: STRIPE_KINDS,
    reportsPendingPayment: true,
    async signedDelivery({ kind, session, refundedAmount }) {
      const stripeKind = kind === "unhandled" ? kind : STRIPE_KINDS.find((k) => k === kind);
      if (stripeKind === undefined) throw new Error(`Stripe never emits ${kind}`);
      // Compact JSON, so the suite's pretty re-serialization really changes the bytes.
      const body = JSON.stringify(eventFor(stripeKind, session.providerSessionId, refundedAmount));
      const signature = signStripeWebhook({ payload: body, secret: TEST_WEBHOOK_SECRET });
      return { rawBody: Buffer.from(body), headers: { "Stripe-Signature": signature } };
    },
    async settle({ session, status }) {
      fake.settle(session.providerSessionId, status);
    },
    close: () => fake.close(),
  };
});

/**
 * @module
 * Core's provider contract suite, run against the Stripe provider pointed at the sandbox. Every
 * delivery is one the sandbox really sent after a shopper or operator action (card payment,
 * konbini slip, expiry, refund through the provider), captured at a loopback endpoint.
 */
import { money, type PaymentEventKind } from "@linkpay/core";
import { describeProviderContract } from "@linkpay/core/contract-tests";
import { TEST_CARDS } from "@linkpay/sandbox";
import { chooseKonbini, payWithCard } from "./test/sandbox-shopper";
import { startSandboxWorld } from "./test/sandbox-world";

const STRIPE_KINDS = [
  "payment.succeeded",
  "payment.pending",
  "payment.failed",
  "checkout.expired",
  "payment.refunded",
] as const satisfies readonly PaymentEventKind[];

function expectRedirect(response: { status: number }, action: string): void {
  if (response.status !== 303) throw new Error(`${action} answered ${response.status}`);
}

describeProviderContract("stripe via the sandbox", async () => {
  const world = await startSandboxWorld();
  const { sandbox, provider } = world;

  /** Drives the session to the state of `kind` and returns the event type the sandbox sent. */
  async function drive(
    kind: PaymentEventKind | "unhandled",
    sessionId: string,
    hostedUrl: string,
    refundedAmount: number | undefined,
    currency: string,
  ): Promise<string> {
    switch (kind) {
      case "payment.succeeded":
        expectRedirect(await payWithCard(hostedUrl, TEST_CARDS.success), "card payment");
        return "checkout.session.completed";
      case "payment.pending":
        expectRedirect(await chooseKonbini(hostedUrl), "konbini");
        return "checkout.session.completed";
      case "payment.failed":
        expectRedirect(await chooseKonbini(hostedUrl), "konbini");
        sandbox.markKonbiniExpired(sessionId);
        return "checkout.session.async_payment_failed";
      case "checkout.expired":
        sandbox.expireSession(sessionId);
        return "checkout.session.expired";
      case "payment.refunded":
        expectRedirect(await payWithCard(hostedUrl, TEST_CARDS.success), "card payment");
        await provider.refund(
          { providerSessionId: sessionId, amount: money(refundedAmount ?? 1_000, currency) },
          { idempotencyKey: `contract-refund-${sessionId}` },
        );
        return "charge.refunded";
      case "unhandled":
        expectRedirect(await payWithCard(hostedUrl, TEST_CARDS.success), "card payment");
        return "payment_intent.succeeded";
      default:
        throw new Error(`Stripe never emits ${kind}`);
    }
  }

  return {
    provider,
    kinds: STRIPE_KINDS,
    reportsPendingPayment: true,
    async signedDelivery({ kind, session, checkout, refundedAmount }) {
      const id = session.providerSessionId;
      const type = await drive(
        kind,
        id,
        session.hostedUrl,
        refundedAmount,
        checkout.total.currency,
      );
      const { rawBody, headers } = await world.deliveryOf(id, type);
      return { rawBody, headers };
    },
    async settle({ session, status }) {
      if (status !== "paid") throw new Error(`the sandbox harness cannot settle to ${status}`);
      expectRedirect(await payWithCard(session.hostedUrl), "card payment");
    },
    close: () => world.close(),
  };
});

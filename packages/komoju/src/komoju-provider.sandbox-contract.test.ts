/**
 * @module
 * Core's provider contract suite, run against the KOMOJU provider pointed at the sandbox's KOMOJU
 * mode. Every delivery is one the sandbox really sent after a shopper or operator action (card
 * payment, konbini slip, decline, expiry, cancel, refund through the provider), captured at a
 * loopback endpoint.
 */
import { money, type PaymentEventKind } from "@linkpay/core";
import { describeProviderContract } from "@linkpay/core/contract-tests";
import { TEST_CARDS } from "@linkpay/sandbox";
import { KOMOJU_KINDS } from "./test/komoju-fixtures";
import {
  chooseKonbini,
  choosePayPay,
  expectRedirect,
  payWithCard,
} from "./test/komoju-sandbox-shopper";
import { startKomojuSandboxWorld } from "./test/komoju-sandbox-world";

describeProviderContract("komoju via the sandbox", async () => {
  const world = await startKomojuSandboxWorld();
  const { sandbox, provider } = world;

  /** Drives the session to the state of `kind`; returns the session and type of the delivery. */
  async function drive(
    kind: PaymentEventKind | "unhandled",
    id: string,
    hostedUrl: string,
    refundedAmount: number | undefined,
  ): Promise<[string, string]> {
    switch (kind) {
      case "payment.succeeded":
        expectRedirect(await payWithCard(hostedUrl), "card payment");
        return [id, "payment.captured"];
      case "payment.pending":
        expectRedirect(await chooseKonbini(hostedUrl), "konbini");
        return [id, "payment.authorized"];
      case "payment.failed":
        // Declined: the session stays open (ignored) until it ends; then the failure counts.
        expectRedirect(await payWithCard(hostedUrl, TEST_CARDS.genericDecline), "declined card");
        sandbox.komoju.expireSession(id);
        return [id, "payment.failed"];
      case "checkout.expired":
        expectRedirect(await chooseKonbini(hostedUrl), "konbini");
        sandbox.komoju.markKonbiniExpired(id);
        return [id, "payment.expired"];
      case "checkout.canceled":
        expectRedirect(await choosePayPay(hostedUrl), "paypay");
        await world.reader.expireCheckout({ providerSessionId: id });
        return [id, "payment.cancelled"];
      case "payment.refunded":
        expectRedirect(await payWithCard(hostedUrl), "card payment");
        await provider.refund(
          { providerSessionId: id, amount: money(refundedAmount ?? 1_000, "JPY") },
          { idempotencyKey: `contract-refund-${id}` },
        );
        return [id, "payment.refund.created"];
      case "unhandled":
        sandbox.komoju.sendPing();
        return ["", "ping"];
      default:
        throw new Error(`KOMOJU never emits ${kind}`);
    }
  }

  return {
    provider,
    kinds: KOMOJU_KINDS,
    reportsPendingPayment: true,
    async signedDelivery({ kind, session, refundedAmount }) {
      const [id, type] = await drive(
        kind,
        session.providerSessionId,
        session.hostedUrl,
        refundedAmount,
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

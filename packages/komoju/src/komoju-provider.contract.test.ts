/**
 * @module
 * Core's provider contract suite, run against the KOMOJU provider pointed at the loopback fake
 * KOMOJU API: real HTTP requests, KOMOJU-shaped events signed like KOMOJU signs them.
 */
import type { PaymentEventKind } from "@linkpay/core";
import { describeProviderContract } from "@linkpay/core/contract-tests";
import { startFakeKomojuServer } from "./test/fake-komoju-server";
import { KOMOJU_KINDS, komojuEvent, signedDelivery, testProvider } from "./test/komoju-fixtures";

describeProviderContract("komoju via the loopback fake API", async () => {
  const fake = await startFakeKomojuServer();
  const provider = testProvider(fake);

  /** Puts the session in the state of `kind`; returns the event type KOMOJU would send. */
  function drive(kind: PaymentEventKind | "unhandled", id: string, refunded?: number): string {
    switch (kind) {
      case "payment.succeeded":
        fake.settle(id, "captured");
        return "payment.captured";
      case "payment.pending":
        fake.settle(id, "authorized");
        return "payment.authorized";
      case "payment.failed":
        // A declined card leaves the session open; it fails for linkpay once the session ends.
        fake.settle(id, "failed");
        fake.settle(id, "expired");
        return "payment.failed";
      case "checkout.expired":
        fake.settle(id, "authorized");
        fake.settle(id, "expired");
        return "payment.expired";
      case "checkout.canceled":
        fake.settle(id, "cancelled");
        return "payment.cancelled";
      case "payment.refunded":
        fake.settle(id, "refunded", { amountRefunded: refunded });
        return "payment.refunded";
      case "unhandled":
        return "customer.created";
      default:
        throw new Error(`KOMOJU never emits ${kind}`);
    }
  }

  return {
    provider,
    kinds: KOMOJU_KINDS,
    reportsPendingPayment: true,
    async signedDelivery({ kind, session, refundedAmount }) {
      const id = session.providerSessionId;
      const type = drive(kind, id, refundedAmount);
      return signedDelivery(komojuEvent(type, kind === "unhandled" ? {} : fake.paymentJson(id)));
    },
    async settle({ session, status }) {
      if (status !== "paid") throw new Error(`the fake harness cannot settle to ${status}`);
      fake.settle(session.providerSessionId, "captured");
    },
    close: () => fake.close(),
  };
});

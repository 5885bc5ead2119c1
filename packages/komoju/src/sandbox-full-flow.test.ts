/**
 * @module
 * The whole flow offline: core's `createPayments` with the memory store and this adapter, the
 * sandbox's KOMOJU mode as the PSP, a shopper on its hosted page over HTTP, and the webhooks it
 * sends received at a loopback endpoint and applied.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import {
  createMemoryStore,
  createPayments,
  isLinkpayError,
  type Payments,
  type PendingPayment,
} from "@linkpay/core";
import { chooseKonbini, expectRedirect, payWithCard } from "./test/komoju-sandbox-shopper";
import { type KomojuSandboxWorld, startKomojuSandboxWorld } from "./test/komoju-sandbox-world";

let world: KomojuSandboxWorld;
let payments: Payments;
const paid: string[] = [];
const pending: (PendingPayment | undefined)[] = [];

beforeAll(async () => {
  world = await startKomojuSandboxWorld();
  payments = createPayments({
    providers: [world.provider],
    store: createMemoryStore(),
    urls: {
      success: "https://rental.example/bookings/{ORDER_REF}/return",
      cancel: "https://rental.example/bookings/{ORDER_REF}",
    },
    allowInsecureLocalhost: true,
    hooks: {
      onPaid: ({ attempt }) => {
        paid.push(attempt.orderRef);
      },
      onPending: ({ event }) => {
        pending.push(event.pendingPayment);
      },
    },
  });
  world.handleWith(async (delivery) => {
    try {
      await payments.handleWebhook({ provider: "komoju", ...delivery });
      return 200;
    } catch (error) {
      return isLinkpayError(error) ? error.status : 500;
    }
  });
});
afterAll(async () => {
  await world?.close();
});

function booking(orderRef: string, paymentMethods: ("card" | "konbini")[]) {
  return {
    orderRef,
    currency: "JPY",
    total: 17_600,
    lineItems: [{ name: "Compact car, 2 days", unitAmount: 8_800, quantity: 2 }],
    paymentMethods,
  };
}

describe("KOMOJU through the sandbox, end to end", () => {
  it("a card paid on the hosted page: the shopper returns, the webhook marks the order paid once", async () => {
    const started = await payments.startCheckout(booking("RC-KOMOJU-CARD", ["card"]));
    const sessionId = started.attempt.providerSessionId;
    expect(started.redirectUrl).toBe(`${world.sandbox.komoju.baseUrl}/sessions/${sessionId}`);
    const answer = await payWithCard(started.redirectUrl);
    expectRedirect(answer, "card payment");
    expect(answer.location).toBe(
      `https://rental.example/bookings/RC-KOMOJU-CARD/return?session_id=${sessionId}`,
    );
    await world.sandbox.whenDeliveriesSettled();
    expect(await payments.getStatus({ orderRef: "RC-KOMOJU-CARD" })).toMatchObject({
      status: "paid",
    });
    expect(paid.filter((ref) => ref === "RC-KOMOJU-CARD")).toHaveLength(1);
    const delivered = world.received.at(-1);
    expect(delivered?.status).toBe(200);
    expect(delivered?.headers["user-agent"]).toBe("Komoju-Webhook");
  });

  it("a konbini slip: pending with the slip, then paid when the shopper pays at the store", async () => {
    const started = await payments.startCheckout(booking("RC-KOMOJU-KONBINI", ["konbini"]));
    const sessionId = started.attempt.providerSessionId ?? "";
    expectRedirect(await chooseKonbini(started.redirectUrl, "family-mart"), "konbini");
    await world.sandbox.whenDeliveriesSettled();
    expect(await payments.getStatus({ orderRef: "RC-KOMOJU-KONBINI" })).toMatchObject({
      status: "processing",
    });
    expect(pending.at(-1)).toMatchObject({
      method: "konbini",
      stores: [{ chain: "family-mart", paymentCode: expect.any(String) }],
    });
    world.sandbox.komoju.markKonbiniPaid(sessionId);
    await world.sandbox.whenDeliveriesSettled();
    expect(await payments.getStatus({ orderRef: "RC-KOMOJU-KONBINI" })).toMatchObject({
      status: "paid",
    });
  });
});

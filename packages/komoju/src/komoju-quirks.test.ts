/**
 * @module
 * KOMOJU's delivery quirks, end to end through core's `createPayments` with the memory store,
 * this adapter and the fake KOMOJU API: deliveries carry no timestamp, come out of order and
 * twice, `authorized` may follow `captured`, and a retry after a cancel leaves stale deliveries
 * of the first attempt behind. Each must be harmless.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import {
  createMemoryStore,
  createPayments,
  isLinkpayError,
  type PaymentStore,
  type Payments,
} from "@linkpay/core";
import { rejectionOf } from "@linkpay/core/testing";
import { createKomojuCheckoutReader } from "./create-komoju-checkout-reader";
import type { KomojuProvider } from "./create-komoju-provider";
import {
  FAKE_SECRET_KEY,
  type FakeKomojuServer,
  startFakeKomojuServer,
} from "./test/fake-komoju-server";
import { komojuEvent, signedDelivery, testProvider } from "./test/komoju-fixtures";

let fake: FakeKomojuServer;
beforeAll(async () => {
  fake = await startFakeKomojuServer();
});
afterAll(async () => {
  await fake.close();
});

type HookName = "onPending" | "onPaid" | "onFailed" | "onExpired" | "onCanceled" | "onRefunded";

interface World {
  readonly payments: Payments;
  readonly store: PaymentStore<unknown>;
  readonly provider: KomojuProvider;
  readonly calls: Record<HookName, number>;
  /** Delivers a KOMOJU event about the session's payment, as KOMOJU would POST it. */
  deliver(type: string, sessionId: string, id?: string): ReturnType<Payments["handleWebhook"]>;
}

let orders = 0;

function world(): World {
  const store = createMemoryStore();
  const provider = testProvider(fake);
  const calls: Record<HookName, number> = {
    onPending: 0,
    onPaid: 0,
    onFailed: 0,
    onExpired: 0,
    onCanceled: 0,
    onRefunded: 0,
  };
  const count = (name: HookName) => () => {
    calls[name]++;
  };
  const payments = createPayments({
    providers: [provider],
    store,
    urls: { success: "https://rental.example/return", cancel: "https://rental.example/cancel" },
    allowInsecureLocalhost: true,
    hooks: {
      onPending: count("onPending"),
      onPaid: count("onPaid"),
      onFailed: count("onFailed"),
      onExpired: count("onExpired"),
      onCanceled: count("onCanceled"),
      onRefunded: count("onRefunded"),
    },
  });
  return {
    payments,
    store,
    provider,
    calls,
    deliver: (type, sessionId, id) =>
      payments.handleWebhook({
        provider: "komoju",
        ...signedDelivery(komojuEvent(type, fake.paymentJson(sessionId), { id })),
      }),
  };
}

async function start(
  w: World,
  paymentMethods: ("card" | "konbini")[] = ["card"],
  orderRef = `RC-QUIRK-${++orders}`,
) {
  const started = await w.payments.startCheckout({
    orderRef,
    currency: "JPY",
    total: 12_400,
    lineItems: [{ name: "Compact car, 2 days", unitAmount: 12_400, quantity: 1 }],
    paymentMethods,
  });
  const sessionId = started.attempt.providerSessionId;
  if (sessionId === null) throw new Error("no session attached");
  return { orderRef: started.attempt.orderRef, attemptId: started.attempt.id, sessionId };
}

async function statusOf(w: World, orderRef: string) {
  return (await w.payments.getStatus({ orderRef }))?.status;
}

describe("KOMOJU quirks through createPayments", () => {
  it("(a) payment.authorized delivered after payment.captured: stays paid, no hook twice", async () => {
    const w = world();
    const { orderRef, sessionId } = await start(w, ["konbini"]);
    fake.settle(sessionId, "authorized");
    fake.settle(sessionId, "captured");
    expect(await w.deliver("payment.captured", sessionId, "evt_a_captured")).toMatchObject({
      outcome: "processed",
      changed: true,
    });
    expect(await w.deliver("payment.authorized", sessionId, "evt_a_authorized")).toMatchObject({
      outcome: "processed",
      changed: false,
    });
    expect(await statusOf(w, orderRef)).toBe("paid");
    expect(w.calls).toMatchObject({ onPaid: 1, onPending: 0 });
  });

  it("(b) duplicates apply once; out-of-order refunds report the cumulative total once", async () => {
    const w = world();
    const { orderRef, sessionId } = await start(w);
    fake.settle(sessionId, "captured");
    await w.deliver("payment.captured", sessionId, "evt_b_captured");
    expect(await w.deliver("payment.captured", sessionId, "evt_b_captured")).toEqual({
      outcome: "duplicate",
      eventId: "evt_b_captured",
    });
    // Two refunds; KOMOJU delivers the second's event first. Both report what KOMOJU says now.
    fake.settle(sessionId, "refunded", { amountRefunded: 3_000 });
    await w.deliver("payment.refunded", sessionId, "evt_b_refund_2");
    await w.deliver("payment.refunded", sessionId, "evt_b_refund_1");
    await w.deliver("payment.refunded", sessionId, "evt_b_refund_2");
    const attempt = await w.payments.getStatus({ orderRef });
    expect(attempt).toMatchObject({
      status: "partially_refunded",
      refundedAmount: { amount: 3_000, currency: "JPY" },
    });
    expect(w.calls).toMatchObject({ onPaid: 1, onRefunded: 1 });
  });

  it("(c) a retry after a cancel gets a new session; the first attempt's stale deliveries are harmless", async () => {
    const w = world();
    const first = await start(w, ["konbini"]);
    fake.settle(first.sessionId, "authorized");
    const staleAuthorized = signedDelivery(
      komojuEvent(
        "payment.authorized",
        { ...fake.paymentJson(first.sessionId) },
        { id: "evt_c_auth" },
      ),
    );
    const reader = createKomojuCheckoutReader({ secretKey: FAKE_SECRET_KEY, apiBaseUrl: fake.url });
    await reader.expireCheckout({ providerSessionId: first.sessionId });
    expect(await w.deliver("payment.cancelled", first.sessionId, "evt_c_cancelled")).toMatchObject({
      outcome: "processed",
      changed: true,
    });
    const second = await start(w, ["konbini"], first.orderRef);
    expect(second.orderRef).toBe(first.orderRef);
    expect(second.attemptId).not.toBe(first.attemptId);
    expect(second.sessionId).not.toBe(first.sessionId);
    for (const type of ["payment.failed", "payment.cancelled", "payment.expired"]) {
      const result = await w.deliver(type, first.sessionId);
      expect(result).toMatchObject({
        outcome: "processed",
        attemptId: first.attemptId,
        changed: false,
      });
    }
    expect(
      await w.payments.handleWebhook({ provider: "komoju", ...staleAuthorized }),
    ).toMatchObject({ outcome: "processed", attemptId: first.attemptId, changed: false });
    const attempts = await w.store.listAttempts({ orderRef: first.orderRef });
    expect(attempts.map((attempt) => [attempt.id, attempt.status])).toEqual([
      [first.attemptId, "canceled"],
      [second.attemptId, "open"],
    ]);
    expect(w.calls).toMatchObject({ onCanceled: 1, onPending: 0 });
  });

  it("(d) a genuine old delivery replayed after the state moved on maps to the current state", async () => {
    const w = world();
    const { orderRef, sessionId } = await start(w);
    fake.settle(sessionId, "captured");
    const captured = signedDelivery(
      komojuEvent("payment.captured", fake.paymentJson(sessionId), { id: "evt_d_captured" }),
    );
    await w.payments.handleWebhook({ provider: "komoju", ...captured });
    fake.settle(sessionId, "refunded", { amountRefunded: 12_400 });
    await w.deliver("payment.refunded", sessionId, "evt_d_refunded");
    // The same bytes again: a duplicate. An old capture never seen before: today's state.
    expect(await w.payments.handleWebhook({ provider: "komoju", ...captured })).toMatchObject({
      outcome: "duplicate",
    });
    const unseen = signedDelivery(
      komojuEvent("payment.captured", fake.paymentJson(sessionId), { id: "evt_d_old" }),
    );
    expect(await w.provider.parseWebhook(unseen)).toMatchObject({ kind: "payment.refunded" });
    expect(await w.payments.handleWebhook({ provider: "komoju", ...unseen })).toMatchObject({
      outcome: "processed",
      changed: false,
    });
    expect(await statusOf(w, orderRef)).toBe("refunded");
    expect(w.calls).toMatchObject({ onPaid: 1, onRefunded: 1 });
  });

  it("(e) when the re-fetch fails (503) the delivery fails retryably and nothing is applied", async () => {
    const w = world();
    const { orderRef, attemptId, sessionId } = await start(w);
    fake.settle(sessionId, "captured");
    fake.script({ status: 503, body: { error: { code: "service_unavailable" } } });
    const error = await rejectionOf(w.deliver("payment.captured", sessionId, "evt_e"));
    expect(isLinkpayError(error) && error.retryable).toBe(true);
    expect(await w.store.listEvents({ attemptId })).toEqual([]);
    expect(await statusOf(w, orderRef)).toBe("open");
    // KOMOJU retries the delivery; now it applies.
    expect(await w.deliver("payment.captured", sessionId, "evt_e")).toMatchObject({
      outcome: "processed",
      changed: true,
    });
    expect(w.calls.onPaid).toBe(1);
  });
});

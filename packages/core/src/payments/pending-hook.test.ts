import { describe, expect, it } from "@jest/globals";
import type { PendingPayment } from "../provider";
import { createMemoryStore } from "../store";
import { createFakeProvider } from "../testing";
import { createPayments } from "./create-payments";
import type { HookContext } from "./hooks";

const urls = {
  success: "https://rental.example/bookings/{ORDER_REF}/return",
  cancel: "https://rental.example/bookings/{ORDER_REF}?canceled=1",
};

const slip: PendingPayment = {
  method: "konbini",
  expiresAt: new Date("2026-12-08T14:59:59Z"),
  instructionsUrl: "https://pay.fake.test/slip/1",
  stores: [{ chain: "lawson", paymentCode: "123456789012", confirmationNumber: "12345678901" }],
};

function setup(now = () => new Date()) {
  const fake = createFakeProvider({ now });
  const store = createMemoryStore();
  const calls: { hook: string; context: HookContext }[] = [];
  const record = (hook: string) => (context: HookContext) => {
    calls.push({ hook, context });
  };
  const payments = createPayments({
    providers: [fake],
    store,
    urls,
    now,
    hooks: { onPending: record("onPending"), onPaid: record("onPaid") },
  });
  const start = async (orderRef: string) => {
    const { attempt } = await payments.startCheckout({
      orderRef,
      currency: "JPY",
      total: 9_900,
      lineItems: [{ name: "Kei car, 1 day", unitAmount: 9_900, quantity: 1 }],
      paymentMethods: ["konbini"],
    });
    return attempt.providerSessionId ?? "";
  };
  return { fake, payments, calls, start };
}

describe("onPending", () => {
  it("runs once when the attempt enters processing, with the slip the provider sent", async () => {
    const { fake, payments, calls, start } = setup();
    const sessionId = await start("RC-PENDING");
    const pending = fake.deliver({ type: "payment.pending", sessionId, pendingPayment: slip });
    await payments.handleWebhook({ provider: fake.id, ...pending });
    await payments.handleWebhook({ provider: fake.id, ...pending });
    await payments.handleWebhook({
      provider: fake.id,
      ...fake.deliver({ type: "payment.pending", sessionId, pendingPayment: slip }),
    });
    expect(calls.map((call) => call.hook)).toEqual(["onPending"]);
    expect(calls[0]?.context.attempt.status).toBe("processing");
    expect(calls[0]?.context.event.pendingPayment).toEqual(slip);
    await payments.handleWebhook({
      provider: fake.id,
      ...fake.deliver({ type: "payment.succeeded", sessionId }),
    });
    expect(calls.map((call) => call.hook)).toEqual(["onPending", "onPaid"]);
  });

  it("gets the slip from the provider's view when reconciliation finds the pending payment", async () => {
    let clock = new Date("2026-12-06T01:00:00Z");
    const { fake, payments, calls, start } = setup(() => clock);
    const sessionId = await start("RC-PENDING-RECONCILE");
    fake.settle({ sessionId, status: "processing", pendingPayment: slip });
    clock = new Date(clock.getTime() + 20 * 60_000);
    await payments.reconcile({ olderThanSeconds: 60 });
    expect(calls.map((call) => call.hook)).toEqual(["onPending"]);
    expect(calls[0]?.context.event.pendingPayment).toEqual(slip);
  });

  it("does not run for a card payment that goes straight to paid", async () => {
    const { fake, payments, calls, start } = setup();
    const sessionId = await start("RC-CARD");
    await payments.handleWebhook({
      provider: fake.id,
      ...fake.deliver({ type: "payment.succeeded", sessionId }),
    });
    expect(calls.map((call) => call.hook)).toEqual(["onPaid"]);
  });
});

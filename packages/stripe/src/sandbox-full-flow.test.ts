/**
 * @module
 * The whole link-type payment flow, offline, with real parts only: `createPayments` with the
 * memory store and the Stripe provider (official SDK) → the sandbox's hosted page, submitted as a
 * shopper would → the sandbox's signed webhook → the merchant endpoint verifying it → the attempt's
 * state and hooks → the redirect back to the shop.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import {
  type CheckoutAttempt,
  createMemoryStore,
  createPayments,
  isLinkpayError,
  money,
  type PaymentStatus,
  type Payments,
} from "@linkpay/core";
import { TEST_CARDS } from "@linkpay/sandbox";
import {
  answerChallenge,
  cancelLinkOf,
  chooseKonbini,
  openPage,
  payWithCard,
  sessionIdOf,
} from "./test/sandbox-shopper";
import { type SandboxWorld, startSandboxWorld } from "./test/sandbox-world";

const SHOP = "http://127.0.0.1:9";

/** The merchant's webhook endpoint: verify and apply, answer with the error's status. */
function applyDeliveries(world: SandboxWorld, payments: Payments): void {
  world.handleWith(async ({ rawBody, headers }) => {
    try {
      await payments.handleWebhook({ provider: "stripe", rawBody, headers });
      return 200;
    } catch (error) {
      return isLinkpayError(error) ? error.status : 500;
    }
  });
}

type HookName = "onPaid" | "onFailed" | "onExpired" | "onCanceled" | "onRefunded";

describe("the full flow against the sandbox", () => {
  let world: SandboxWorld;
  let payments: Payments;
  const hookCalls: { hook: HookName; orderRef: string; status: PaymentStatus }[] = [];
  let orders = 0;

  beforeAll(async () => {
    world = await startSandboxWorld();
    const record =
      (hook: HookName) =>
      ({ attempt }: { attempt: CheckoutAttempt }) => {
        hookCalls.push({ hook, orderRef: attempt.orderRef, status: attempt.status });
      };
    payments = createPayments({
      providers: [world.provider],
      store: createMemoryStore(),
      urls: {
        success: `${SHOP}/bookings/{ORDER_REF}/return`,
        cancel: `${SHOP}/bookings/{ORDER_REF}?retry=1`,
      },
      hooks: {
        onPaid: record("onPaid"),
        onFailed: record("onFailed"),
        onExpired: record("onExpired"),
        onCanceled: record("onCanceled"),
        onRefunded: record("onRefunded"),
      },
      allowInsecureLocalhost: true,
    });
    applyDeliveries(world, payments);
  });

  afterAll(async () => {
    await world.close();
  });

  /** The same order every time: ¥19,800 in two lines. */
  function orderOf(orderRef: string) {
    return {
      orderRef,
      currency: "JPY",
      total: 19_800,
      lineItems: [
        { name: "Compact car, 2 days", unitAmount: 8_800, quantity: 2 },
        { name: "Child seat", unitAmount: 2_200, quantity: 1 },
      ],
    };
  }

  async function start(locale: "ja" | "en" = "ja") {
    const orderRef = `RC-FLOW-${++orders}`;
    const started = await payments.startCheckout({
      ...orderOf(orderRef),
      customerEmail: "hanako@example.com",
      locale,
    });
    const hostedUrl = started.redirectUrl;
    return { orderRef, hostedUrl, sessionId: sessionIdOf(hostedUrl), started };
  }

  async function statusOf(orderRef: string): Promise<PaymentStatus | undefined> {
    return (await payments.getStatus({ orderRef }))?.status;
  }

  function hooksFor(orderRef: string): string[] {
    return hookCalls.filter((call) => call.orderRef === orderRef).map((call) => call.hook);
  }

  it("card success: hosted page → webhook → paid, then back to the shop's success URL", async () => {
    const { orderRef, hostedUrl, sessionId, started } = await start();
    expect(new URL(hostedUrl).origin).toBe(world.origin);
    expect(started.attempt.providerSessionId).toBe(sessionId);

    const page = await openPage(hostedUrl);
    expect(page.status).toBe(200);
    expect(page.html).toContain("Rent-a-Car Sandbox World");
    expect(page.html).toContain("Compact car, 2 days");
    expect(page.html).toMatch(/[¥￥]19,800/);
    expect(page.html).not.toMatch(/19,800\.00/);

    // Hold the webhook back so the order is provably not paid until it arrives.
    world.sandbox.setSessionFaults(sessionId, { delayMs: 300 });
    const paid = await payWithCard(hostedUrl, TEST_CARDS.success);
    expect(paid.status).toBe(303);
    expect(paid.location).toBe(
      `${SHOP}/bookings/${orderRef}/return?session_id=${encodeURIComponent(sessionId)}`,
    );
    expect(await statusOf(orderRef)).toBe("open");
    expect(hooksFor(orderRef)).toEqual([]);

    await world.sandbox.whenDeliveriesSettled();
    expect(await statusOf(orderRef)).toBe("paid");
    expect(hooksFor(orderRef)).toEqual(["onPaid"]);
    const completed = await world.deliveryOf(sessionId, "checkout.session.completed");
    expect(completed.status).toBe(200);
    expect(completed.headers["stripe-signature"]).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
  });

  it("refund through payments.refund: Stripe refunds once per key, its webhook moves the order and runs onRefunded once", async () => {
    const { orderRef, hostedUrl, sessionId } = await start();
    expect((await payWithCard(hostedUrl, TEST_CARDS.success)).status).toBe(303);
    await world.sandbox.whenDeliveriesSettled();
    const ask = () =>
      payments.refund({
        orderRef,
        amount: money(4_800, "JPY"),
        reason: "one day shorter",
        actor: "staff:ann",
        idempotencyKey: `refund-${orderRef}-1`,
      });
    const [first, second] = await Promise.all([ask(), ask()]);
    expect(first.refund.id).toBe(second.refund.id);
    expect(first.refund).toMatchObject({ status: "succeeded", amount: money(4_800, "JPY") });
    expect(first.refund.providerRefundId).toMatch(/^re_/);
    await world.sandbox.whenDeliveriesSettled();
    const attempt = await payments.getStatus({ orderRef });
    expect(attempt?.status).toBe("partially_refunded");
    expect(attempt?.refundedAmount).toEqual(money(4_800, "JPY"));
    expect(hooksFor(orderRef)).toEqual(["onPaid", "onRefunded"]);
    const refunds = world.sandbox
      .deliveries({ sessionId })
      .filter((delivery) => delivery.eventType === "refund.created");
    expect(refunds).toHaveLength(1);
    const over = await payments
      .refund({
        orderRef,
        reason: "too much",
        actor: "staff:ann",
        amount: money(15_001, "JPY"),
        idempotencyKey: `refund-${orderRef}-2`,
      })
      .catch((error: unknown) => error);
    expect(isLinkpayError(over, "REFUND_EXCEEDS_REMAINING")).toBe(true);
  });

  it("decline: the shopper stays on the hosted page, nothing changes, a retry pays", async () => {
    const { orderRef, hostedUrl } = await start("en");
    const declined = await payWithCard(hostedUrl, TEST_CARDS.genericDecline);
    expect(declined.status).toBe(303);
    expect(declined.location).toBe(hostedUrl);
    const form = await openPage(hostedUrl);
    expect(form.html).toContain("Your card was declined.");
    expect(form.html).not.toContain("4000000000000002");
    await world.sandbox.whenDeliveriesSettled();
    expect(await statusOf(orderRef)).toBe("open");
    expect(hooksFor(orderRef)).toEqual([]);

    const retry = await payWithCard(hostedUrl, TEST_CARDS.success);
    expect(retry.status).toBe(303);
    await world.sandbox.whenDeliveriesSettled();
    expect(await statusOf(orderRef)).toBe("paid");
    expect(hooksFor(orderRef)).toEqual(["onPaid"]);
  });

  it("3-D Secure passed: the challenge completes the payment", async () => {
    const { orderRef, hostedUrl } = await start();
    const challenge = await payWithCard(hostedUrl, TEST_CARDS.threeDSecure);
    expect(challenge.status).toBe(303);
    expect(challenge.location).toMatch(new RegExp(`^${hostedUrl}/3ds/`));
    expect(await statusOf(orderRef)).toBe("open");

    const passed = await answerChallenge(challenge.location ?? "", "pass");
    expect(passed.status).toBe(303);
    expect(passed.location).toMatch(new RegExp(`^${SHOP}/bookings/${orderRef}/return\\?`));
    await world.sandbox.whenDeliveriesSettled();
    expect(await statusOf(orderRef)).toBe("paid");
    expect(hooksFor(orderRef)).toEqual(["onPaid"]);
  });

  it("3-D Secure failed: back to the form, the order stays open and unpaid", async () => {
    const { orderRef, hostedUrl } = await start();
    const challenge = await payWithCard(hostedUrl, TEST_CARDS.threeDSecure);
    const failed = await answerChallenge(challenge.location ?? "", "fail");
    expect(failed.status).toBe(303);
    expect(failed.location).toBe(hostedUrl);
    await world.sandbox.whenDeliveriesSettled();
    expect(await statusOf(orderRef)).toBe("open");
    expect(hooksFor(orderRef)).toEqual([]);
  });

  it("konbini: the slip makes the order processing; paid at the store later → paid", async () => {
    const { orderRef, hostedUrl, sessionId } = await start();
    const slip = await chooseKonbini(hostedUrl);
    expect(slip.status).toBe(303);
    expect(slip.location).toBe(`${hostedUrl}/konbini`);
    await world.sandbox.whenDeliveriesSettled();
    expect(await statusOf(orderRef)).toBe("processing");
    expect(hooksFor(orderRef)).toEqual([]);

    world.sandbox.markKonbiniPaid(sessionId);
    await world.sandbox.whenDeliveriesSettled();
    expect(await statusOf(orderRef)).toBe("paid");
    expect(hooksFor(orderRef)).toEqual(["onPaid"]);
  });

  it("konbini: a slip never paid → failed, and the failure hook runs once", async () => {
    const { orderRef, hostedUrl, sessionId } = await start();
    expect((await chooseKonbini(hostedUrl)).status).toBe(303);
    world.sandbox.markKonbiniExpired(sessionId);
    await world.sandbox.whenDeliveriesSettled();
    expect(await statusOf(orderRef)).toBe("failed");
    expect(hooksFor(orderRef)).toEqual(["onFailed"]);
  });

  it("expiry: the session expires unpaid → expired; the next checkout is a new attempt", async () => {
    const { orderRef, sessionId } = await start();
    world.sandbox.expireSession(sessionId);
    await world.sandbox.whenDeliveriesSettled();
    expect(await statusOf(orderRef)).toBe("expired");
    expect(hooksFor(orderRef)).toEqual(["onExpired"]);

    const again = await payments.startCheckout(orderOf(orderRef));
    expect(again.attempt.sequence).toBe(2);
    expect(again.attempt.providerSessionId).not.toBe(sessionId);
  });

  it("cancel: the link goes back to the shop, the order stays open, a retry reuses the session", async () => {
    const { orderRef, hostedUrl, started } = await start();
    const page = await openPage(hostedUrl);
    expect(cancelLinkOf(page.html)).toBe(`${SHOP}/bookings/${orderRef}?retry=1`);
    expect(await statusOf(orderRef)).toBe("open");
    expect(hooksFor(orderRef)).toEqual([]);

    const retry = await payments.startCheckout(orderOf(orderRef));
    expect(retry.reused).toBe(true);
    expect(retry.redirectUrl).toBe(hostedUrl);
    expect(retry.attempt.id).toBe(started.attempt.id);
  });

  it("a dropped webhook: the order stays open until reconcile asks the sandbox, then paid once", async () => {
    const { orderRef, hostedUrl, sessionId } = await start();
    world.sandbox.setSessionFaults(sessionId, { drop: true });
    expect((await payWithCard(hostedUrl, TEST_CARDS.success)).status).toBe(303);
    await world.sandbox.whenDeliveriesSettled();
    const dropped = world.sandbox
      .deliveries({ sessionId })
      .filter((delivery) => delivery.eventType === "checkout.session.completed");
    expect(dropped.map((delivery) => delivery.status)).toEqual(["dropped"]);
    expect(await statusOf(orderRef)).toBe("open");

    const report = await payments.reconcile({ olderThanSeconds: 0 });
    expect(report.failed).toEqual([]);
    expect(report.changed).toBeGreaterThanOrEqual(1);
    expect(await statusOf(orderRef)).toBe("paid");
    expect(hooksFor(orderRef)).toEqual(["onPaid"]);

    // The late original delivery (an operator's resend) changes nothing and runs no hook again.
    const [first] = dropped;
    if (first === undefined) throw new Error("no dropped delivery");
    world.sandbox.resendDelivery(first.id);
    await world.sandbox.whenDeliveriesSettled();
    expect((await world.deliveryOf(sessionId, "checkout.session.completed")).status).toBe(200);
    expect(await statusOf(orderRef)).toBe("paid");
    expect(hooksFor(orderRef)).toEqual(["onPaid"]);
  });

  it("a refund whose webhooks are dropped: reconcile asks Stripe and confirms it once", async () => {
    const { orderRef, hostedUrl, sessionId } = await start();
    expect((await payWithCard(hostedUrl, TEST_CARDS.success)).status).toBe(303);
    await world.sandbox.whenDeliveriesSettled();
    world.sandbox.setSessionFaults(sessionId, { drop: true });
    await payments.refund({
      orderRef,
      amount: money(2_000, "JPY"),
      reason: "child seat not used",
      actor: "staff:ann",
      idempotencyKey: `refund-${orderRef}-dropped`,
    });
    await world.sandbox.whenDeliveriesSettled();
    expect(await statusOf(orderRef)).toBe("paid");
    const report = await payments.reconcile({ olderThanSeconds: 0 });
    expect(report.failed).toEqual([]);
    expect(await statusOf(orderRef)).toBe("partially_refunded");
    await payments.reconcile({ olderThanSeconds: 0 });
    expect(hooksFor(orderRef)).toEqual(["onPaid", "onRefunded"]);
  });

  it("duplicated and forged deliveries: the order is paid once, forgeries refused with 400", async () => {
    const { orderRef, hostedUrl, sessionId } = await start();
    world.sandbox.setSessionFaults(sessionId, { duplicate: 3 });
    expect((await payWithCard(hostedUrl, TEST_CARDS.success)).status).toBe(303);
    await world.sandbox.whenDeliveriesSettled();
    expect(hooksFor(orderRef)).toEqual(["onPaid"]);

    const forgedFrom = world.received.length;
    const other = await start();
    world.sandbox.setSessionFaults(other.sessionId, { badSignature: true });
    expect((await payWithCard(other.hostedUrl, TEST_CARDS.success)).status).toBe(303);
    await world.sandbox.whenDeliveriesSettled();
    const forged = world.received.slice(forgedFrom);
    expect(forged.length).toBeGreaterThan(0);
    expect(new Set(forged.map((delivery) => delivery.status))).toEqual(new Set([400]));
    expect(await statusOf(other.orderRef)).toBe("open");
    expect(hooksFor(other.orderRef)).toEqual([]);
  });
});

describe("the full flow in a currency whose Stripe unit differs from ISO's (ISK)", () => {
  let world: SandboxWorld;
  let payments: Payments;
  const paid: { orderRef: string; amount: number }[] = [];
  const refunded: number[] = [];

  beforeAll(async () => {
    world = await startSandboxWorld({ provider: { paymentMethodTypes: ["card"] } });
    payments = createPayments({
      providers: [world.provider],
      store: createMemoryStore(),
      urls: { success: `${SHOP}/tours/{ORDER_REF}/return`, cancel: `${SHOP}/tours/{ORDER_REF}` },
      hooks: {
        onPaid: ({ attempt }) => {
          paid.push({ orderRef: attempt.orderRef, amount: attempt.amount.amount });
        },
        onRefunded: ({ attempt }) => {
          refunded.push(attempt.refundedAmount.amount);
        },
      },
      allowInsecureLocalhost: true,
    });
    applyDeliveries(world, payments);
  });

  afterAll(async () => {
    await world.close();
  });

  it("charges ISK 12,000 as ISK 12,000 (Stripe amount 1200000), is paid once, and refunds ISK 2,000", async () => {
    const started = await payments.startCheckout({
      orderRef: "TOUR-ISK-1",
      currency: "ISK",
      total: 12_000,
      lineItems: [{ name: "Golden Circle tour", unitAmount: 6_000, quantity: 2 }],
      locale: "en",
    });
    const page = await openPage(started.redirectUrl);
    expect(page.html).toMatch(/ISK\s?12,000/);
    expect((await payWithCard(started.redirectUrl, TEST_CARDS.success)).status).toBe(303);
    await world.sandbox.whenDeliveriesSettled();
    expect(paid).toEqual([{ orderRef: "TOUR-ISK-1", amount: 12_000 }]);

    const sessionId = started.attempt.providerSessionId ?? "";
    await world.provider.refund(
      {
        providerSessionId: sessionId,
        amount: { amount: 2_000, currency: started.attempt.amount.currency },
      },
      { idempotencyKey: "refund-isk-1" },
    );
    await world.sandbox.whenDeliveriesSettled();
    expect(refunded).toEqual([2_000]);
    expect((await payments.getStatus({ orderRef: "TOUR-ISK-1" }))?.status).toBe(
      "partially_refunded",
    );
  });
});

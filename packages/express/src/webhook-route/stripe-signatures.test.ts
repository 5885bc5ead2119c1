import { describe, expect, it } from "@jest/globals";
import express from "express";
import { listen } from "../test-support/listen";
import { captureLogs } from "../test-support/log-capture";
import {
  createStripeShop,
  STRIPE_OTHER_SECRET,
  type StripeShop,
  stripeDelivery,
} from "../test-support/stripe-shop";
import { bodyOf, postWebhook } from "../test-support/webhook-request";
import { webhookRoute } from ".";

const PATH = "/webhooks/stripe";
const now = () => Math.floor(Date.now() / 1000);

async function setup(options: { jsonFirst?: boolean } = {}) {
  const logs = captureLogs();
  const shop = createStripeShop();
  const app = express();
  if (options.jsonFirst) app.use(express.json());
  app.use(webhookRoute({ payments: shop.payments, logger: logs.logger }));
  await shop.seed("RC-1", "cs_test_rc1");
  return { app, shop, logs };
}

const completed = (overrides: Partial<Parameters<typeof stripeDelivery>[0]> = {}) =>
  stripeDelivery({
    type: "checkout.session.completed",
    sessionId: "cs_test_rc1",
    orderRef: "RC-1",
    ...overrides,
  });

async function expectNothingApplied(shop: StripeShop, eventId: string): Promise<void> {
  expect(await shop.store.findEvent({ provider: "stripe", eventId })).toBeNull();
  expect((await shop.payments.getStatus({ orderRef: "RC-1" }))?.status).toBe("open");
  expect(shop.paid).toEqual([]);
}

describe("webhookRoute with @linkpay/stripe (signed by stripe.webhooks.generateTestHeaderString)", () => {
  it("accepts the raw body and fulfils once", async () => {
    const { app, shop } = await setup();
    const response = await postWebhook(app, completed(), { path: PATH });
    expect([response.status, response.body]).toEqual([200, { received: true }]);
    expect(shop.paid).toEqual(["RC-1"]);
  });

  it("rejects a re-serialized body, a tampered byte and another endpoint's secret", async () => {
    const { app, shop } = await setup();
    const delivery = completed({ eventId: "evt_x" });
    const text = bodyOf(delivery).toString("utf8");
    const bodies = [JSON.stringify(JSON.parse(text), null, 2), text.replace('"RC-1"', '"RC-2"')];
    for (const body of bodies) {
      const response = await postWebhook(app, delivery, { path: PATH, body });
      expect([response.status, response.body.error.code]).toEqual([
        400,
        "WEBHOOK_SIGNATURE_INVALID",
      ]);
    }
    const foreign = completed({ eventId: "evt_x", secret: STRIPE_OTHER_SECRET });
    const response = await postWebhook(app, foreign, { path: PATH });
    expect([response.status, response.body.error.code]).toEqual([400, "WEBHOOK_SIGNATURE_INVALID"]);
    await expectNothingApplied(shop, "evt_x");
  });

  it("rejects stale and future timestamps (the SDK alone accepts the future)", async () => {
    const { app, shop } = await setup();
    const cases = [
      { timestamp: now() - 301, code: "WEBHOOK_TIMESTAMP_TOO_OLD" },
      { timestamp: now() + 301, code: "WEBHOOK_TIMESTAMP_IN_FUTURE" },
    ];
    for (const { timestamp, code } of cases) {
      const response = await postWebhook(app, completed({ eventId: "evt_x", timestamp }), {
        path: PATH,
      });
      expect([response.status, response.body.error.code]).toEqual([400, code]);
    }
    await expectNothingApplied(shop, "evt_x");
  });

  it("rejects missing, empty and garbled Stripe-Signature headers", async () => {
    const { app, shop } = await setup();
    const cases = [
      { value: undefined, code: "WEBHOOK_SIGNATURE_MISSING" },
      { value: "", code: "WEBHOOK_SIGNATURE_MISSING" },
      { value: "v1=abc", code: "WEBHOOK_SIGNATURE_MALFORMED" },
      { value: "t=abc,v1=zz", code: "WEBHOOK_SIGNATURE_MALFORMED" },
    ];
    for (const { value, code } of cases) {
      const response = await postWebhook(app, completed({ eventId: "evt_x" }), {
        path: PATH,
        headers: { "stripe-signature": value },
      });
      expect([value, response.status, response.body.error.code]).toEqual([value, 400, code]);
    }
    await expectNothingApplied(shop, "evt_x");
  });

  it("accepts one valid signature among several", async () => {
    const { app, shop } = await setup();
    const delivery = completed();
    const header = String(delivery.headers["stripe-signature"]);
    const [timestamp, valid] = header.split(",");
    const response = await postWebhook(app, delivery, {
      path: PATH,
      headers: { "stripe-signature": `${timestamp},v1=${"0".repeat(64)},${valid}` },
    });
    expect(response.status).toBe(200);
    expect(shop.paid).toEqual(["RC-1"]);
  });

  it("verifies whatever the content type, answers 413 beyond the limit", async () => {
    const { app, shop } = await setup();
    const big = await postWebhook(app, completed({ eventId: "evt_big" }), {
      path: PATH,
      body: Buffer.alloc(300 * 1024, 32),
    });
    expect([big.status, big.body.error.code]).toEqual([413, "PAYLOAD_TOO_LARGE"]);
    const plain = await postWebhook(app, completed(), { path: PATH, contentType: "text/plain" });
    expect(plain.status).toBe(200);
    expect(shop.paid).toEqual(["RC-1"]);
  });

  it("answers 500 with a mounting hint when express.json() ran first", async () => {
    const { app, shop, logs } = await setup({ jsonFirst: true });
    const response = await postWebhook(app, completed({ eventId: "evt_x" }), { path: PATH });
    expect([response.status, response.body.error.code]).toEqual([
      500,
      "WEBHOOK_RAW_BODY_UNAVAILABLE",
    ]);
    expect(logs.text()).toContain("before any global body parser");
    await expectNothingApplied(shop, "evt_x");
  });

  it("answers 503 for a store outage and a crashing hook, then applies the retry once", async () => {
    const { app, shop } = await setup();
    const delivery = completed({ eventId: "evt_retry" });
    shop.setStoreDown(true);
    expect((await postWebhook(app, delivery, { path: PATH })).status).toBe(503);
    shop.setStoreDown(false);
    shop.crashHook(1);
    expect((await postWebhook(app, delivery, { path: PATH })).status).toBe(503);
    expect((await postWebhook(app, delivery, { path: PATH })).status).toBe(200);
    expect((await postWebhook(app, delivery, { path: PATH })).status).toBe(200);
    expect(shop.paid).toEqual(["RC-1"]);
  });

  it("fulfils once for 10 concurrent identical deliveries", async () => {
    const { app, shop } = await setup();
    const delivery = completed();
    const { server, close } = await listen(app);
    try {
      const responses = await Promise.all(
        Array.from({ length: 10 }, () => postWebhook(server, delivery, { path: PATH })),
      );
      expect(responses.map((response) => response.status)).toEqual(Array(10).fill(200));
    } finally {
      await close();
    }
    expect(shop.paid).toEqual(["RC-1"]);
    expect(shop.hookCalls()).toBe(1);
  });

  it("answers 200 to an amount mismatch, fulfils nothing, logs an alert", async () => {
    const { app, shop, logs } = await setup();
    const response = await postWebhook(app, completed({ amount: 50 }), { path: PATH });
    expect(response.status).toBe(200);
    expect(shop.paid).toEqual([]);
    expect(logs.alerts().map((line) => line.alert)).toEqual(["amount_mismatch"]);
  });

  it("does not fulfil a konbini session completed unpaid until the async success", async () => {
    const { app, shop } = await setup();
    const unpaid = completed({ paymentStatus: "unpaid" });
    expect((await postWebhook(app, unpaid, { path: PATH })).status).toBe(200);
    expect((await shop.payments.getStatus({ orderRef: "RC-1" }))?.status).toBe("processing");
    expect(shop.paid).toEqual([]);
    const paid = completed({ type: "checkout.session.async_payment_succeeded" });
    expect((await postWebhook(app, paid, { path: PATH })).status).toBe(200);
    expect(shop.paid).toEqual(["RC-1"]);
  });
});

import { describe, expect, it } from "@jest/globals";
import express from "express";
import request from "supertest";
import { listen } from "../test-support/listen";
import { captureLogs } from "../test-support/log-capture";
import { createShop, sessionOf } from "../test-support/shop";
import { postWebhook } from "../test-support/webhook-request";
import { webhookRoute } from ".";

async function setup() {
  const logs = captureLogs();
  const shop = createShop();
  const app = express();
  app.use(webhookRoute({ payments: shop.payments, logger: logs.logger }));
  const sessionId = sessionOf(await shop.start("RC-1"));
  return { app, shop, logs, sessionId };
}

describe("webhookRoute: exactly once, 2xx only after commit", () => {
  it("answers 503 while the store is down, then applies the provider's retry once", async () => {
    const { app, shop, sessionId } = await setup();
    const delivery = shop.provider.deliver({ type: "payment.succeeded", sessionId, eventId: "e1" });
    shop.setStoreDown(true);
    const down = await postWebhook(app, delivery);
    expect([down.status, down.body.error.code]).toEqual([503, "STORE_UNAVAILABLE"]);
    shop.setStoreDown(false);
    expect(await shop.store.findEvent({ provider: "fake", eventId: "e1" })).toBeNull();
    const retry = await postWebhook(app, delivery);
    expect(retry.status).toBe(200);
    expect(shop.paid).toEqual(["RC-1"]);
  });

  it("answers 503 when a hook throws, rolls back, and the retry runs the hook to completion once", async () => {
    const { app, shop, sessionId } = await setup();
    const delivery = shop.provider.deliver({ type: "payment.succeeded", sessionId, eventId: "e1" });
    shop.crashHook(1);
    const crashed = await postWebhook(app, delivery);
    expect([crashed.status, crashed.body.error.code]).toEqual([503, "HOOK_FAILED"]);
    expect(await shop.store.findEvent({ provider: "fake", eventId: "e1" })).toBeNull();
    expect((await shop.payments.getStatus({ orderRef: "RC-1" }))?.status).toBe("open");
    const retry = await postWebhook(app, delivery);
    expect(retry.status).toBe(200);
    const again = await postWebhook(app, delivery);
    expect(again.status).toBe(200);
    expect(shop.paid).toEqual(["RC-1"]);
    expect(shop.hookCalls()).toBe(2);
    const attempt = await shop.payments.getStatus({ orderRef: "RC-1" });
    expect(await shop.store.listAudit({ attemptId: attempt?.id ?? "" })).toHaveLength(1);
  });

  it("fulfils once when the same delivery arrives 10 times at once", async () => {
    const { app, shop, sessionId } = await setup();
    const delivery = shop.provider.deliver({ type: "payment.succeeded", sessionId, eventId: "e1" });
    const { server, close } = await listen(app);
    try {
      const responses = await Promise.all(
        Array.from({ length: 10 }, () => postWebhook(server, delivery)),
      );
      expect(responses.map((response) => response.status)).toEqual(Array(10).fill(200));
    } finally {
      await close();
    }
    expect(shop.paid).toEqual(["RC-1"]);
    expect(shop.hookCalls()).toBe(1);
  });

  it("answers 200 to a verified event whose amount does not match, fulfils nothing, logs an alert", async () => {
    const { app, shop, sessionId, logs } = await setup();
    const delivery = shop.provider.deliver({
      type: "payment.succeeded",
      sessionId,
      eventId: "e1",
      amount: 1,
    });
    const response = await postWebhook(app, delivery);
    expect(response.status).toBe(200);
    expect(shop.paid).toEqual([]);
    expect((await shop.store.findEvent({ provider: "fake", eventId: "e1" }))?.outcome).toBe(
      "rejected",
    );
    const alerts = logs.alerts();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ alert: "amount_mismatch", provider: "fake", eventId: "e1" });
  });

  it("logs an order reference or currency mismatch as an alert too", async () => {
    const { app, shop, sessionId, logs } = await setup();
    await postWebhook(
      app,
      shop.provider.deliver({ type: "payment.succeeded", sessionId, orderRef: "RC-999" }),
    );
    await postWebhook(
      app,
      shop.provider.deliver({ type: "payment.succeeded", sessionId, currency: "USD" }),
    );
    expect(logs.alerts().map((line) => line.alert)).toEqual([
      "order_ref_mismatch",
      "currency_mismatch",
    ]);
    expect(shop.paid).toEqual([]);
  });

  it("answers 200 to duplicates and to event types it does not act on", async () => {
    const { app, shop, sessionId } = await setup();
    const delivery = shop.provider.deliver({ type: "payment.succeeded", sessionId });
    expect((await postWebhook(app, delivery)).status).toBe(200);
    expect((await postWebhook(app, delivery)).status).toBe(200);
    const other = shop.provider.deliver({ type: "customer.updated", sessionId });
    expect((await postWebhook(app, other)).status).toBe(200);
    expect(shop.paid).toEqual(["RC-1"]);
  });

  it("answers 503 to an event whose attempt is not committed yet, so the provider retries", async () => {
    const { app, shop } = await setup();
    const delivery = shop.provider.deliver({
      type: "payment.succeeded",
      sessionId: "fs_unknown",
      orderRef: "RC-NOT-YET",
      amount: 5000,
    });
    const response = await postWebhook(app, delivery);
    expect([response.status, response.body.error.code]).toEqual([503, "ATTEMPT_NOT_READY"]);
  });

  it("does not answer before the hook's work has committed", async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const shop = createShop({ duringOnPaid: () => gate });
    const app = express();
    app.use(webhookRoute({ payments: shop.payments }));
    const sessionId = sessionOf(await shop.start("RC-1"));
    const events: string[] = [];
    const { server, close } = await listen(app);
    try {
      const answered = postWebhook(
        server,
        shop.provider.deliver({ type: "payment.succeeded", sessionId }),
      ).then((response) => events.push(`answered ${response.status}`));
      await waitFor(() => shop.hookCalls() === 1);
      await new Promise((resolve) => setTimeout(resolve, 50));
      events.push("hook still running");
      release();
      await answered;
    } finally {
      await close();
    }
    expect(events).toEqual(["hook still running", "answered 200"]);
    expect(shop.paid).toEqual(["RC-1"]);
  });

  it("needs no cookie, session or CSRF token", async () => {
    const { app, shop, sessionId } = await setup();
    const delivery = shop.provider.deliver({ type: "payment.succeeded", sessionId });
    const response = await postWebhook(app, delivery, {
      headers: { "Sec-Fetch-Site": "cross-site", Origin: "https://stripe.example" },
    });
    expect(response.status).toBe(200);
    const get = await request(app).get("/webhooks/fake");
    expect(get.status).toBe(404);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  if (!condition()) throw new Error("condition not met in time");
}

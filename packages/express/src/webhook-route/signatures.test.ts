import { describe, expect, it } from "@jest/globals";
import express from "express";
import { captureLogs } from "../test-support/log-capture";
import { createShop, type Shop, sessionOf } from "../test-support/shop";
import { bodyOf, postWebhook } from "../test-support/webhook-request";
import { webhookRoute } from ".";

const OTHER_SECRET = "whsec_b3RoZXItc2VjcmV0LW5vdC10aGUtb25lLWNvbmZpZ3VyZWQ=";

async function setup(limit?: string) {
  const logs = captureLogs();
  // Wired as docs/express.md recommends: core's lines go to the same logger.
  const shop = createShop({ logger: logs.logger });
  const app = express();
  app.use(webhookRoute({ payments: shop.payments, logger: logs.logger, limit }));
  const started = await shop.start("RC-1");
  return { app, shop, logs, sessionId: sessionOf(started) };
}

/** Nothing was recorded or changed: the event id is unknown and the order is still open. */
async function expectNoSideEffect(shop: Shop, eventId: string): Promise<void> {
  expect(await shop.store.findEvent({ provider: "fake", eventId })).toBeNull();
  expect((await shop.payments.getStatus({ orderRef: "RC-1" }))?.status).toBe("open");
  expect(shop.paid).toEqual([]);
}

describe("webhookRoute: signatures over the raw bytes (Standard Webhooks, fake provider)", () => {
  it("accepts the raw body as sent and applies it", async () => {
    const { app, shop, sessionId } = await setup();
    const delivery = shop.provider.deliver({ type: "payment.succeeded", sessionId });
    const response = await postWebhook(app, delivery);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ received: true });
    expect(shop.paid).toEqual(["RC-1"]);
    expect((await shop.payments.getStatus({ orderRef: "RC-1" }))?.status).toBe("paid");
  });

  it("rejects the same JSON re-serialized (other bytes, same meaning)", async () => {
    const { app, shop, sessionId } = await setup();
    const delivery = shop.provider.deliver({ type: "payment.succeeded", sessionId, eventId: "e1" });
    const reserialized = JSON.stringify(JSON.parse(bodyOf(delivery).toString("utf8")), null, 2);
    const response = await postWebhook(app, delivery, { body: reserialized });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: { code: "WEBHOOK_SIGNATURE_INVALID" } });
    await expectNoSideEffect(shop, "e1");
  });

  it("rejects one tampered byte", async () => {
    const { app, shop, sessionId } = await setup();
    const delivery = shop.provider.deliver({ type: "payment.succeeded", sessionId, eventId: "e1" });
    const body = Buffer.from(bodyOf(delivery));
    const at = body.indexOf("RC-1") + 3;
    body[at] = "2".charCodeAt(0);
    const response = await postWebhook(app, delivery, { body });
    expect([response.status, response.body.error.code]).toEqual([400, "WEBHOOK_SIGNATURE_INVALID"]);
    await expectNoSideEffect(shop, "e1");
  });

  it("rejects a delivery signed with another secret", async () => {
    const { app, shop, sessionId } = await setup();
    const delivery = shop.provider.deliver({
      type: "payment.succeeded",
      sessionId,
      eventId: "e1",
      secret: OTHER_SECRET,
    });
    const response = await postWebhook(app, delivery);
    expect([response.status, response.body.error.code]).toEqual([400, "WEBHOOK_SIGNATURE_INVALID"]);
    await expectNoSideEffect(shop, "e1");
  });

  it("rejects a tampered timestamp header (the signature covers it)", async () => {
    const { app, shop, sessionId } = await setup();
    const delivery = shop.provider.deliver({ type: "payment.succeeded", sessionId, eventId: "e1" });
    const signed = Number(delivery.headers["webhook-timestamp"]);
    const response = await postWebhook(app, delivery, {
      headers: { "webhook-timestamp": String(signed + 1) },
    });
    expect([response.status, response.body.error.code]).toEqual([400, "WEBHOOK_SIGNATURE_INVALID"]);
    await expectNoSideEffect(shop, "e1");
  });

  it("rejects stale and future timestamps", async () => {
    const { app, shop, sessionId } = await setup();
    const cases = [
      { offset: -6 * 60_000, code: "WEBHOOK_TIMESTAMP_TOO_OLD" },
      { offset: 6 * 60_000, code: "WEBHOOK_TIMESTAMP_IN_FUTURE" },
    ];
    for (const { offset, code } of cases) {
      const delivery = shop.provider.deliver({
        type: "payment.succeeded",
        sessionId,
        eventId: "e1",
        signedAt: new Date(Date.now() + offset),
      });
      const response = await postWebhook(app, delivery);
      expect([response.status, response.body.error.code]).toEqual([400, code]);
    }
    await expectNoSideEffect(shop, "e1");
  });

  it("rejects missing, empty and garbled signature headers", async () => {
    const { app, shop, sessionId } = await setup();
    const cases = [
      { headers: { "webhook-signature": undefined }, code: "WEBHOOK_SIGNATURE_MISSING" },
      { headers: { "webhook-id": undefined }, code: "WEBHOOK_SIGNATURE_MISSING" },
      { headers: { "webhook-signature": "" }, code: "WEBHOOK_SIGNATURE_MISSING" },
      {
        headers: { "webhook-signature": "v1,@@not-base64@@" },
        code: "WEBHOOK_SIGNATURE_MALFORMED",
      },
      { headers: { "webhook-timestamp": "yesterday" }, code: "WEBHOOK_SIGNATURE_MALFORMED" },
    ];
    for (const { headers, code } of cases) {
      const delivery = shop.provider.deliver({
        type: "payment.succeeded",
        sessionId,
        eventId: "e1",
      });
      const response = await postWebhook(app, delivery, { headers });
      expect([response.status, response.body.error.code]).toEqual([400, code]);
    }
    await expectNoSideEffect(shop, "e1");
  });

  it("accepts one valid signature among several (secret rotation)", async () => {
    const { app, shop, sessionId } = await setup();
    const delivery = shop.provider.deliver({ type: "payment.succeeded", sessionId });
    const valid = String(delivery.headers["webhook-signature"]);
    const bogus = `v1,${Buffer.alloc(32, 7).toString("base64")}`;
    const response = await postWebhook(app, delivery, {
      headers: { "webhook-signature": `${bogus} ${valid}` },
    });
    expect(response.status).toBe(200);
    expect(shop.paid).toEqual(["RC-1"]);
  });

  it("verifies the raw bytes whatever the content type says", async () => {
    const { app, shop } = await setup();
    const types = [
      "text/plain",
      "application/x-www-form-urlencoded",
      "application/octet-stream",
      null,
    ];
    for (const [index, contentType] of types.entries()) {
      const orderRef = `RC-CT-${index}`;
      const sessionId = sessionOf(await shop.start(orderRef));
      const delivery = shop.provider.deliver({ type: "payment.succeeded", sessionId });
      const response = await postWebhook(app, delivery, { contentType });
      expect([contentType, response.status]).toEqual([contentType, 200]);
    }
    expect(shop.paid).toEqual(["RC-CT-0", "RC-CT-1", "RC-CT-2", "RC-CT-3"]);
  });

  it("answers 413 beyond the limit and records nothing", async () => {
    const { app, shop, sessionId } = await setup("1kb");
    const delivery = shop.provider.deliver({ type: "payment.succeeded", sessionId, eventId: "e1" });
    const padded = bodyOf(delivery)
      .toString("utf8")
      .replace("{", `{"pad":"${"x".repeat(2048)}",`);
    const response = await postWebhook(app, delivery, { body: padded });
    expect([response.status, response.body.error.code]).toEqual([413, "PAYLOAD_TOO_LARGE"]);
    await expectNoSideEffect(shop, "e1");
  });

  it("answers 413 beyond the default 256 KiB", async () => {
    const { app, shop, sessionId } = await setup();
    const delivery = shop.provider.deliver({ type: "payment.succeeded", sessionId, eventId: "e1" });
    const response = await postWebhook(app, delivery, { body: Buffer.alloc(257 * 1024, 32) });
    expect([response.status, response.body.error.code]).toEqual([413, "PAYLOAD_TOO_LARGE"]);
    await expectNoSideEffect(shop, "e1");
  });

  it("answers 404 for an unknown provider and applies nothing", async () => {
    const { app, shop, sessionId } = await setup();
    const delivery = shop.provider.deliver({ type: "payment.succeeded", sessionId, eventId: "e1" });
    const response = await postWebhook(app, delivery, { path: "/webhooks/paypal" });
    expect([response.status, response.body.error.code]).toEqual([404, "UNKNOWN_PROVIDER"]);
    await expectNoSideEffect(shop, "e1");
  });

  it("never writes the signature header or the secret to the log", async () => {
    const { app, shop, sessionId, logs } = await setup();
    const delivery = shop.provider.deliver({ type: "payment.succeeded", sessionId });
    await postWebhook(app, delivery, { headers: { "webhook-timestamp": "1" } });
    await postWebhook(app, delivery);
    const signature = String(delivery.headers["webhook-signature"]).split(",")[1] ?? "";
    expect(signature.length).toBeGreaterThan(20);
    expect(logs.lines().length).toBeGreaterThan(1);
    expect(logs.text()).not.toContain(signature);
    expect(logs.text()).not.toMatch(/whsec_[A-Za-z0-9]/);
  });
});

import { describe, expect, it } from "@jest/globals";
import express from "express";
import { captureLogs } from "../test-support/log-capture";
import { createShop, sessionOf } from "../test-support/shop";
import { postWebhook } from "../test-support/webhook-request";
import { DEFAULT_WEBHOOK_PATH, webhookPaths, webhookRoute } from ".";

describe("webhookRoute: mounting mistakes fail loudly", () => {
  it("answers 500, not a signature error, when express.json() ran first, and says how to mount it", async () => {
    const logs = captureLogs();
    const shop = createShop();
    const app = express();
    app.use(express.json());
    app.use(webhookRoute({ payments: shop.payments, logger: logs.logger }));
    const sessionId = sessionOf(await shop.start("RC-1"));
    const delivery = shop.provider.deliver({ type: "payment.succeeded", sessionId, eventId: "e1" });
    const response = await postWebhook(app, delivery);
    expect(response.status).toBe(500);
    expect(response.body).toEqual({ error: { code: "WEBHOOK_RAW_BODY_UNAVAILABLE" } });
    const line = logs.lines().find((entry) => entry.code === "WEBHOOK_RAW_BODY_UNAVAILABLE");
    expect(line?.level).toBe(50);
    expect(String(line?.msg)).toContain("Mount app.use(webhookRoute({ payments })) before");
    expect(await shop.store.findEvent({ provider: "fake", eventId: "e1" })).toBeNull();
  });

  it("also catches a global urlencoded or text parser", async () => {
    const shop = createShop();
    const sessionId = sessionOf(await shop.start("RC-1"));
    const cases = [
      {
        parser: express.urlencoded({ extended: false }),
        type: "application/x-www-form-urlencoded",
      },
      { parser: express.text(), type: "text/plain" },
    ];
    for (const { parser, type } of cases) {
      const app = express();
      app.use(parser);
      app.use(webhookRoute({ payments: shop.payments }));
      const delivery = shop.provider.deliver({ type: "payment.succeeded", sessionId });
      const response = await postWebhook(app, delivery, { contentType: type });
      expect([type, response.status]).toEqual([type, 500]);
    }
    expect(shop.paid).toEqual([]);
  });

  it("still works when a global JSON parser only sees other content types", async () => {
    const shop = createShop();
    const app = express();
    app.use(express.json());
    app.use(webhookRoute({ payments: shop.payments }));
    const sessionId = sessionOf(await shop.start("RC-1"));
    const delivery = shop.provider.deliver({ type: "payment.succeeded", sessionId });
    const response = await postWebhook(app, delivery, { contentType: "application/octet-stream" });
    expect(response.status).toBe(200);
  });

  it("refuses to start without payments or with a path lacking :provider", () => {
    const shop = createShop();
    expect(() => webhookRoute({ payments: shop.payments, path: "/hooks" })).toThrow(/:provider/);
    expect(() => Reflect.apply(webhookRoute, undefined, [{}])).toThrow(/payments/);
  });

  it("lists the concrete webhook paths, for exact CSRF exemptions", () => {
    const shop = createShop();
    expect(webhookPaths(shop.payments)).toEqual(["/webhooks/fake"]);
    expect(webhookPaths(shop.payments, "/psp/:provider/events")).toEqual(["/psp/fake/events"]);
    expect(DEFAULT_WEBHOOK_PATH).toBe("/webhooks/:provider");
  });

  it("serves a custom path", async () => {
    const shop = createShop();
    const app = express();
    app.use(webhookRoute({ payments: shop.payments, path: "/psp/:provider/events" }));
    const sessionId = sessionOf(await shop.start("RC-1"));
    const delivery = shop.provider.deliver({ type: "payment.succeeded", sessionId });
    const response = await postWebhook(app, delivery, { path: "/psp/fake/events" });
    expect(response.status).toBe(200);
  });
});

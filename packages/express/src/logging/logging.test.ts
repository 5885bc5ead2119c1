import { describe, expect, it } from "@jest/globals";
import type { Logger } from "@linkpay/core";
import express from "express";
import request from "supertest";
import { errorHandler } from "../error-handler";
import { captureLogs } from "../test-support/log-capture";
import { createShop, sessionOf } from "../test-support/shop";
import { postWebhook } from "../test-support/webhook-request";
import { webhookRoute } from "../webhook-route";
import { ALERT_LEVEL, requestLogger, requestLogging } from ".";

const SECRET_KEY = "sk_live_51HxQaZ2eZvKYlo2C0123456789abcdef";
const TEST_KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";
const WEBHOOK_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const COOKIE = "sid=s%3Aq8w7e6r5t4y3u2i1o0p9";
const STRIPE_SIGNATURE =
  "t=1614265330,v1=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

function appWith() {
  const logs = captureLogs();
  const app = express();
  app.use(requestLogging({ logger: logs.logger }));
  app.post("/config", (req, res) => {
    requestLogger(req).info(
      { config: { apiKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET }, headers: req.headers },
      `loaded key ${TEST_KEY}`,
    );
    res.send("ok");
  });
  app.get("/boom", () => {
    throw new Error(`Stripe said no for ${SECRET_KEY} (secret ${WEBHOOK_SECRET})`);
  });
  app.use(errorHandler());
  return { app, logs };
}

describe("logging", () => {
  it("never writes secrets, signature headers, cookies or authorization", async () => {
    const { app, logs } = appWith();
    const secretHeaders = {
      Authorization: `Bearer ${SECRET_KEY}`,
      Cookie: COOKIE,
      "Stripe-Signature": STRIPE_SIGNATURE,
      "Webhook-Signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
      "X-CSRF-Token": "c0ffee-token-value",
    };
    await request(app).post("/config").set(secretHeaders).send("x");
    await request(app).get("/boom").set(secretHeaders);
    const text = logs.text();
    expect(logs.lines().length).toBeGreaterThanOrEqual(4);
    for (const secret of [
      SECRET_KEY,
      TEST_KEY,
      WEBHOOK_SECRET,
      "q8w7e6r5t4y3u2i1o0p9",
      "5bdcc146bf60754e6a04",
      "g0hM9SsE",
      "c0ffee-token-value",
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/sk_(live|test)_[A-Za-z0-9]/);
    expect(text).not.toMatch(/whsec_[A-Za-z0-9]/);
    expect(text).toContain("sk_live_[redacted]");
  });

  it("puts the request id on every line, in the X-Request-Id header and in error answers", async () => {
    const { app, logs } = appWith();
    const response = await request(app).get("/boom").set("Accept", "application/json");
    const id = response.headers["x-request-id"];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.body.error).toEqual({
      code: "INTERNAL_ERROR",
      message: "Something went wrong on our side.",
      requestId: id,
    });
    const lines = logs.lines();
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line.reqId).toBe(id);
  });

  it("reuses an incoming request id only when told to, and only a safe one", async () => {
    const logs = captureLogs();
    const app = express();
    app.use(requestLogging({ logger: logs.logger, trustRequestIdHeader: true }));
    app.get("/", (_req, res) => {
      res.send("ok");
    });
    expect(
      (await request(app).get("/").set("X-Request-Id", "edge-42")).headers["x-request-id"],
    ).toBe("edge-42");
    const unsafe = await request(app).get("/").set("X-Request-Id", 'a"b<script>');
    expect(unsafe.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const untrusted = appWith();
    const ignored = await request(untrusted.app).post("/config").set("X-Request-Id", "edge-42");
    expect(ignored.headers["x-request-id"]).not.toBe("edge-42");
  });

  it("masks card numbers in messages, fields and URLs", async () => {
    const { app, logs } = appWith();
    await request(app).post("/config?c=4242424242424242").send("x");
    logs.logger.info(
      { note: "card 4242 4242 4242 4242", n: 4242424242424242 },
      "saw 4242-4242-4242-4242",
    );
    expect(logs.text()).not.toMatch(/4242[ -]?4242[ -]?4242/);
    expect(logs.text()).toContain("[card ****4242]");
  });

  it("masks card numbers typed with spaces in URL-encoded paths and logged query values", async () => {
    const logs = captureLogs();
    const app = express();
    app.use(requestLogging({ logger: logs.logger, loggedQueryKeys: ["q", "r"] }));
    app.use(errorHandler());
    await request(app).get("/boom?q=4242+4242+4242+4242&r=5555%205555%205555%204444");
    await request(app).get("/4000%200027%206000%203184/%E0%A4%A");
    await request(app)
      .get("/boom")
      .set("referer", "https://elsewhere.example/?card=4000%200027%206000%203184");
    const text = logs.text().replace(/%20|\+/g, " ");
    expect(text).not.toMatch(/4242 4242 4242|5555 5555 5555|4000 0027 6000/);
    expect(logs.text()).toContain("[card ****4444]");
    expect(logs.text()).toContain("[card ****3184]");
    expect(logs.text()).not.toContain("elsewhere.example");
  });

  it("has an alert level above error, which fits core's Logger as it is", async () => {
    const logs = captureLogs();
    const core: Logger = logs.logger;
    core.alert?.({ alert: "amount_mismatch" }, "mismatch");
    core.error({ reason: "plain" }, "plain error");
    expect(logs.lines().map((line) => line.level)).toEqual([ALERT_LEVEL, 50]);
    expect(ALERT_LEVEL).toBeGreaterThan(50);
    expect(ALERT_LEVEL).toBeLessThan(60);
  });

  it("records the core's mismatch alert once, with the request id of the delivery", async () => {
    const logs = captureLogs();
    const shop = createShop({ logger: logs.logger });
    const app = express();
    app.use(requestLogging({ logger: logs.logger }));
    app.use(webhookRoute({ payments: shop.payments }));
    const sessionId = sessionOf(await shop.start("RC-1"));
    const delivery = shop.provider.deliver({ type: "payment.succeeded", sessionId, amount: 9 });
    expect((await postWebhook(app, delivery)).status).toBe(200);
    const alerts = logs.alerts();
    expect(alerts.map((line) => line.alert)).toEqual(["amount_mismatch"]);
    expect(typeof alerts[0]?.reqId).toBe("string");
  });
});

import { describe, expect, it } from "@jest/globals";
import express from "express";
import request from "supertest";
import { errorHandler } from "../error-handler";
import { listen } from "../test-support/listen";
import { captureLogs } from "../test-support/log-capture";
import { createShop, sessionOf } from "../test-support/shop";
import { postWebhook } from "../test-support/webhook-request";
import { webhookPaths, webhookRoute } from "../webhook-route";
import { type CsrfProtectionOptions, csrfProtection } from ".";

const SECRET = "a-test-secret-that-is-long-enough-0123456789";

function appWith(options: CsrfProtectionOptions = {}) {
  const logs = captureLogs();
  const app = express();
  app.use(express.urlencoded({ extended: false }));
  const csrf = csrfProtection({ logger: logs.logger, ...options });
  app.use(csrf);
  app.get("/form", (req, res) => {
    res.json({ token: csrf.generateToken(req, res) });
  });
  app.get("/page", (_req, res) => {
    res.send("page");
  });
  app.post(/.*/, (_req, res) => {
    res.status(200).send("booked");
  });
  app.use(errorHandler());
  return { app, logs };
}

const post = (app: express.Express, path = "/bookings") =>
  request(app).post(path).set("Accept", "application/json").type("form");

/** The `name=value` part of the first Set-Cookie header. */
function cookieOf(response: request.Response): string {
  const header: unknown = response.headers["set-cookie"];
  const first: unknown = Array.isArray(header) ? header[0] : header;
  return String(first ?? "").split(";")[0] ?? "";
}

async function expectRefused(test: request.Test): Promise<void> {
  const response = await test;
  expect(response.status).toBe(403);
  expect(response.body.error.code).toBe("CROSS_SITE_REQUEST_REFUSED");
}

describe("csrfProtection", () => {
  it("refuses Sec-Fetch-Site cross-site and same-site", async () => {
    const { app, logs } = appWith();
    await expectRefused(post(app).set("Sec-Fetch-Site", "cross-site").send("car=1"));
    await expectRefused(post(app).set("Sec-Fetch-Site", "same-site").send("car=1"));
    await expectRefused(post(app).set("Sec-Fetch-Site", "bogus").send("car=1"));
    expect(logs.lines().filter((line) => line.reason === "sec-fetch-site_mismatch")).toHaveLength(
      3,
    );
  });

  it("passes same-origin form posts and user-initiated ones (none)", async () => {
    const { app } = appWith();
    expect((await post(app).set("Sec-Fetch-Site", "same-origin").send("car=1")).status).toBe(200);
    expect((await post(app).set("Sec-Fetch-Site", "none").send("car=1")).status).toBe(200);
  });

  it("accepts same-site only when allowed", async () => {
    const { app } = appWith({ allowSameSite: true });
    expect((await post(app).set("Sec-Fetch-Site", "same-site").send("car=1")).status).toBe(200);
    await expectRefused(post(app).set("Sec-Fetch-Site", "cross-site").send("car=1"));
  });

  it("falls back to Origin, then Referer, against the request's own origin", async () => {
    const { app } = appWith();
    const { server, origin: own, close } = await listen(app);
    try {
      const to = () =>
        request(server).post("/bookings").set("Accept", "application/json").type("form");
      expect((await to().set("Origin", own).send("car=1")).status).toBe(200);
      await expectRefused(to().set("Origin", "https://evil.example").send("car=1"));
      await expectRefused(to().set("Origin", "null").send("car=1"));
      expect((await to().set("Referer", `${own}/cart?x=1`).send("car=1")).status).toBe(200);
      await expectRefused(to().set("Referer", "https://evil.example/page").send("car=1"));
      await expectRefused(to().set("Origin", `${own}.evil.example`).send("car=1"));
    } finally {
      await close();
    }
  });

  it("compares with the configured public origin behind a proxy", async () => {
    const { app } = appWith({ publicOrigin: "https://shop.example" });
    expect((await post(app).set("Origin", "https://shop.example").send("car=1")).status).toBe(200);
    await expectRefused(post(app).set("Origin", "http://shop.example").send("car=1"));
    expect(() => csrfProtection({ publicOrigin: "https://shop.example/" })).toThrow(/exact origin/);
    expect(() => csrfProtection({ token: { secret: "", sessionId: () => "s" } })).toThrow(/32/);
  });

  it("honours trust proxy for the request's own origin", async () => {
    const { app } = appWith();
    app.set("trust proxy", "loopback");
    const response = await post(app)
      .set("X-Forwarded-Proto", "https")
      .set("X-Forwarded-Host", "shop.example")
      .set("Origin", "https://shop.example")
      .send("car=1");
    expect(response.status).toBe(200);
  });

  it("refuses a request with no origin headers when no token is configured", async () => {
    const { app } = appWith();
    await expectRefused(post(app).send("car=1"));
  });

  it("accepts a valid token (header or form field) from clients that send no origin headers", async () => {
    const { app } = appWith({
      token: { secret: SECRET, sessionId: () => "session-1", secureCookie: false },
    });
    await expectRefused(post(app).send("car=1"));
    const issued = await request(app).get("/form");
    const cookie = cookieOf(issued);
    const { token } = issued.body;
    expect(String(issued.headers["set-cookie"])).toMatch(/^linkpay\.csrf=.*HttpOnly.*SameSite=Lax/);
    expect((await post(app).set("Cookie", cookie).send(`car=1&_csrf=${token}`)).status).toBe(200);
    expect(
      (await post(app).set("Cookie", cookie).set("X-CSRF-Token", token).send("car=1")).status,
    ).toBe(200);
    await expectRefused(post(app).set("Cookie", cookie).send("car=1&_csrf=forged"));
    await expectRefused(post(app).send(`car=1&_csrf=${token}`));
    await expectRefused(
      post(app).set("Sec-Fetch-Site", "cross-site").set("Cookie", cookie).send(`_csrf=${token}`),
    );
  });

  it("binds the token to the session", async () => {
    let session = "session-1";
    const { app } = appWith({
      token: { secret: SECRET, sessionId: () => session, secureCookie: false },
    });
    const issued = await request(app).get("/form");
    session = "session-2";
    await expectRefused(
      post(app).set("Cookie", cookieOf(issued)).send(`_csrf=${issued.body.token}`),
    );
  });

  it("exempts exact paths only", async () => {
    const { app } = appWith({ exemptPaths: ["/webhooks/stripe"] });
    const cross = (path: string) => post(app, path).set("Sec-Fetch-Site", "cross-site").send("x=1");
    expect((await cross("/webhooks/stripe")).status).toBe(200);
    expect((await cross("/webhooks/stripe?x=1")).status).toBe(200);
    for (const path of [
      "/webhooks/stripe/extra",
      "/webhooks/stripe-evil",
      "/webhooks/stripe/",
      "/api/webhooks/stripe",
      "/webhooks/Stripe",
      "/webhooks/%73tripe",
      "/webhooks",
    ]) {
      await expectRefused(cross(path));
    }
  });

  it("lets GET, HEAD and OPTIONS through", async () => {
    const { app } = appWith();
    for (const method of ["get", "head", "options"] as const) {
      const response = await request(app)[method]("/page").set("Sec-Fetch-Site", "cross-site");
      expect([method, response.status]).toEqual([method, 200]);
    }
  });

  it("never stands between the provider and the webhook route", async () => {
    const shop = createShop();
    const app = express();
    app.use(csrfProtection({ exemptPaths: webhookPaths(shop.payments) }));
    app.use(webhookRoute({ payments: shop.payments }));
    const sessionId = sessionOf(await shop.start("RC-1"));
    const delivery = shop.provider.deliver({ type: "payment.succeeded", sessionId });
    const response = await postWebhook(app, delivery);
    expect(response.status).toBe(200);
    expect(shop.paid).toEqual(["RC-1"]);
  });
});

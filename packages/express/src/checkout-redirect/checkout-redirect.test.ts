import { describe, expect, it } from "@jest/globals";
import type { Logger, StartedCheckout } from "@linkpay/core";
import { createFakeProvider, type FakeProvider } from "@linkpay/core/testing";
import express from "express";
import request from "supertest";
import { errorHandler } from "../error-handler";
import { captureLogs } from "../test-support/log-capture";
import { createShop, type Shop } from "../test-support/shop";
import { checkoutHandler, redirectToCheckout } from ".";

/** A fake provider whose hosted URL points elsewhere (a compromised or misconfigured adapter). */
function foreignUrlProvider(url: string): FakeProvider {
  const fake = createFakeProvider();
  return {
    ...fake,
    createCheckout: async (...args) => ({
      ...(await fake.createCheckout(...args)),
      hostedUrl: url,
    }),
  };
}

function appFor(shopFor: (logger: Logger) => Shop) {
  const logs = captureLogs();
  const shop = shopFor(logs.logger);
  const app = express();
  app.use(express.urlencoded({ extended: false }));
  app.post("/checkout", checkoutHandler({ start: () => shop.start("RC-1") }));
  app.use(errorHandler({ logger: logs.logger }));
  return { app, logs };
}

describe("checkoutHandler / redirectToCheckout", () => {
  it("answers 303 See Other to the provider's page, with no-store", async () => {
    const { app } = appFor((logger) => createShop({ logger }));
    const response = await request(app).post("/checkout").type("form").send("car=compact");
    expect(response.status).toBe(303);
    expect(response.headers.location).toMatch(/^https:\/\/pay\.fake\.test\/pay\/fs_/);
    expect(response.headers["cache-control"]).toBe("no-store");
  });

  it("ignores next / returnTo / redirect parameters", async () => {
    const { app } = appFor((logger) => createShop({ logger }));
    const evil = "https://evil.example/phish";
    const response = await request(app)
      .post(`/checkout?next=${encodeURIComponent(evil)}&returnTo=${encodeURIComponent(evil)}`)
      .type("form")
      .send(`redirect=${encodeURIComponent(evil)}&next=${encodeURIComponent(evil)}`);
    expect(response.status).toBe(303);
    expect(response.headers.location).toMatch(/^https:\/\/pay\.fake\.test\//);
    expect(JSON.stringify(response.headers)).not.toContain("evil.example");
  });

  it("answers 502 without a Location when the provider returns a foreign URL, and alerts once", async () => {
    for (const url of [
      "https://evil.example/pay",
      "https://pay.fake.test.evil.example/pay",
      "https://pay.fake.test@evil.example/",
      "javascript:alert(1)",
    ]) {
      const { app, logs } = appFor((logger) =>
        createShop({ logger, provider: foreignUrlProvider(url) }),
      );
      const response = await request(app).post("/checkout").set("Accept", "application/json");
      expect([url, response.status]).toEqual([url, 502]);
      expect(response.body.error.code).toBe("REDIRECT_NOT_ALLOWED");
      expect(response.headers.location).toBeUndefined();
      expect(JSON.stringify(response.body)).not.toContain("evil");
      expect(logs.alerts().map((line) => line.alert)).toEqual(["redirect_not_allowed"]);
    }
  });

  it("redirects only to a checked URL: a plain string does not type-check", async () => {
    const shop = createShop();
    const started = await shop.start("RC-1");
    const app = express();
    app.get("/go", (_req, res) => redirectToCheckout(res, started));
    const url = "https://evil.example/pay";
    // @ts-expect-error a URL that did not come from startCheckout's guard is not a CheckedRedirectUrl
    const forged: StartedCheckout = { ...started, redirectUrl: url };
    expect(forged.redirectUrl).toContain("evil");
    const response = await request(app).get("/go");
    expect([response.status, response.headers.location]).toEqual([303, started.redirectUrl]);
  });

  it("passes other failures to the error handler with their code", async () => {
    const shop = createShop();
    shop.provider.failNextCreate(new Error("socket hang up"));
    const { app } = appFor(() => shop);
    const response = await request(app).post("/checkout").set("Accept", "application/json");
    expect(response.status).toBe(500);
    expect(response.body.error.code).toBe("INTERNAL_ERROR");
    expect(JSON.stringify(response.body)).not.toContain("socket hang up");
  });
});

import { randomBytes } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import type { PaymentEventKind } from "@linkpay/core";
import { createFakeProvider, type FakeProvider } from "@linkpay/core/testing";
import express from "express";
import request from "supertest";
import { errorHandler } from "../error-handler";
import { createShop, type Shop, sessionOf } from "../test-support/shop";
import { returnHandler } from ".";

/** Per-order return tokens, as a shop would keep them next to its orders. */
function tokenBook() {
  const byToken = new Map<string, string>();
  return {
    issue(orderRef: string): string {
      const token = randomBytes(24).toString("base64url");
      byToken.set(token, orderRef);
      return token;
    },
    resolve: (token: unknown) => (typeof token === "string" ? (byToken.get(token) ?? null) : null),
  };
}

async function setup(options: { askProvider?: boolean; provider?: FakeProvider } = {}) {
  const shop = createShop({ provider: options.provider });
  const tokens = tokenBook();
  const app = express();
  app.get(
    "/checkout/return",
    returnHandler({
      payments: shop.payments,
      askProvider: options.askProvider,
      resolveOrder: (req) => tokens.resolve(req.query.t),
      render: (view, _req, res) => {
        res.json({ status: view.status, orderRef: view.orderRef, source: view.source });
      },
    }),
  );
  app.use(errorHandler());
  const own = await shop.start("RC-1");
  const other = await shop.start("RC-2");
  return { app, shop, token: tokens.issue("RC-1"), own: sessionOf(own), other: sessionOf(other) };
}

const visit = (app: express.Express, query: string) =>
  request(app).get(`/checkout/return${query}`).set("Accept", "application/json");

async function apply(shop: Shop, type: PaymentEventKind, sessionId: string) {
  await shop.payments.handleWebhook({
    provider: "fake",
    ...shop.provider.deliver({ type, sessionId }),
  });
}

async function expectUntouched(shop: Shop): Promise<void> {
  const attempt = await shop.payments.getStatus({ orderRef: "RC-1" });
  expect(attempt?.status).toBe("open");
  expect(attempt?.version).toBe(2);
  expect(await shop.store.listAudit({ attemptId: attempt?.id ?? "" })).toEqual([]);
  expect(shop.paid).toEqual([]);
}

describe("returnHandler", () => {
  it("reveals nothing without a valid token, or with only an order number", async () => {
    const { app, shop } = await setup();
    const answers = await Promise.all(
      ["", "?t=forged-token", "?order=RC-1", "?orderRef=RC-1&session_id=x", "?t=RC-1"].map((q) =>
        visit(app, q),
      ),
    );
    for (const response of answers) {
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe("ORDER_NOT_FOUND");
      expect(Object.keys(response.body.error).sort()).toEqual(["code", "message", "requestId"]);
      expect(JSON.stringify(response.body)).not.toMatch(/RC-1|pending|open|fs_/);
    }
    await expectUntouched(shop);
  });

  it("refuses a forged session id or another order's, exactly like no order", async () => {
    const { app, shop, token, other } = await setup();
    shop.provider.settle({ sessionId: other, status: "paid" });
    for (const sessionId of ["cs_forged", other, ""]) {
      const response = await visit(app, `?t=${token}&session_id=${encodeURIComponent(sessionId)}`);
      expect([sessionId, response.status, response.body.error?.code]).toEqual([
        sessionId,
        404,
        "ORDER_NOT_FOUND",
      ]);
      expect(JSON.stringify(response.body)).not.toMatch(/RC-|paid|processing|pending/);
    }
    const repeated = await visit(app, `?t=${token}&session_id=a&session_id=b`);
    expect(repeated.status).toBe(404);
    await expectUntouched(shop);
  });

  it("shows pending for an open checkout, with its own session id accepted, and no-store", async () => {
    const { app, token, own } = await setup();
    const response = await visit(app, `?t=${token}&session_id=${own}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: "pending", orderRef: "RC-1", source: "provider" });
    expect(response.headers["cache-control"]).toBe("no-store");
  });

  it("says processing, never paid, when only the provider says paid; nothing changes", async () => {
    const { app, shop, token, own } = await setup();
    shop.provider.settle({ sessionId: own, status: "paid" });
    const response = await visit(app, `?t=${token}&session_id=${own}`);
    expect(response.body).toEqual({ status: "processing", orderRef: "RC-1", source: "provider" });
    await expectUntouched(shop);
  });

  it("shows paid once the webhook has been applied", async () => {
    const { app, shop, token, own } = await setup();
    await apply(shop, "payment.succeeded", own);
    const response = await visit(app, `?t=${token}`);
    expect(response.body).toEqual({ status: "paid", orderRef: "RC-1", source: "store" });
  });

  it("renders processing, failed, expired and canceled from the store", async () => {
    const cases: [PaymentEventKind, string][] = [
      ["checkout.completed", "processing"],
      ["payment.failed", "failed"],
      ["checkout.expired", "expired"],
      ["checkout.canceled", "canceled"],
    ];
    for (const [kind, status] of cases) {
      const { app, shop, token, own } = await setup();
      await apply(shop, kind, own);
      const response = await visit(app, `?t=${token}`);
      expect([kind, response.body.status, response.body.source]).toEqual([kind, status, "store"]);
    }
  });

  it("does not ask the provider when told not to, or when it is unreachable", async () => {
    const quiet = await setup({ askProvider: false });
    quiet.shop.provider.settle({ sessionId: quiet.own, status: "paid" });
    expect((await visit(quiet.app, `?t=${quiet.token}`)).body.status).toBe("pending");

    const fake = createFakeProvider();
    const down = await setup({
      provider: {
        ...fake,
        retrieveCheckout: () => Promise.reject(new Error("ETIMEDOUT api.fake.test")),
      },
    });
    const response = await visit(down.app, `?t=${down.token}`);
    expect(response.body).toEqual({ status: "pending", orderRef: "RC-1", source: "store" });
  });

  it("ignores next and returnTo parameters", async () => {
    const { app, token } = await setup();
    const evil = encodeURIComponent("https://evil.example/");
    const response = await visit(app, `?t=${token}&next=${evil}&returnTo=${evil}&redirect=${evil}`);
    expect(response.status).toBe(200);
    expect(response.headers.location).toBeUndefined();
    const refused = await visit(app, `?next=${evil}`);
    expect(refused.status).toBe(404);
    expect(refused.headers.location).toBeUndefined();
  });
});

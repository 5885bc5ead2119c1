import { describe, expect, it } from "@jest/globals";
import { type CspReportStore, createMemoryCspReportStore } from "@linkpay/core";
import express, { type RequestHandler } from "express";
import request from "supertest";
import { cspNonce } from "../security-headers";
import { captureLogs } from "../test-support/log-capture";
import { recommendedApp } from "../test-support/recommended-app";
import { createShop, sessionOf } from "../test-support/shop";
import { postWebhook } from "../test-support/webhook-request";
import { mountLinkpay } from ".";

const sameOrigin = { "Sec-Fetch-Site": "same-origin", Accept: "application/json" };

describe("mountLinkpay: one call, the documented order", () => {
  it("applies webhooks although the app's body parsers are global: the route comes first", async () => {
    const shop = createShop();
    const { app } = recommendedApp(shop, undefined, {
      bodyParsers: [express.json(), express.urlencoded({ extended: false }), express.text()],
    });
    const sessionId = sessionOf(await shop.start("RC-1"));
    const delivery = shop.provider.deliver({ type: "payment.succeeded", sessionId });
    expect((await postWebhook(app, delivery)).status).toBe(200);
    expect(shop.paid).toEqual(["RC-1"]);
  });

  it("hands the routes a parsed body that the card guard and CSRF have already checked", async () => {
    const seen: unknown[] = [];
    const app = express();
    mountLinkpay(app, {
      payments: createShop().payments,
      logger: captureLogs().logger,
      routes: (app) => app.post("/echo", (req, res) => res.json(seen.push(req.body))),
    });
    const ok = await request(app).post("/echo").set(sameOrigin).send({ car: "compact" });
    const card = await request(app)
      .post("/echo")
      .set(sameOrigin)
      .send({ note: "4242 4242 4242 4242" });
    const cross = await request(app)
      .post("/echo")
      .set({ ...sameOrigin, "Sec-Fetch-Site": "cross-site" })
      .send({ car: "compact" });
    expect([ok.status, card.status, cross.status]).toEqual([200, 400, 403]);
    expect(seen).toEqual([{ car: "compact" }]);
  });

  it("gives routes only the bodies the app's parsers parsed; the guard still scans the rest", async () => {
    const seen: unknown[] = [];
    const app = express();
    mountLinkpay(app, {
      payments: createShop().payments,
      logger: captureLogs().logger,
      bodyParsers: [express.urlencoded({ extended: false })],
      routes: (app) => app.post("/echo", (req, res) => res.json(seen.push(req.body))),
    });
    const form = await request(app).post("/echo").set(sameOrigin).type("form").send("car=compact");
    const json = await request(app).post("/echo").set(sameOrigin).send({ car: "suv" });
    const text = await request(app).post("/echo").set(sameOrigin).type("text").send("car=van");
    const card = await request(app)
      .post("/echo")
      .set(sameOrigin)
      .send({ note: "4242 4242 4242 4242" });
    expect([form.status, json.status, text.status, card.status]).toEqual([200, 200, 200, 400]);
    expect(seen).toEqual([{ car: "compact" }, undefined, undefined]);
  });

  it("sets the strict CSP with the providers in form-action, and a typed nonce per response", async () => {
    const nonces: string[] = [];
    const app = express();
    mountLinkpay(app, {
      payments: createShop().payments,
      logger: captureLogs().logger,
      routes: (app) =>
        app.get("/", (_req, res) => {
          const nonce: string = res.locals.cspNonce;
          nonces.push(nonce, cspNonce(res));
          res.send("ok");
        }),
    });
    const page = await request(app).get("/");
    const csp = String(page.headers["content-security-policy"]);
    expect(csp).toContain("form-action 'self' https://pay.fake.test");
    expect(csp).toContain(`'nonce-${nonces[0]}'`);
    expect(csp).toContain("report-uri /csp-reports");
    expect(nonces[0]).toBe(nonces[1]);
    expect(page.headers["x-powered-by"]).toBeUndefined();
  });

  it("keeps CSP reports in the store it is given and hands that store back", async () => {
    const store = createMemoryCspReportStore();
    const app = express();
    const mounted = mountLinkpay(app, {
      payments: createShop().payments,
      logger: captureLogs().logger,
      cspReports: { store, path: "/reports/csp" },
      routes: () => {},
    });
    expect(mounted.cspReports).toBe(store);
    await request(app)
      .post("/reports/csp")
      .set("Content-Type", "application/csp-report")
      .send(
        JSON.stringify({
          "csp-report": {
            "document-uri": "https://shop.example/",
            "blocked-uri": "https://skimmer.example/s.js",
            "effective-directive": "script-src-elem",
          },
        }),
      )
      .expect(204);
    expect((await store.listCspViolations()).map((entry) => entry.blockedUrl)).toEqual([
      "https://skimmer.example/s.js",
    ]);
    const page = await request(app).get("/");
    expect(String(page.headers["content-security-policy"])).toContain("report-uri /reports/csp");
  });

  it("mounts the CSP report feed only when given tokens, over the report route's store", async () => {
    // Luhn-valid digits: the card-data guard, which scans headers, must not see this token.
    const token = "4242424242424242-patrol-feed-token-0001";
    const store = createMemoryCspReportStore();
    await store.recordCspViolations({
      violations: [
        {
          documentUrl: "https://shop.example/book",
          blockedUrl: "https://skimmer.example/s.js",
          directive: "script-src-elem",
          disposition: "enforce",
        },
      ],
      at: new Date("2026-12-05T10:00:00Z"),
    });
    const withFeed = express();
    mountLinkpay(withFeed, {
      payments: createShop().payments,
      logger: captureLogs().logger,
      cspReports: { store },
      cspReportFeed: { tokens: [token] },
      routes: () => {},
    });
    const feed = await request(withFeed)
      .get("/.well-known/linkpay/csp-reports")
      .set("Authorization", `Bearer ${token}`);
    expect(feed.status).toBe(200);
    expect(feed.body.violations).toEqual([
      expect.objectContaining({ blockedUrl: "https://skimmer.example/s.js", count: 1 }),
    ]);
    const refused = await request(withFeed)
      .get("/.well-known/linkpay/csp-reports")
      .set("Accept", "application/json");
    expect([refused.status, refused.body.error.code]).toEqual([401, "AUTHENTICATION_REQUIRED"]);

    const withoutFeed = express();
    mountLinkpay(withoutFeed, {
      payments: createShop().payments,
      logger: captureLogs().logger,
      cspReports: { store },
      routes: () => {},
    });
    expect((await request(withoutFeed).get("/.well-known/linkpay/csp-reports")).status).toBe(404);
  });

  it("refuses a feed with no store to read when the report route is not linkpay's", () => {
    const mount = (cspReportFeed: { tokens: string; store?: CspReportStore }) =>
      mountLinkpay(express(), {
        payments: createShop().payments,
        logger: captureLogs().logger,
        cspReports: false,
        cspReportFeed,
        routes: () => {},
      });
    const tokens = "patrol-feed-token-0123456789-abcdefghij";
    expect(() => mount({ tokens })).toThrow(/cspReportFeed needs \{ store \}/);
    expect(() => mount({ tokens, store: createMemoryCspReportStore() })).not.toThrow();
  });

  it("ends with 404 and the error handler after the app's routes", async () => {
    const app = express();
    mountLinkpay(app, {
      payments: createShop().payments,
      logger: captureLogs().logger,
      routes: (app) =>
        app.get("/boom", () => {
          throw new Error("secret internals");
        }),
    });
    const missing = await request(app).get("/.env").set("Accept", "application/json");
    const boom = await request(app).get("/boom").set("Accept", "application/json");
    const undecodable = await request(app)
      .get("/bookings/%E0%A4%A")
      .set("Accept", "application/json");
    expect([missing.status, missing.body.error.code]).toEqual([404, "NOT_FOUND"]);
    expect([boom.status, boom.body.error.code]).toEqual([500, "INTERNAL_ERROR"]);
    expect(JSON.stringify(boom.body)).not.toContain("secret internals");
    expect([undecodable.status, undecodable.body.error.code]).toEqual([404, "NOT_FOUND"]);
  });

  it("lets each part be turned off", async () => {
    const app = express();
    mountLinkpay(app, {
      payments: createShop().payments,
      logger: captureLogs().logger,
      requestLogging: false,
      webhooks: false,
      cspReports: false,
      securityHeaders: false,
      cardDataGuard: false,
      csrf: false,
      notFound: false,
      errors: false,
      routes: (app) => app.post("/echo", (req, res) => res.json(req.body)),
    });
    const response = await request(app)
      .post("/echo")
      .set("Sec-Fetch-Site", "cross-site")
      .send({ note: "4242 4242 4242 4242" });
    expect(response.status).toBe(200);
    expect(response.headers["content-security-policy"]).toBeUndefined();
    expect((await request(app).post("/webhooks/fake").send("{}")).status).toBe(404);
  });

  it("lets each part be replaced by the app's own handler, in the same place", async () => {
    const order: string[] = [];
    const mark =
      (name: string): RequestHandler =>
      (_req, _res, next) => {
        order.push(name);
        next();
      };
    const app = express();
    mountLinkpay(app, {
      payments: createShop().payments,
      logger: captureLogs().logger,
      requestLogging: mark("logging"),
      webhooks: mark("webhooks"),
      cspReports: mark("csp-reports"),
      cspReportFeed: mark("csp-report-feed"),
      securityHeaders: mark("headers"),
      bodyParsers: [mark("parser")],
      cardDataGuard: mark("card-guard"),
      csrf: Object.assign(mark("csrf"), { generateToken: () => "" }),
      notFound: (_req, res) => {
        order.push("not-found");
        res.status(404).end();
      },
      errors: (_error, _req, res, _next) => res.status(500).end(),
      routes: (app) => app.use(mark("routes")),
    });
    await request(app).get("/nowhere");
    expect(order).toEqual([
      "logging",
      "webhooks",
      "csp-reports",
      "csp-report-feed",
      "headers",
      "parser",
      "card-guard",
      "csrf",
      "routes",
      "not-found",
    ]);
  });

  it("renders errors through the app's own page", async () => {
    const app = express();
    mountLinkpay(app, {
      payments: createShop().payments,
      logger: captureLogs().logger,
      errors: { renderHtml: (problem, _req, res) => res.send(`<h1>${problem.code}</h1>`) },
      routes: () => {},
    });
    const page = await request(app).get("/nowhere").set("Accept", "text/html");
    expect([page.status, page.text]).toEqual([404, "<h1>NOT_FOUND</h1>"]);
  });
});

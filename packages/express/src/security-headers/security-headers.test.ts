import { describe, expect, it } from "@jest/globals";
import { createFakeProvider } from "@linkpay/core/testing";
import express from "express";
import request from "supertest";
import { createShop } from "../test-support/shop";
import { noStore, securityHeaders } from ".";

/** The CSP header as directive → sources. */
function parseCsp(header: string | undefined): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of (header ?? "").split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name, sources);
  }
  return directives;
}

function appWith(options: Partial<Parameters<typeof securityHeaders>[0]> = {}) {
  const app = express();
  const payments = createShop().payments;
  app.use(securityHeaders({ payments, production: false, ...options }));
  app.get("/checkout", noStore(), (_req, res) => {
    res.send(`<script nonce="${String(res.locals.cspNonce)}">go()</script>`);
  });
  return app;
}

describe("securityHeaders", () => {
  it("sends a strict CSP whose form-action allows every provider's checkout origin", async () => {
    const shop = createShop();
    const second = createFakeProvider({ id: "konbini", origin: "https://pay.konbini.test" });
    const payments = {
      checkoutOrigins: [...shop.payments.checkoutOrigins, ...second.checkoutOrigins],
    };
    const response = await request(appWith({ payments })).get("/checkout");
    const csp = parseCsp(response.headers["content-security-policy"]);
    expect(csp.get("form-action")).toEqual([
      "'self'",
      "https://pay.fake.test",
      "https://pay.konbini.test",
    ]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("script-src")?.[0]).toBe("'self'");
    expect(csp.get("script-src")?.[1]).toMatch(/^'nonce-[A-Za-z0-9+/]{22}=='$/);
    expect(csp.get("script-src")).toHaveLength(2);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("script-src-attr")).toEqual(["'none'"]);
    expect(response.headers["content-security-policy"]).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it("uses a fresh nonce per response, the one in res.locals.cspNonce", async () => {
    const app = appWith();
    const nonces = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const response = await request(app).get("/checkout");
      const source = parseCsp(response.headers["content-security-policy"]).get("script-src")?.[1];
      const nonce = source?.slice("'nonce-".length, -1) ?? "";
      expect(response.text).toBe(`<script nonce="${nonce}">go()</script>`);
      nonces.add(nonce);
    }
    expect(nonces.size).toBe(5);
  });

  it("keeps order URLs from the PSP, forbids framing, and sends no HSTS outside production", async () => {
    const response = await request(appWith()).get("/checkout");
    expect(response.headers["referrer-policy"]).toBe("no-referrer");
    expect(response.headers["x-frame-options"]).toBe("DENY");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["x-powered-by"]).toBeUndefined();
    expect(response.headers["strict-transport-security"]).toBeUndefined();
    expect(response.headers["cache-control"]).toBe("no-store");
    const csp = parseCsp(response.headers["content-security-policy"]);
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
  });

  it("adds HSTS and upgrade-insecure-requests in production; same-origin referrers on request", async () => {
    const response = await request(
      appWith({ production: true, referrerPolicy: "same-origin" }),
    ).get("/checkout");
    expect(response.headers["strict-transport-security"]).toBe(
      "max-age=63072000; includeSubDomains",
    );
    expect(response.headers["referrer-policy"]).toBe("same-origin");
    expect(
      parseCsp(response.headers["content-security-policy"]).has("upgrade-insecure-requests"),
    ).toBe(true);
  });

  it("points only report-uri at the report route over http, where Chromium sends no report-to", async () => {
    const response = await request(appWith({ reportUri: "/csp-reports" })).get("/checkout");
    const csp = parseCsp(response.headers["content-security-policy"]);
    expect(csp.get("report-uri")).toEqual(["/csp-reports"]);
    expect(csp.has("report-to")).toBe(false);
    expect(response.headers["reporting-endpoints"]).toBeUndefined();
  });

  it("adds report-to and Reporting-Endpoints over https (behind a trusted proxy too)", async () => {
    const app = appWith({ reportUri: "/csp-reports" });
    app.set("trust proxy", "loopback");
    const response = await request(app).get("/checkout").set("X-Forwarded-Proto", "https");
    const csp = parseCsp(response.headers["content-security-policy"]);
    expect(csp.get("report-uri")).toEqual(["/csp-reports"]);
    expect(csp.get("report-to")).toEqual(["csp-endpoint"]);
    expect(response.headers["reporting-endpoints"]).toBe('csp-endpoint="/csp-reports"');
  });

  it("does not take X-Forwarded-Proto from a client it does not trust", async () => {
    const response = await request(appWith({ reportUri: "/csp-reports" }))
      .get("/checkout")
      .set("X-Forwarded-Proto", "https");
    expect(parseCsp(response.headers["content-security-policy"]).has("report-to")).toBe(false);
  });

  it("adds extra sources without loosening the rest", async () => {
    const response = await request(
      appWith({ extraSources: { "connect-src": ["https://analytics.example"] } }),
    ).get("/checkout");
    const csp = parseCsp(response.headers["content-security-policy"]);
    expect(csp.get("connect-src")).toEqual(["'self'", "https://analytics.example"]);
    expect(csp.get("frame-src")).toEqual(["'none'"]);
  });

  it("refuses to start without the providers' checkout origins", () => {
    expect(() => securityHeaders({ payments: { checkoutOrigins: [] } })).toThrow(/form-action/);
  });
});

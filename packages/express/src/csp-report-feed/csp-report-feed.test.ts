import { describe, expect, it } from "@jest/globals";
import { type CspViolation, createMemoryCspReportStore } from "@linkpay/core";
import express from "express";
import request from "supertest";
import { errorHandler } from "../error-handler";
import { requestLogging } from "../logging";
import { captureLogs } from "../test-support/log-capture";
import { cspReportFeed } from ".";

const PATH = "/.well-known/linkpay/csp-reports";
const TOKEN = "patrol-token-0123456789-abcdefghijklmnop";
const NEXT_TOKEN = "patrol-token-next-9876543210-zyxwvutsrq";
const GENERATED_AT = new Date("2026-12-05T12:00:00.000Z");

const skimmer: CspViolation = {
  documentUrl: "https://shop.example/book",
  blockedUrl: "https://skimmer.example/collect.js",
  directive: "script-src-elem",
  disposition: "enforce",
};
const font: CspViolation = {
  documentUrl: "https://shop.example/",
  blockedUrl: "https://fonts.example/a.woff2",
  directive: "font-src",
  disposition: "report",
  sourceFile: "https://shop.example/site.css",
  line: 3,
  column: 7,
};

/** A feed over a memory store holding `skimmer` (seen at 10:00, twice) and `font` (at 11:00). */
async function feedApp(tokens: string | readonly string[] = TOKEN) {
  const store = createMemoryCspReportStore();
  await store.recordCspViolations({ violations: [skimmer], at: new Date("2026-12-05T09:00Z") });
  await store.recordCspViolations({ violations: [skimmer], at: new Date("2026-12-05T10:00Z") });
  await store.recordCspViolations({ violations: [font], at: new Date("2026-12-05T11:00Z") });
  const logs = captureLogs();
  const app = express();
  app.use(requestLogging({ logger: logs.logger }));
  app.use(cspReportFeed({ store, tokens, now: () => GENERATED_AT }));
  app.use(errorHandler());
  return { app, logs };
}

const get = (app: express.Express, query = "", token = TOKEN) =>
  request(app)
    .get(`${PATH}${query}`)
    .set({ Accept: "application/json", Authorization: `Bearer ${token}` });

describe("cspReportFeed", () => {
  it("lists the kept violations, most recent first, dates as ISO strings, never cached", async () => {
    const { app } = await feedApp();
    const response = await get(app);
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^application\/json/);
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(response.body).toEqual({
      violations: [
        {
          ...font,
          fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
          count: 1,
          firstSeenAt: "2026-12-05T11:00:00.000Z",
          lastSeenAt: "2026-12-05T11:00:00.000Z",
        },
        {
          ...skimmer,
          fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
          count: 2,
          firstSeenAt: "2026-12-05T09:00:00.000Z",
          lastSeenAt: "2026-12-05T10:00:00.000Z",
        },
      ],
      generatedAt: "2026-12-05T12:00:00.000Z",
    });
  });

  it("answers 401 with WWW-Authenticate: Bearer without a token, with a wrong one, or another scheme", async () => {
    const { app } = await feedApp();
    const missing = await request(app).get(PATH).set("Accept", "application/json");
    const wrong = await get(app, "", `${TOKEN}x`);
    const basic = await request(app).get(PATH).set("Authorization", `Basic ${TOKEN}`);
    for (const response of [missing, wrong, basic]) {
      expect(response.status).toBe(401);
      expect(response.headers["www-authenticate"]).toMatch(/^Bearer\b/);
      expect(response.headers["cache-control"]).toBe("no-store");
      expect(response.text).not.toContain("skimmer");
    }
    expect(missing.body.error.code).toBe("AUTHENTICATION_REQUIRED");
    expect(wrong.headers["www-authenticate"]).toBe('Bearer error="invalid_token"');
  });

  it("accepts each configured token while one is rotated out", async () => {
    const { app } = await feedApp([NEXT_TOKEN, TOKEN]);
    expect((await get(app, "", TOKEN)).status).toBe(200);
    expect((await get(app, "", NEXT_TOKEN)).status).toBe(200);
    expect((await get(app, "", "patrol-token-retired-000000000000000000")).status).toBe(401);
    // The scheme's name is case-insensitive (RFC 9110).
    expect((await request(app).get(PATH).set("Authorization", `bearer ${TOKEN}`)).status).toBe(200);
  });

  it("keeps those seen since `since` and at most `limit`", async () => {
    const { app } = await feedApp();
    const blockedUrls = async (query: string) =>
      (await get(app, query)).body.violations.map((v: { blockedUrl: string }) => v.blockedUrl);
    expect(await blockedUrls("?since=2026-12-05T10:30:00Z")).toEqual([font.blockedUrl]);
    // The skimmer was last seen at 10:00 UTC, which is 19:00 in Tokyo.
    expect(await blockedUrls("?since=2026-12-05T19:00:00%2B09:00")).toEqual([
      font.blockedUrl,
      skimmer.blockedUrl,
    ]);
    expect(await blockedUrls("?since=2026-12-05T12:00:00Z")).toEqual([]);
    expect(await blockedUrls("?limit=1")).toEqual([font.blockedUrl]);
  });

  it.each([
    "?since=yesterday",
    "?since=2026-12-05T10:00:00",
    "?since=2026-12-05T10:00:00Z&since=2026-12-06T10:00:00Z",
    "?limit=0",
    "?limit=1001",
    "?limit=ten",
    "?limit=1.5",
  ])("answers 400 INVALID_QUERY to %s", async (query) => {
    const { app } = await feedApp();
    const response = await get(app, query);
    expect(response.status).toBe(400);
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(response.body.error).toEqual({
      code: "INVALID_QUERY",
      message: "The query string is invalid.",
      requestId: expect.any(String),
    });
  });

  it("never logs the token, accepted or refused", async () => {
    const { app, logs } = await feedApp();
    await get(app);
    await get(app, "", `${TOKEN}-wrong`);
    expect(logs.lines().length).toBeGreaterThanOrEqual(2);
    expect(logs.text()).not.toContain("patrol-token");
  });

  it("refuses to start with a short, blank or missing token, naming the option", () => {
    const store = createMemoryCspReportStore();
    for (const tokens of ["short", [TOKEN, "short"], [], ` ${TOKEN}`]) {
      expect(() => cspReportFeed({ store, tokens })).toThrow(/cspReportFeed's tokens/);
    }
    expect(() => cspReportFeed({ store, tokens: "x".repeat(31) })).toThrow(/at least 32/);
  });
});

/**
 * @module
 * The CSP report feed for `@linkpay/patrol`: mounted only when PATROL_FEED_TOKEN is set, it hands
 * what shoppers' browsers reported (through the app's own SQL store) to a client with the token,
 * and to nobody else.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { startTestApp, type TestApp } from "../test-support/test-app";

const FEED = "/.well-known/linkpay/csp-reports";
const TOKEN = "patrol-feed-token-0123456789-abcdefghij";

const report = {
  "csp-report": {
    "document-uri": "http://localhost/book?t=booking-token",
    "blocked-uri": "https://skimmer.invalid/skim.js",
    "effective-directive": "script-src-elem",
    disposition: "enforce",
  },
};

describe("the CSP report feed", () => {
  let withFeed: TestApp;
  let withoutFeed: TestApp;

  beforeAll(async () => {
    [withFeed, withoutFeed] = await Promise.all([
      startTestApp({ env: { PATROL_FEED_TOKEN: TOKEN } }),
      startTestApp(),
    ]);
  });
  afterAll(async () => {
    await Promise.all([withFeed?.close(), withoutFeed?.close()]);
  });

  it("hands the reports kept in the app's store to the patrol's token, and to no other", async () => {
    const sent = await fetch(`${withFeed.url}/csp-reports`, {
      method: "POST",
      headers: { "Content-Type": "application/csp-report" },
      body: JSON.stringify(report),
    });
    expect(sent.status).toBe(204);
    const feed = await fetch(`${withFeed.url}${FEED}?limit=10`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect(feed.status).toBe(200);
    expect(feed.headers.get("cache-control")).toBe("no-store");
    const body = (await feed.json()) as { violations: unknown[] };
    expect(body.violations).toEqual([
      expect.objectContaining({
        documentUrl: "http://localhost/book",
        blockedUrl: "https://skimmer.invalid/skim.js",
        directive: "script-src-elem",
        count: 1,
      }),
    ]);
    const refused = await fetch(`${withFeed.url}${FEED}`, {
      headers: { Authorization: "Bearer patrol-feed-token-of-someone-else-000000" },
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(withFeed.logs.join("")).not.toContain(TOKEN);
  });

  it("is not there without PATROL_FEED_TOKEN", async () => {
    const feed = await fetch(`${withoutFeed.url}${FEED}`, {
      headers: { Authorization: `Bearer ${TOKEN}`, Accept: "application/json" },
    });
    expect(feed.status).toBe(404);
  });
});

/**
 * @module
 * Logs and trust, through the real app: the booking token never reaches a log line and each
 * request logs one slim line; `X-Forwarded-For` counts only from a proxy TRUST_PROXY names; the
 * CSRF token is bound to the browser; and every page that carries a token is `no-store`.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { pollUntil } from "../test-support/poll-until";
import { startTestApp, type TestApp } from "../test-support/test-app";
import {
  type BookingFixture,
  CUSTOMER,
  HTML,
  makeBooking,
  nextSearch,
  type RawAnswer,
  raw,
} from "./attack-fixtures";

/** The `name=value` pairs of every Set-Cookie of `answer`. */
function cookiesOf(answer: RawAnswer): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const line of answer.headers["set-cookie"] ?? []) {
    const pair = line.split(";")[0] ?? "";
    const at = pair.indexOf("=");
    cookies.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return cookies;
}

function cookieHeader(cookies: Map<string, string>): string {
  return [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
}

function parsed(lines: readonly string[]): Record<string, unknown>[] {
  return lines
    .flatMap((chunk) => chunk.split("\n"))
    .filter((line) => line !== "")
    .map((line): Record<string, unknown> => JSON.parse(line));
}

const REQUEST_LINE_KEYS = [
  "durationMs",
  "hostname",
  "level",
  "method",
  "msg",
  "name",
  "path",
  "pid",
  "query",
  "reqId",
  "status",
  "time",
];

describe("the app's logs, proxy trust and CSRF", () => {
  let app: TestApp;
  let booked: Promise<BookingFixture> | undefined;
  /** One booking made through the site, for the tests that need one. */
  const booking = () => {
    booked ??= makeBooking(app);
    return booked;
  };

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("never logs the booking token, and logs one slim info line per request", async () => {
    const { reference, token } = await booking();
    const path = `/bookings/${reference}?t=${encodeURIComponent(token)}&lang=en`;
    const page = await raw(app, "GET", path, {
      ...HTML,
      cookie: "lang=en; other=cookie-value-in-a-header",
      "user-agent": "logs-and-trust-test",
    });
    expect(page.status).toBe(200);
    const requestId = String(page.headers["x-request-id"]);
    const ownLines = await pollUntil("the request line", async () => {
      const lines = parsed(app.logs).filter((line) => line.reqId === requestId);
      return lines.some((line) => line.msg === "request completed")
        ? { done: true, value: lines }
        : { done: false, seen: JSON.stringify(lines) };
    });
    const info = ownLines.filter((line) => line.level === 30);
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({
      method: "GET",
      path: `/bookings/${reference}`,
      query: "t=[redacted]&lang=en",
      status: 200,
    });
    expect(Object.keys(info[0] ?? {}).sort()).toEqual(REQUEST_LINE_KEYS);

    const text = app.logs.join("");
    expect(token.length).toBeGreaterThan(10);
    expect(text).not.toContain(token);
    expect(text).not.toContain(encodeURIComponent(token));
    expect(text).not.toMatch(/cookie-value-in-a-header|logs-and-trust-test|"headers"/);
  });

  it("binds the CSRF token to the browser: A's token is refused with B's cookies", async () => {
    const formA = await raw(app, "GET", "/my-booking", HTML);
    const formB = await raw(app, "GET", "/my-booking", HTML);
    const tokenA = /name="_csrf" value="([^"]+)"/.exec(formA.body)?.[1] ?? "";
    const cookiesA = cookiesOf(formA);
    const cookiesB = cookiesOf(formB);
    expect(tokenA).not.toBe("");
    // A token-only client: no Fetch Metadata, Origin or Referer, so only the token can pass.
    const lookUp = (cookies: Map<string, string>) =>
      raw(
        app,
        "POST",
        "/my-booking",
        {
          accept: "application/json",
          "content-type": "application/x-www-form-urlencoded",
          cookie: cookieHeader(cookies),
        },
        new URLSearchParams({
          _csrf: tokenA,
          reference: "RC-00000000",
          email: CUSTOMER.email,
        }).toString(),
      );

    const withB = await lookUp(cookiesB);
    expect([withB.status, withB.body]).toEqual([
      403,
      expect.stringContaining("CROSS_SITE_REQUEST_REFUSED"),
    ]);
    // A's CSRF cookie planted in browser B (a sibling subdomain can set cookies): still refused.
    const planted = new Map(cookiesB);
    for (const [name, value] of cookiesA) if (name.includes("csrf")) planted.set(name, value);
    expect((await lookUp(planted)).status).toBe(403);
    const withA = await lookUp(cookiesA);
    expect(withA.status).not.toBe(403);
    expect(withA.body).not.toContain("CROSS_SITE_REQUEST_REFUSED");
  });

  /** Requests each page; expects no-store on those whose HTML carries a CSRF token. */
  async function pagesWithToken(paths: readonly string[]): Promise<string[]> {
    const withToken: string[] = [];
    for (const path of paths) {
      const page = await raw(app, "GET", path, HTML);
      if (!page.body.includes('name="_csrf"')) continue;
      withToken.push(path);
      expect([path, page.headers["cache-control"]]).toEqual([path, "no-store"]);
    }
    return withToken;
  }

  it("sends GET /book and the lookup form, which carry a CSRF token, no-store", async () => {
    const pages = [
      `/book?${new URLSearchParams({ ...nextSearch(), carClass: "C", lang: "ja" })}`,
      "/my-booking",
    ];
    expect(await pagesWithToken(pages)).toEqual(pages);
  });

  it("sends the booking's own pages no-store when they carry a CSRF token", async () => {
    const { reference, token } = await booking();
    const link = `?t=${encodeURIComponent(token)}`;
    const pages = [`/bookings/${reference}${link}`, `/bookings/${reference}/cancel${link}`];
    expect((await pagesWithToken(pages)).length).toBeGreaterThan(0);
  });
});

/** Posts an (invalid) booking form from 127.0.0.1, claiming to forward for `forwardedFor`. */
function postForwarded(app: TestApp, forwardedFor: string): Promise<RawAnswer> {
  return raw(
    app,
    "POST",
    "/bookings",
    {
      accept: "application/json",
      "sec-fetch-site": "same-origin",
      "content-type": "application/x-www-form-urlencoded",
      "x-forwarded-for": forwardedFor,
    },
    "carClass=C",
  );
}

describe("proxy trust", () => {
  const LIMIT = 3;
  const rateLimits = { checkout: { limit: LIMIT } };

  it("trusts no proxy by default: a rotating X-Forwarded-For still hits the checkout limit", async () => {
    const app = await startTestApp({ rateLimits });
    try {
      const statuses: number[] = [];
      for (let i = 1; i <= LIMIT + 2; i++) {
        statuses.push((await postForwarded(app, `203.0.113.${i}`)).status);
      }
      expect(statuses.slice(0, LIMIT)).not.toContain(429);
      expect(statuses.slice(LIMIT)).toEqual([429, 429]);
    } finally {
      await app.close();
    }
  });

  it("with TRUST_PROXY=loopback, counts the address the proxy forwards for", async () => {
    const app = await startTestApp({ rateLimits, env: { TRUST_PROXY: "loopback" } });
    try {
      const statuses: number[] = [];
      for (let i = 1; i <= LIMIT + 2; i++) {
        statuses.push((await postForwarded(app, `203.0.113.${i}`)).status);
      }
      expect(statuses).not.toContain(429);
      for (let i = 0; i < LIMIT; i++) await postForwarded(app, "198.51.100.7");
      expect((await postForwarded(app, "198.51.100.7")).status).toBe(429);
    } finally {
      await app.close();
    }
  });
});

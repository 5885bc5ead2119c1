import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "@jest/globals";
import { isLinkpayError, type LinkpayError } from "@linkpay/core";
import { readCspReports } from ".";

const TOKEN = "patrol-token-0123456789-abcdefghijklmnop";
const PATH = "/.well-known/linkpay/csp-reports";

/** What `cspReportFeed` of @linkpay/express answers (its own test pins the same shape). */
const FEED_ANSWER = {
  violations: [
    {
      documentUrl: "https://shop.example/book",
      blockedUrl: "https://skimmer.example/collect.js",
      directive: "script-src-elem",
      disposition: "enforce",
      fingerprint: "a".repeat(64),
      count: 2,
      firstSeenAt: "2026-12-05T09:00:00.000Z",
      lastSeenAt: "2026-12-05T10:00:00.000Z",
    },
    {
      documentUrl: "https://shop.example/",
      blockedUrl: "inline",
      directive: "style-src-elem",
      disposition: "report",
      sourceFile: "https://shop.example/",
      line: 3,
      column: 7,
      fingerprint: "b".repeat(64),
      count: 1,
      firstSeenAt: "2026-12-05T11:00:00.000Z",
      lastSeenAt: "2026-12-05T11:00:00.000Z",
    },
  ],
  generatedAt: "2026-12-05T12:00:00.000Z",
};

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const servers: { close(): void; closeAllConnections(): void }[] = [];

/** A loopback server answering with `handler`; its requests are recorded. */
async function serve(handler: Handler) {
  const requests: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    requests.push(req);
    handler(req, res);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  servers.push(server);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: `${origin}${PATH}`, origin, requests };
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Handler =>
  (_req, res) => {
    res.writeHead(status, { "Content-Type": "application/json", ...headers });
    res.end(typeof body === "string" ? body : JSON.stringify(body));
  };

/** The LinkpayError `promise` rejects with (fails the test when it resolves). */
async function failure(promise: Promise<unknown>): Promise<LinkpayError> {
  const error = await promise.then(
    () => new Error("expected a rejection"),
    (reason: unknown) => reason,
  );
  if (!isLinkpayError(error)) throw error;
  expect(`${error.message} ${JSON.stringify(error.details)}`).not.toContain(TOKEN);
  return error;
}

afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

describe("readCspReports", () => {
  it("sends the token as a bearer token, asks since the given time, and reads dates as dates", async () => {
    const feed = await serve(json(200, FEED_ANSWER));
    const violations = await readCspReports({
      url: feed.url,
      token: TOKEN,
      since: new Date("2026-12-05T08:00:00Z"),
    });
    const [request] = feed.requests;
    expect(request?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    const asked = new URL(request?.url ?? "", feed.origin);
    expect(asked.pathname).toBe(PATH);
    expect(Object.fromEntries(asked.searchParams)).toEqual({
      since: "2026-12-05T08:00:00.000Z",
      limit: "1000",
    });
    expect(violations).toEqual([
      {
        ...FEED_ANSWER.violations[0],
        firstSeenAt: new Date("2026-12-05T09:00:00Z"),
        lastSeenAt: new Date("2026-12-05T10:00:00Z"),
      },
      {
        ...FEED_ANSWER.violations[1],
        firstSeenAt: new Date("2026-12-05T11:00:00Z"),
        lastSeenAt: new Date("2026-12-05T11:00:00Z"),
      },
    ]);
  });

  it("says the token is wrong on 401, and the URL on 404, as CONFIG_INVALID", async () => {
    const refused = await serve(json(401, { error: { code: "AUTHENTICATION_REQUIRED" } }));
    const wrongToken = await failure(readCspReports({ url: refused.url, token: TOKEN }));
    expect([wrongToken.code, wrongToken.details.field]).toEqual(["CONFIG_INVALID", "token"]);
    expect(wrongToken.message).toMatch(/refused the token \(401\).*cspReportFeed tokens/);
    const missing = await serve(json(404, { error: { code: "NOT_FOUND" } }));
    const wrongUrl = await failure(readCspReports({ url: missing.url, token: TOKEN }));
    expect([wrongUrl.code, wrongUrl.details.field]).toEqual(["CONFIG_INVALID", "url"]);
    expect(wrongUrl.message).toContain("mounts cspReportFeed");
  });

  it("does not follow a redirect with the token", async () => {
    const elsewhere = await serve(json(200, FEED_ANSWER));
    const feed = await serve((_req, res) => {
      res.writeHead(302, { Location: elsewhere.url }).end();
    });
    const error = await failure(readCspReports({ url: feed.url, token: TOKEN }));
    expect(error.code).toBe("CONFIG_INVALID");
    expect(error.message).toContain(`redirects (302) to ${elsewhere.url}`);
    expect(elsewhere.requests).toEqual([]);
  });

  it("is unavailable (retryable) when the feed answers 503 or 429, is down, or is too slow", async () => {
    const down = await serve(json(503, { error: { code: "STORE_UNAVAILABLE" } }));
    const busy = await serve(json(429, { error: { code: "RATE_LIMITED" } }));
    const slow = await serve(() => {});
    const closed = await serve(json(200, FEED_ANSWER));
    servers.splice(-1)[0]?.close();
    const errors = [
      await failure(readCspReports({ url: down.url, token: TOKEN })),
      await failure(readCspReports({ url: busy.url, token: TOKEN })),
      await failure(readCspReports({ url: slow.url, token: TOKEN, timeoutMs: 50 })),
      await failure(readCspReports({ url: closed.url, token: TOKEN })),
    ];
    expect(errors.map((error) => [error.code, error.retryable])).toEqual(
      Array(4).fill(["CSP_REPORT_FEED_UNAVAILABLE", true]),
    );
    expect(errors[2]?.message).toContain("did not answer within 50 ms");
  });

  it("refuses an answer that is not the feed's, naming what is wrong", async () => {
    const html = await serve(json(200, "<html>Sign in</html>"));
    expect((await failure(readCspReports({ url: html.url, token: TOKEN }))).message).toContain(
      "did not answer JSON",
    );
    const [first] = FEED_ANSWER.violations;
    const odd = await serve(json(200, { ...FEED_ANSWER, violations: [{ ...first, count: "2" }] }));
    const error = await failure(readCspReports({ url: odd.url, token: TOKEN }));
    expect(error.code).toBe("CONFIG_INVALID");
    expect(error.message).toMatch(/not a CSP report feed[\s\S]*violations\[0\]\.count/);
  });

  it("refuses to send the token over plain http to another machine, or a token it cannot send", async () => {
    const calls: unknown[] = [];
    const recording: typeof fetch = async (...args) => {
      calls.push(args);
      return new Response("{}");
    };
    const overHttp = await failure(
      readCspReports({ url: `http://shop.example${PATH}`, token: TOKEN, fetch: recording }),
    );
    expect(overHttp.message).toContain("must be https");
    for (const token of ["", `${TOKEN}\r\nX-Evil: 1`, "two words"]) {
      const error = await failure(
        readCspReports({ url: `https://shop.example${PATH}`, token, fetch: recording }),
      );
      expect(error.details.field).toBe("token");
    }
    expect(calls).toEqual([]);
  });
});

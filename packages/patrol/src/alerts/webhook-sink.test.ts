import { createHmac } from "node:crypto";
import { once } from "node:events";
import { createServer, type IncomingHttpHeaders } from "node:http";
import { afterEach, describe, expect, it } from "@jest/globals";
import { isLinkpayError } from "@linkpay/core";
import { configRefusal } from "../test/config-refusal";
import type { PatrolAlert } from "./patrol-alert";
import { verifyPatrolWebhook } from "./verify-patrol-webhook";
import { webhookSink } from "./webhook-sink";

const SECRET = "patrol-webhook-secret-0123456789abcdef";
const SENT_AT = new Date("2026-12-01T09:00:05Z");
const alert: PatrolAlert = {
  runId: "run-42",
  site: "https://shop.example",
  at: new Date("2026-12-01T09:00:00Z"),
  verdict: "critical",
  findings: [
    {
      severity: "critical",
      code: "REDIRECT_OFF_LIST",
      where: "journey:book a car",
      subject: "https://pay.evil.example",
      message: "The payment redirect leaves for a host not on the list.",
    },
  ],
};

interface Delivery {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A loopback endpoint answering the n-th request with `statuses[n]` (then 200). */
async function startReceiver(statuses: readonly number[] = []) {
  const deliveries: Delivery[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(Buffer.from(chunk));
    deliveries.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
    res.writeHead(statuses[deliveries.length - 1] ?? 200).end();
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no TCP address");
  const close = async () => {
    server.closeAllConnections();
    if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  closers.push(close);
  return { url: `http://127.0.0.1:${address.port}/hooks/patrol-token-xyz`, deliveries, close };
}

function recordingSleep() {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return isLinkpayError(error) ? error.code : "not a LinkpayError";
  }
  return undefined;
}

describe("webhookSink", () => {
  it("posts the alert signed with HMAC-SHA256 over `<t>.<raw body>`", async () => {
    const receiver = await startReceiver();
    await webhookSink({ url: receiver.url, secret: SECRET, now: () => SENT_AT }).send(alert);

    expect(receiver.deliveries).toHaveLength(1);
    const [{ headers, body } = { headers: {}, body: "" }] = receiver.deliveries;
    expect(headers["content-type"]).toBe("application/json");
    expect(headers["linkpay-patrol-id"]).toBe("run-42");
    expect(JSON.parse(body)).toEqual({
      type: "patrol.alert",
      runId: "run-42",
      site: "https://shop.example",
      at: "2026-12-01T09:00:00.000Z",
      verdict: "critical",
      findings: alert.findings,
    });
    const t = SENT_AT.getTime() / 1000;
    const expected = createHmac("sha256", SECRET).update(`${t}.${body}`).digest("hex");
    const signature = headers["linkpay-patrol-signature"];
    expect(signature).toBe(`t=${t},v1=${expected}`);

    const verify = (changes: Partial<Parameters<typeof verifyPatrolWebhook>[0]>) => () =>
      verifyPatrolWebhook({
        rawBody: body,
        signatureHeader: signature,
        secret: SECRET,
        ...changes,
      });
    expect(verify({ now: SENT_AT })()).toEqual(JSON.parse(body));
    expect(codeOf(verify({ now: SENT_AT, rawBody: body.replace("run-42", "run-43") }))).toBe(
      "WEBHOOK_SIGNATURE_INVALID",
    );
    expect(codeOf(verify({ now: SENT_AT, secret: `${SECRET}-other` }))).toBe(
      "WEBHOOK_SIGNATURE_INVALID",
    );
    expect(codeOf(verify({ now: new Date(SENT_AT.getTime() + 301_000) }))).toBe(
      "WEBHOOK_TIMESTAMP_TOO_OLD",
    );
    expect(codeOf(verify({ now: new Date(SENT_AT.getTime() - 301_000) }))).toBe(
      "WEBHOOK_TIMESTAMP_IN_FUTURE",
    );
    expect(codeOf(verify({ now: SENT_AT, signatureHeader: undefined }))).toBe(
      "WEBHOOK_SIGNATURE_MISSING",
    );
  });

  it("retries a 503 and a 429 with exponential backoff, then succeeds", async () => {
    const receiver = await startReceiver([503, 429]);
    const { delays, sleep } = recordingSleep();
    await webhookSink({ url: receiver.url, secret: SECRET, sleep }).send(alert);
    expect(receiver.deliveries).toHaveLength(3);
    expect(delays).toEqual([1_000, 2_000]);
  });

  it("gives up after the configured retries, naming neither secret nor path", async () => {
    const receiver = await startReceiver([500, 502, 503]);
    const { delays, sleep } = recordingSleep();
    const sending = webhookSink({ url: receiver.url, secret: SECRET, retries: 2, sleep }).send(
      alert,
    );
    const error = await sending.then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toMatchObject({ code: "ALERT_UNAVAILABLE", retryable: true });
    expect(String(error)).toMatch(/HTTP 503.*after 3 attempts/);
    expect(String(error)).not.toMatch(/patrol-token-xyz|patrol-webhook-secret/);
    expect(receiver.deliveries).toHaveLength(3);
    expect(delays).toEqual([1_000, 2_000]);
  });

  it("fails at once on a 400, without retrying", async () => {
    const receiver = await startReceiver([400]);
    const { delays, sleep } = recordingSleep();
    const sending = webhookSink({ url: receiver.url, secret: SECRET, sleep }).send(alert);
    await expect(sending).rejects.toMatchObject({ code: "ALERT_REJECTED", retryable: false });
    expect(receiver.deliveries).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it("retries when nothing listens, then reports the connection error", async () => {
    const receiver = await startReceiver();
    await receiver.close();
    const { delays, sleep } = recordingSleep();
    const sending = webhookSink({ url: receiver.url, secret: SECRET, retries: 1, sleep }).send(
      alert,
    );
    await expect(sending).rejects.toThrow(/could not connect \(ECONNREFUSED\).*after 2 attempts/);
    expect(delays).toEqual([1_000]);
  });
});

describe("webhookSink options", () => {
  const refused = (options: Parameters<typeof webhookSink>[0]) =>
    configRefusal(() => webhookSink(options));

  it("requires https unless the host is loopback", () => {
    expect(refused({ url: "http://hooks.example/patrol", secret: SECRET })).toMatch(
      /option "url": must use https/,
    );
    for (const host of ["127.0.0.1:8080", "[::1]:8080", "localhost"]) {
      expect(refused({ url: `http://${host}/patrol`, secret: SECRET })).toBe("accepted");
    }
    expect(refused({ url: "https://hooks.example/patrol", secret: SECRET })).toBe("accepted");
    expect(refused({ url: "ftp://hooks.example/", secret: SECRET })).toMatch(/option "url"/);
    expect(refused({ url: "/patrol", secret: SECRET })).toMatch(/option "url": is not an absolute/);
    const withLogin = refused({ url: "https://ops:hunter2@hooks.example/", secret: SECRET });
    expect(withLogin).toMatch(/option "url": must not contain credentials/);
    expect(withLogin).not.toContain("hunter2");
  });

  it("requires a secret of 32 characters and never quotes it", () => {
    const message = refused({ url: "https://hooks.example/", secret: "short-secret" });
    expect(message).toMatch(/option "secret": must be at least 32 characters/);
    expect(message).not.toContain("short-secret");
    expect(refused({ url: "https://hooks.example/", secret: `${SECRET}\n` })).toMatch(
      /"secret" has trailing whitespace/,
    );
  });

  it("checks retries and time-out", () => {
    const url = "https://hooks.example/";
    expect(refused({ url, secret: SECRET, retries: -1 })).toMatch(/option "retries"/);
    expect(refused({ url, secret: SECRET, timeoutMs: 0 })).toMatch(/option "timeoutMs"/);
  });
});

/**
 * @module
 * One real paid checkout in an installed app: the sandbox started with `npx linkpay-sandbox` from
 * the app's own node_modules, the app's Express server, a shopper paying with the test card, the
 * sandbox's signed webhooks reaching the app, and then the proof: the attempt is `paid`, every
 * delivery succeeded, and the onPaid hook ran exactly once.
 */
import { randomBytes } from "node:crypto";
import { freePort } from "./free-port";
import { bookAndPay } from "./hosted-page-shopper";
import { type LongRunningProcess, startProcess } from "./long-running-process";
import { pollUntil } from "./poll";
import type { ThrowawayApp } from "./throwaway-app";

const READY = /listening on (http:\/\/127\.0\.0\.1:\d+)/;
const TIMEOUT_MS = 20_000;

interface Delivery {
  readonly status: string;
}

/** The sandbox's final delivery states; any other is still in flight. */
const FINAL = new Set(["succeeded", "failed", "dropped", "canceled"]);

async function json<T>(url: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Runs the checkout; `databaseUrl` (an admin URL) puts the app on PostgreSQL, else memory. */
export async function runPaidCheckout(
  app: ThrowawayApp,
  databaseUrl: string | undefined,
): Promise<string> {
  const apiKey = `sk_test_${randomBytes(12).toString("hex")}`;
  const webhookSecret = `whsec_${randomBytes(24).toString("base64url")}`;
  const appPort = await freePort();
  const running: LongRunningProcess[] = [];
  try {
    const sandbox = await startProcess(
      "npx",
      [
        "linkpay-sandbox",
        "--port",
        "0",
        "--webhook-url",
        `http://127.0.0.1:${appPort}/webhooks/stripe`,
      ],
      {
        name: "linkpay-sandbox",
        cwd: app.dir,
        // Secrets through the environment, as docs/sandbox.md advises (not in the process list).
        env: {
          ...process.env,
          LINKPAY_SANDBOX_API_KEY: apiKey,
          LINKPAY_SANDBOX_WEBHOOK_SECRET: webhookSecret,
        },
        readyLine: READY,
        timeoutMs: TIMEOUT_MS,
      },
    );
    running.push(sandbox);
    const sandboxOrigin = sandbox.ready[1] ?? "";
    const { LINKPAY_TEST_DATABASE_URL: _ignored, ...env } = process.env;
    const shop = await startProcess(process.execPath, ["dist/main.js"], {
      name: `${app.kind} app`,
      cwd: app.dir,
      env: {
        ...env,
        PORT: String(appPort),
        SANDBOX_ORIGIN: sandboxOrigin,
        STRIPE_SECRET_KEY: apiKey,
        STRIPE_WEBHOOK_SECRET: webhookSecret,
        ...(databaseUrl === undefined ? {} : { LINKPAY_TEST_DATABASE_URL: databaseUrl }),
      },
      readyLine: READY,
      timeoutMs: TIMEOUT_MS,
    });
    running.push(shop);
    const shopOrigin = shop.ready[1] ?? "";
    try {
      return await payAndProve(shopOrigin, sandboxOrigin, apiKey);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(
        `${reason}\n--- app output ---\n${shop.output()}\n--- sandbox output ---\n${sandbox.output()}`,
      );
    }
  } finally {
    for (const child of running.reverse()) await child.stop();
  }
}

async function payAndProve(shopOrigin: string, sandboxOrigin: string, apiKey: string) {
  const trip = await bookAndPay(shopOrigin);
  const booking = `${shopOrigin}/bookings/${trip.orderRef}`;
  await pollUntil(
    async () => {
      const state = await json<{ status: string | null }>(booking);
      return state.status === "paid"
        ? { done: true, value: state }
        : { done: false, seen: JSON.stringify(state) };
    },
    { what: `order ${trip.orderRef} to be paid`, timeoutMs: TIMEOUT_MS },
  );
  const sessionId = new URL(trip.hostedPage).pathname.split("/").at(-1) ?? "";
  const deliveries = await pollUntil(
    async () => {
      const { data: all } = await json<{ data: Delivery[] }>(
        `${sandboxOrigin}/_sandbox/deliveries?session_id=${encodeURIComponent(sessionId)}`,
        { headers: { Authorization: `Bearer ${apiKey}` } },
      );
      const settled = all.length > 0 && all.every((delivery) => FINAL.has(delivery.status));
      return settled
        ? { done: true, value: all }
        : { done: false, seen: JSON.stringify(all.map((d) => d.status)) };
    },
    { what: "every webhook delivery to settle", timeoutMs: TIMEOUT_MS },
  );
  const failed = deliveries.filter((delivery) => delivery.status !== "succeeded");
  if (failed.length > 0)
    throw new Error(`deliveries not accepted by the app: ${JSON.stringify(failed)}`);
  const { confirmations } = await json<{ confirmations: number }>(booking);
  if (confirmations !== 1)
    throw new Error(`onPaid ran ${confirmations} times for ${trip.orderRef}`);
  const returnPage = await fetch(trip.returnUrl);
  const text = await returnPage.text();
  if (returnPage.status !== 200 || !text.includes("paid")) {
    throw new Error(`return page: ${returnPage.status} ${text}`);
  }
  const refunded = await refundOneDay(booking);
  return `${trip.orderRef} paid, ${deliveries.length} webhooks delivered, onPaid ran once; ${refunded}`;
}

/** Refunds one day twice with one key (a double click): one refund, confirmed by its webhook. */
async function refundOneDay(booking: string): Promise<string> {
  const ask = () =>
    fetch(`${booking}/refund`, {
      method: "POST",
      headers: { Origin: new URL(booking).origin, "Sec-Fetch-Site": "same-origin" },
    }).then(async (response) => {
      if (response.status !== 200) {
        throw new Error(`refund: ${response.status} ${await response.text()}`);
      }
      return (await response.json()) as { id: string; status: string };
    });
  const [first, second] = await Promise.all([ask(), ask()]);
  if (first.id !== second.id || first.status !== "succeeded") {
    throw new Error(`one key gave ${JSON.stringify([first, second])}`);
  }
  await pollUntil(
    async () => {
      const state = await json<{ status: string | null; refunded: number }>(booking);
      return state.status === "partially_refunded" && state.refunded === 8_800
        ? { done: true, value: state }
        : { done: false, seen: JSON.stringify(state) };
    },
    { what: "the refund to be confirmed", timeoutMs: TIMEOUT_MS },
  );
  return "one day refunded once and confirmed by webhook";
}

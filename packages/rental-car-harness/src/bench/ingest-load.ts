/**
 * @module
 * Delivering webhooks with autocannon: `POST /webhooks/stripe`, one delivery per request, taken
 * in order from a list (or produced on demand), with exactly as many requests as deliveries
 * (autocannon's `amount`; each connection builds its next request only when it sends it).
 */
import autocannon from "autocannon";
import type { SignedDelivery } from "./ingest-items";

/** The answers and latencies of one load run. */
export interface LoadResult {
  /** From the start to the last answer. */
  readonly seconds: number;
  readonly sent: number;
  readonly ok: number;
  readonly other: number;
  readonly errors: number;
  readonly latency: { readonly p50: number; readonly p90: number; readonly p99: number };
}

/** Latency percentiles of autocannon's histogram, in ms (`p2_5` → `p2.5`). */
export function percentilesOf(latency: autocannon.Histogram): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(latency)) {
    if (/^p\d/.test(key) && typeof value === "number") out[key.replace("_", ".")] = value;
  }
  return out;
}

function summarize(result: autocannon.Result, seconds: number): LoadResult {
  const stats = result.statusCodeStats as Record<string, { count: number } | undefined>;
  const ok = stats["200"]?.count ?? 0;
  return {
    seconds,
    sent: result.requests.sent,
    ok,
    other: result.requests.total - ok,
    errors: result.errors,
    latency: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99 },
  };
}

/**
 * Sends `count` deliveries to `url` over `connections` connections; `next(i)` gives the i-th
 * (called when it is sent). `onResponse` is called for every answer.
 */
export async function deliver(input: {
  readonly url: string;
  readonly count: number;
  readonly connections: number;
  readonly next: (index: number) => SignedDelivery;
  readonly onResponse?: (status: number) => void;
}): Promise<LoadResult> {
  let index = 0;
  const started = performance.now();
  let lastResponse = started;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: input.url,
        connections: Math.min(input.connections, input.count),
        amount: input.count,
        timeout: 30,
        // autocannon notices the end only at its next sample tick (1 s by default).
        sampleInt: 50,
        requests: [
          {
            method: "POST",
            path: "/webhooks/stripe",
            setupRequest: (request) => {
              const delivery = input.next(index++);
              return {
                ...request,
                body: delivery.body,
                headers: {
                  "content-type": "application/json; charset=utf-8",
                  "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
                  "stripe-signature": delivery.signature,
                },
              };
            },
          },
        ],
      },
      (error: unknown, done: autocannon.Result) => (error ? reject(error) : resolve(done)),
    );
    const { onResponse } = input;
    instance.on("response", (_client, status) => {
      lastResponse = performance.now();
      onResponse?.(status);
    });
  });
  // Seconds from the start to the last answer.
  return summarize(result, (lastResponse - started) / 1000);
}

/** Sends a pre-signed list over `connections` connections. */
export function deliverList(
  url: string,
  deliveries: readonly SignedDelivery[],
  connections: number,
): Promise<LoadResult> {
  return deliver({
    url,
    count: deliveries.length,
    connections,
    next: (i) => {
      const delivery = deliveries[i];
      if (delivery === undefined) throw new Error(`delivery ${i} of ${deliveries.length} asked`);
      return delivery;
    },
  });
}

/** Posts one delivery with fetch (for the few autocannon did not send); returns the status. */
export async function postOne(url: string, delivery: SignedDelivery): Promise<number> {
  const response = await fetch(`${url}/webhooks/stripe`, {
    method: "POST",
    headers: {
      "content-type": "application/json; charset=utf-8",
      "stripe-signature": delivery.signature,
    },
    body: delivery.body,
  });
  await response.arrayBuffer();
  return response.status;
}

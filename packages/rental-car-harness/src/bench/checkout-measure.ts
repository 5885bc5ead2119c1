/**
 * @module
 * One timed run of the checkout benchmark: autocannon against one server for a number of seconds
 * (or, for the payment start alone, a number of requests), what its answers came to, and the CPU
 * the server and the sandbox used per checkout. A run where fewer than 95 % of the answers are the
 * expected 303s fails the bench with what came back instead.
 */
import autocannon from "autocannon";
import type { CheckoutFlow } from "./checkout-flow";
import { cpuMsOf } from "./process-cpu";

/** Which checkout a run measured. */
export type CheckoutPath = "book" | "checkout" | "bare";

/** One measured run. */
export interface Measured {
  /** The series: the app's setting and path, or the bare route in that setting's run. */
  readonly subject: string;
  /** The app's setting (`app on SQLite`, …) the run belongs to. */
  readonly setting: string;
  readonly path: CheckoutPath;
  /** 0 for a warm-up. */
  readonly round: number;
  /** Checkouts per second. */
  readonly rps: number;
  /** Per request, in ms. */
  readonly p50: number;
  readonly p99: number;
  /** Requests per checkout. */
  readonly steps: number;
  /** How long the run took, in s. */
  readonly seconds: number;
  /** Checkouts that reached a hosted page. */
  readonly checkouts: number;
  /** Requests answered, and how many of them with the expected 303. */
  readonly answers: number;
  readonly expected: number;
  /** Connection errors and time-outs. */
  readonly errors: number;
  /** The first answers that were not the expected 303. */
  readonly unexpected: readonly string[];
  /** CPU ms per checkout of the server measured (app or bare route), and of the sandbox. */
  readonly serverCpuMs: number;
  readonly sandboxCpuMs: number;
  /** Latency percentiles in ms, for the chart (`p50`, `p90`, `p99`, …). */
  readonly percentiles: Readonly<Record<string, number>>;
}

/** Where a run goes and what it is called. */
export interface RunTarget {
  readonly subject: string;
  readonly setting: string;
  readonly path: CheckoutPath;
  readonly round: number;
  readonly url: string;
  /** The server's process, and the sandbox's, for their CPU time. */
  readonly serverPid: number | undefined;
  readonly sandboxPid: number | undefined;
}

/** How long a run lasts: seconds, or exactly `requests` requests. */
export type RunLength = { readonly seconds: number } | { readonly requests: number };

/** Below this share of expected 303s a run measured failures, not checkouts: the bench fails. */
export const MIN_EXPECTED_SHARE = 0.95;

/** How often a run of a number of requests checks whether it is done, in ms. */
const COUNTED_SAMPLE_MS = 10;

/** A run whose answers were not the checkouts it set out to measure. */
export class BenchFailure extends Error {}

/** The share of a run's answers that were the expected 303s. */
export function shareOf(run: Pick<Measured, "expected" | "answers" | "errors">): number {
  return run.expected / Math.max(1, run.answers + run.errors);
}

/** Throws a {@link BenchFailure} naming what came back when too few answers were the 303s expected. */
export function assertCounted(run: Measured): void {
  const share = shareOf(run);
  if (share >= MIN_EXPECTED_SHARE) return;
  throw new BenchFailure(
    [
      `${run.subject}, ${run.round === 0 ? "warm-up" : `round ${run.round}`}: ${(share * 100).toFixed(1)} % of ${run.answers} answers were the expected 303 (at least ${MIN_EXPECTED_SHARE * 100} % needed), ${run.errors} connection errors or time-outs. First unexpected:`,
      ...run.unexpected.map((line) => `  ${line}`),
      "No numbers are reported: fix the flow in checkout-flow.ts so every checkout reaches the hosted page.",
    ].join("\n"),
  );
}

/** autocannon's latency percentiles (`p2_5` → `p2.5`). */
function percentilesOf(latency: autocannon.Histogram): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(latency)) {
    if (/^p\d/.test(key) && typeof value === "number") out[key.replace("_", ".")] = value;
  }
  return out;
}

/** One timed run of `flow` against `target`, checked: fewer than 95 % expected 303s throws. */
export async function measure(
  target: RunTarget,
  length: RunLength,
  connections: number,
  flow: CheckoutFlow,
): Promise<Measured> {
  const server = cpuMsOf(target.serverPid);
  const sandbox = cpuMsOf(target.sandboxPid);
  const result = await autocannon({
    url: target.url,
    connections,
    requests: flow.requests,
    // autocannon notices the last answer only at its next sample: sample often when counting.
    ...("seconds" in length
      ? { duration: length.seconds }
      : { amount: length.requests, sampleInt: COUNTED_SAMPLE_MS }),
  });
  const count = flow.take();
  const perCheckout = (before: number, pid: number | undefined) =>
    (cpuMsOf(pid) - before) / Math.max(1, count.checkouts);
  const run: Measured = {
    subject: target.subject,
    setting: target.setting,
    path: target.path,
    round: target.round,
    steps: flow.steps,
    seconds: result.duration,
    rps: count.checkouts / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    checkouts: count.checkouts,
    answers: count.answers,
    expected: count.expected,
    errors: result.errors + result.timeouts,
    unexpected: count.unexpected,
    serverCpuMs: perCheckout(server, target.serverPid),
    sandboxCpuMs: perCheckout(sandbox, target.sandboxPid),
    percentiles: percentilesOf(result.latency),
  };
  assertCounted(run);
  return run;
}

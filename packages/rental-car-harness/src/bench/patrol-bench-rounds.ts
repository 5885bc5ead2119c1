/**
 * @module
 * The patrol benchmark's rounds: one timed patrol run, one timed bare walk (its session expired
 * afterwards, untimed), each with Chromium's memory sampled while it runs, and the check after
 * each round that every session ended and every car is free again.
 */
import type { PatrolConfig, Snapshot } from "@linkpay/patrol";
import { runPatrol } from "@linkpay/patrol";
import { bareWalk, expireSandboxSession } from "./bare-walk";
import { sampleChildMemory } from "./child-memory";
import type { InProcessApp } from "./in-process-app";
import type { BareRound, PatrolRound, RunMeasure } from "./patrol-bench-report";
import type { TimedReader } from "./timed-reader";

/** Times `work` and samples memory while it runs. */
async function measured<T>(
  round: number,
  sampleMs: number,
  work: () => Promise<T>,
): Promise<{ measure: RunMeasure; value: T; startedAt: number }> {
  const sampler = sampleChildMemory({ intervalMs: sampleMs });
  const started = performance.now();
  let value: T;
  try {
    value = await work();
  } catch (error) {
    sampler.stop();
    throw error;
  }
  const seconds = (performance.now() - started) / 1000;
  const peaks = sampler.stop();
  const memory = process.memoryUsage();
  return {
    value,
    startedAt: started,
    measure: {
      round,
      seconds,
      nodeRssBytes: memory.rss,
      nodeHeapUsedBytes: memory.heapUsed,
      peaks,
    },
  };
}

/** One timed patrol run, compared with `baseline`. */
export async function patrolRound(
  input: { readonly config: PatrolConfig; readonly timed: TimedReader; readonly sampleMs: number },
  round: number,
  baseline: Snapshot | undefined,
): Promise<PatrolRound & { readonly snapshot: Snapshot }> {
  input.timed.take();
  const {
    measure,
    value: report,
    startedAt,
  } = await measured(round, input.sampleMs, () =>
    runPatrol({ config: input.config, reader: input.timed.reader, baseline }),
  );
  const calls = input.timed.take();
  const problems = report.findings
    .filter((finding) => finding.severity !== "info")
    .map((finding) => `${finding.severity} ${finding.code} ${finding.subject}`);
  return {
    ...measure,
    verdict: report.verdict,
    problems,
    calls,
    untilProviderMs:
      calls.firstRetrieveAt === undefined ? Number.NaN : calls.firstRetrieveAt - startedAt,
    snapshot: report.snapshot,
  };
}

/** One timed bare walk; its session is expired afterwards, untimed. */
export async function bareRound(
  input: { readonly config: PatrolConfig; readonly app: InProcessApp; readonly sampleMs: number },
  round: number,
): Promise<BareRound> {
  const { app } = input;
  const { measure, value: walk } = await measured(round, input.sampleMs, () =>
    bareWalk({
      config: input.config,
      checkoutOrigin: app.sandbox.origin,
      email: `bare+${round}@example.com`,
      run: `bare-${round}`,
    }),
  );
  const expireMs = await expireSandboxSession({
    apiOrigin: app.sandbox.origin,
    secretKey: app.sandboxKey,
    landingUrl: walk.landingUrl,
  });
  return { ...measure, phases: walk.phases, expireMs };
}

/**
 * Waits for the sandbox's webhooks (the expiries), then throws if a session is still open or a
 * car still held: the next round would book into a smaller fleet.
 */
export async function checkFleetFree(app: InProcessApp, round: number): Promise<void> {
  await app.sandbox.whenDeliveriesSettled();
  const open = app.sandbox.sessions().filter((session) => session.status === "open").length;
  const { held } = await app.db
    .selectFrom("rc_car_days")
    .select((eb) => eb.fn.countAll<number>().as("held"))
    .executeTakeFirstOrThrow();
  if (open > 0 || Number(held) > 0) {
    throw new Error(`after round ${round}: ${open} session(s) still open, ${held} car-day(s) held`);
  }
}

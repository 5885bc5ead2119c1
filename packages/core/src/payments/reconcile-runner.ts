/**
 * @module
 * The reconciliation runner every site needs and nobody should write twice: one pass at a time
 * (the next is scheduled when the current one ends, so a slow pass never queues more behind it),
 * a jittered interval (instances started together drift apart and share the work), and a
 * `stop()` that waits only for the pass in progress. Several instances may run it: each attempt
 * is leased to one of them by the store.
 */
import { LinkpayError } from "../errors";
import type { Payments } from "./create-payments";
import { type Logger, redactingLogger, silentLogger } from "./logger";
import type { ReconcileOptions, ReconcileReport } from "./reconcile";

/** A timer as the runner uses it (Node's `setTimeout` fits; tests pass their own). */
export interface RunnerTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Options of {@link startReconcileRunner}. */
export interface ReconcileRunnerOptions {
  /** The Payments service whose `reconcile` is run. */
  readonly payments: Pick<Payments, "reconcile">;
  /** Seconds from the end of one pass to the start of the next, before jitter. Default 60. */
  readonly intervalSeconds?: number | undefined;
  /**
   * Each wait is the interval times a random factor in [1 − jitter, 1 + jitter], and the first a
   * random part of one interval. Default 0.2; 0 turns jitter off (every wait one interval).
   */
  readonly jitter?: number | undefined;
  /** What each pass looks at (age threshold, batch size, lease). */
  readonly reconcile?: ReconcileOptions | undefined;
  /** Where passes that changed something, and failed passes, are logged. */
  readonly logger?: Logger | undefined;
  /** Called with every pass's report (metrics). */
  readonly onPass?: ((report: ReconcileReport) => void) | undefined;
  /** Timers (tests); default Node's, unref'd so the runner never keeps a process alive. */
  readonly timers?: RunnerTimers | undefined;
  /** Random numbers in [0, 1) (tests); default `Math.random`. */
  readonly random?: (() => number) | undefined;
}

/** A running reconciliation loop. */
export interface ReconcileRunner {
  /** Schedules no further pass; resolves once the pass in progress, if any, has ended. */
  stop(): Promise<void>;
}

const nodeTimers: RunnerTimers = {
  setTimeout: (run, ms) => setTimeout(run, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

function checkedNumber(value: number, name: string, min: number, max: number): number {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new LinkpayError(
      "CONFIG_INVALID",
      `startReconcileRunner: ${name} must be a number from ${min} to ${max}, got ${String(value)}`,
      { details: { option: name } },
    );
  }
  return value;
}

/**
 * Starts reconciling in the background: passes never overlap, waits are jittered, and `stop()`
 * waits only for the pass in progress. Call it once per process, after the app is ready.
 *
 * @example
 * const runner = startReconcileRunner({ payments, intervalSeconds: 60, logger });
 * process.once("SIGTERM", () => void runner.stop().then(() => server.close()));
 */
export function startReconcileRunner(options: ReconcileRunnerOptions): ReconcileRunner {
  const intervalMs =
    checkedNumber(options.intervalSeconds ?? 60, "intervalSeconds", 1, 86_400) * 1000;
  const jitter = checkedNumber(options.jitter ?? 0.2, "jitter", 0, 1);
  const timers = options.timers ?? nodeTimers;
  const random = options.random ?? Math.random;
  const logger = redactingLogger(options.logger ?? silentLogger);
  let timer: unknown;
  let running: Promise<void> | undefined;
  let stopped = false;

  async function pass(): Promise<void> {
    try {
      const report = await options.payments.reconcile(options.reconcile);
      // One line per pass that checked something: operators see reconciliation at work.
      if (report.checked > 0) logger.info({ ...report }, "reconciliation pass");
      options.onPass?.(report);
    } catch (error) {
      logger.error({ err: error }, "reconciliation pass failed; the next pass will try again");
    }
  }

  function schedule(ms: number): void {
    timer = timers.setTimeout(() => {
      timer = undefined;
      running = pass().finally(() => {
        running = undefined;
        if (!stopped) schedule(intervalMs * (1 - jitter + 2 * jitter * random()));
      });
    }, ms);
  }

  schedule(jitter === 0 ? intervalMs : intervalMs * random());
  return {
    async stop() {
      stopped = true;
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}

/**
 * @module
 * `watch`: the patrol on a schedule. The next run is planned when the current one ends (runs never
 * pile up), at the interval plus or minus a random jitter (a cloaking skimmer cannot learn the
 * patrol's minute). A critical result is re-checked at once in a fresh browser, and only the
 * critical findings seen both times are alerted as critical, so one flaky page load does not wake
 * anybody at night.
 */
import { findingKey } from "../model/findings";
import type { PatrolReport } from "../run/run-patrol";

/** Options of {@link watchPatrol}. */
export interface WatchOptions {
  /** One run in a fresh browser (it also records the run in the history). */
  readonly runOnce: () => Promise<PatrolReport>;
  /** Called with each settled report (after the re-check of a critical one). */
  readonly onReport: (report: PatrolReport) => Promise<void>;
  readonly intervalMs: number;
  readonly jitterMs: number;
  /** Stops the loop: the current run finishes, no further run starts. */
  readonly signal: AbortSignal;
  readonly sleep?: ((ms: number, signal: AbortSignal) => Promise<void>) | undefined;
  readonly random?: (() => number) | undefined;
  /** Called when a run throws (the loop goes on). */
  readonly onError?: ((error: unknown) => void) | undefined;
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((done) => {
    const timer = setTimeout(finish, ms);
    function finish() {
      clearTimeout(timer);
      signal.removeEventListener("abort", finish);
      done();
    }
    signal.addEventListener("abort", finish, { once: true });
  });
}

/**
 * The report to act on, given a critical first run and its re-check: the re-check's findings,
 * where a critical finding the first run did not also have is lowered to a warning.
 */
export function confirmCritical(first: PatrolReport, second: PatrolReport): PatrolReport {
  const seen = new Set(first.findings.filter((f) => f.severity === "critical").map(findingKey));
  const findings = second.findings.map((finding) =>
    finding.severity === "critical" && !seen.has(findingKey(finding))
      ? {
          ...finding,
          severity: "warning" as const,
          message: `${finding.message} (seen in the re-check only)`,
        }
      : finding,
  );
  const verdict = findings.some((f) => f.severity === "critical")
    ? "critical"
    : findings.some((f) => f.severity === "warning")
      ? "warning"
      : "clean";
  return { ...second, findings, verdict };
}

/** Runs until `signal` aborts. */
export async function watchPatrol(options: WatchOptions): Promise<void> {
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  while (!options.signal.aborted) {
    try {
      let report = await options.runOnce();
      if (report.verdict === "critical" && !options.signal.aborted) {
        report = confirmCritical(report, await options.runOnce());
      }
      await options.onReport(report);
    } catch (error) {
      options.onError?.(error);
    }
    if (options.signal.aborted) break;
    const jitter = (random() * 2 - 1) * options.jitterMs;
    await sleep(Math.max(0, options.intervalMs + jitter), options.signal);
  }
}

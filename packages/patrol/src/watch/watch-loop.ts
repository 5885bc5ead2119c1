/**
 * @module
 * `watch`: the patrol on a schedule. The next run is planned when the current one ends (runs never
 * pile up), at the interval plus or minus a random jitter (a cloaking skimmer cannot learn the
 * patrol's minute). A critical result is re-checked at once in a fresh browser, and only the
 * critical findings seen both times are alerted as critical, so one flaky page load does not wake
 * anybody at night.
 */
import { type Finding, verdictOf } from "../model/findings";
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

/** Findings that do not come from the browser: a re-check cannot see them again. */
const NOT_FROM_THE_BROWSER: ReadonlySet<string> = new Set([
  "CSP_VIOLATION_REPORTED",
  "CSP_FEED_UNREADABLE",
  "FILE_ADDED",
  "FILE_CHANGED",
  "FILE_REMOVED",
]);

/**
 * What is "the same finding" across two runs: its code and place. Not its subject, which for a
 * session is that run's own session id, and for a page may carry a new booking reference.
 */
const sameKind = (finding: Finding) => `${finding.code} ${finding.where}`;

/**
 * The report to act on, given a critical first run and its re-check: the re-check's browser
 * findings (a critical one the first run did not also have is lowered to a warning), the first
 * run's criticals the re-check did not see again (kept as warnings, never dropped), and the first
 * run's findings that do not come from the browser (shoppers' reports, files), as they were.
 */
export function confirmCritical(first: PatrolReport, second: PatrolReport): PatrolReport {
  const firstCritical = new Set(
    first.findings.filter((f) => f.severity === "critical").map(sameKind),
  );
  const fromBrowser = second.findings.filter((f) => !NOT_FROM_THE_BROWSER.has(f.code));
  const secondKinds = new Set(fromBrowser.map(sameKind));
  const findings: Finding[] = [
    ...first.findings.filter((f) => NOT_FROM_THE_BROWSER.has(f.code)),
    ...fromBrowser.map((finding) =>
      finding.severity === "critical" && !firstCritical.has(sameKind(finding))
        ? lowered(finding, "seen in the re-check only")
        : finding,
    ),
    ...first.findings
      .filter(
        (f) =>
          f.severity === "critical" &&
          !NOT_FROM_THE_BROWSER.has(f.code) &&
          !secondKinds.has(sameKind(f)),
      )
      .map((finding) => lowered(finding, "not seen again in the re-check")),
  ];
  return {
    ...second,
    findings,
    verdict: verdictOf(findings),
  };
}

function lowered(finding: Finding, why: string): Finding {
  return { ...finding, severity: "warning", message: `${finding.message} (${why})` };
}

/** Runs until `signal` aborts. */
export async function watchPatrol(options: WatchOptions): Promise<void> {
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  while (!options.signal.aborted) {
    try {
      let report = await options.runOnce();
      if (report.verdict === "critical" && !options.signal.aborted) {
        const first = report;
        // A re-check that fails confirms nothing and denies nothing: act on the first run.
        report = await options.runOnce().then(
          (second) => confirmCritical(first, second),
          (error: unknown) => {
            options.onError?.(error);
            return first;
          },
        );
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

/**
 * @module
 * The patrol's commands, as functions the CLI and tests call: `baseline` records an approved
 * snapshot, `check` compares a fresh run with it and alerts, `approve` accepts the last run's
 * drift with a recorded reason. Each returns its exit code: 0 clean, 1 warnings, 2 critical.
 */
import type { CheckoutReader } from "@linkpay/core";
import { type AlertSink, sendAlerts } from "../alerts";
import type { PatrolConfig } from "../config";
import { exitCodeFor, findingKey } from "../model/findings";
import { formatReport } from "../report/format-report";
import { type PatrolReport, runPatrol } from "../run/run-patrol";
import { openPatrolState } from "../state/patrol-state";
import { isApprovable } from "./approvable";

/** What every command works with. */
export interface CommandContext {
  readonly config: PatrolConfig;
  readonly reader: CheckoutReader;
  readonly sinks: readonly AlertSink[];
  /** Where people's output goes (the CLI: stdout). */
  readonly print: (text: string) => void;
  readonly now?: (() => Date) | undefined;
  readonly browserArgs?: readonly string[] | undefined;
}

/** A thrown error meaning "the command could not run" (exit code 3). */
export class PatrolUsageError extends Error {
  override readonly name = "PatrolUsageError";
}

/** Runs the patrol against the baseline (if any) and keeps the report in the history. */
export async function patrolOnce(context: CommandContext): Promise<PatrolReport> {
  const state = await openPatrolState(context.config.stateDir);
  const baseline = await state.readBaseline();
  const previous = await state.lastRun();
  const report = await runPatrol({
    config: context.config,
    reader: context.reader,
    baseline: baseline?.snapshot,
    reportsSince: reportsSince(previous),
    now: context.now,
    browserArgs: context.browserArgs,
  });
  await state.recordRun(report, context.config.watch.historyRuns);
  return report;
}

/** Where the previous run's read of shoppers' reports ended (or should have started, if it failed). */
function reportsSince(previous: PatrolReport | undefined): Date | undefined {
  const at = previous?.cspReports?.readAt ?? previous?.cspReports?.since;
  return at === undefined ? undefined : new Date(at);
}

/** Sends `report` to every sink when it is not clean; prints sinks that failed. */
export async function alertOn(context: CommandContext, report: PatrolReport): Promise<void> {
  if (report.verdict === "clean") return;
  const outcomes = await sendAlerts(context.sinks, {
    runId: report.runId,
    site: report.site,
    at: new Date(report.finishedAt),
    verdict: report.verdict,
    findings: report.findings,
  });
  for (const outcome of outcomes.filter((o) => !o.ok)) {
    context.print(`alert sink ${outcome.sink} failed: ${outcome.error ?? "unknown error"}\n`);
  }
}

/** `check`: one run against the baseline; prints the table, alerts, returns the exit code. */
export async function checkCommand(
  context: CommandContext,
): Promise<{ exitCode: 0 | 1 | 2; report: PatrolReport }> {
  const state = await openPatrolState(context.config.stateDir);
  if ((await state.readBaseline()) === undefined) {
    throw new PatrolUsageError(
      "There is no baseline yet: run `linkpay-patrol baseline` once against the site as it should be.",
    );
  }
  const report = await patrolOnce(context);
  context.print(formatReport(report));
  await alertOn(context, report);
  return { exitCode: exitCodeFor(report.findings), report };
}

/**
 * `baseline`: runs the patrol and, when nothing critical is found, makes the run's snapshot the
 * baseline. A site that already fails the absolute checks (a card field, a foreign redirect) is
 * never recorded as the way it should be.
 */
export async function baselineCommand(
  context: CommandContext,
  reason: string,
): Promise<{ exitCode: 0 | 1 | 2; report: PatrolReport }> {
  const state = await openPatrolState(context.config.stateDir);
  const report = await runPatrol({
    config: context.config,
    reader: context.reader,
    now: context.now,
    browserArgs: context.browserArgs,
  });
  await state.recordRun(report, context.config.watch.historyRuns);
  context.print(formatReport(report));
  const exitCode = exitCodeFor(report.findings);
  if (exitCode === 2) {
    context.print("No baseline recorded: fix the critical findings first.\n");
    return { exitCode, report };
  }
  const refusal = unrecordable(report);
  if (refusal !== undefined) {
    context.print(`No baseline recorded: ${refusal}\n`);
    return { exitCode: 2, report };
  }
  await state.writeBaseline({
    version: 1,
    snapshot: report.snapshot,
    approvals: [{ at: report.finishedAt, reason, runId: report.runId, accepted: [] }],
  });
  context.print(
    `Baseline recorded from run ${report.runId} (${report.snapshot.pages.length} pages).\n`,
  );
  return { exitCode, report };
}

/**
 * Why `report`'s snapshot must not become the baseline, if it must not: a page that did not
 * answer would be recorded without its CSP and scripts, and every later removal of them would
 * compare equal.
 */
function unrecordable(report: PatrolReport): string | undefined {
  const missing = report.snapshot.pages.filter((page) => page.status === 0).map((page) => page.key);
  return missing.length === 0
    ? undefined
    : `these pages did not answer: ${missing.join(", ")}. Run again when they do.`;
}

/**
 * `approve`: accepts the drift of one run (by id, as printed by `check` and kept in the history)
 * into the baseline, with a reason that is kept with the list of accepted findings. The run is
 * named, not "the last one", so a run that finished after someone read a report is never
 * approved unseen. Refuses when that run has findings that must be fixed.
 */
export async function approveCommand(
  context: CommandContext,
  request: { readonly runId: string; readonly reason: string },
): Promise<0> {
  const reason = request.reason.trim();
  if (reason.length < 10) {
    throw new PatrolUsageError(
      "approve needs --reason with a justification of at least 10 characters (it is kept in baseline.json).",
    );
  }
  const state = await openPatrolState(context.config.stateDir);
  const baseline = await state.readBaseline();
  if (baseline === undefined) {
    throw new PatrolUsageError(
      "Nothing to approve: record a baseline first (`linkpay-patrol check --init`).",
    );
  }
  const run = await state.readRun(request.runId);
  if (run === undefined) {
    throw new PatrolUsageError(
      `No run ${JSON.stringify(request.runId)} in the history: give --run the id \`check\` printed (kept: ${(await state.history()).slice(-3).join(", ") || "none"}).`,
    );
  }
  const blocking = run.findings.filter((finding) => !isApprovable(finding));
  if (blocking.length > 0) {
    throw new PatrolUsageError(
      `Run ${run.runId} has findings that must be fixed, not approved:\n  ${blocking.map(findingKey).join("\n  ")}`,
    );
  }
  const refusal = unrecordable(run);
  if (refusal !== undefined)
    throw new PatrolUsageError(`Run ${run.runId} cannot be approved: ${refusal}`);
  const accepted = run.findings
    .filter((finding) => finding.severity !== "info")
    .map(({ severity, code, where, subject }) => ({ severity, code, where, subject }));
  await state.writeBaseline({
    version: 1,
    snapshot: run.snapshot,
    approvals: [
      ...baseline.approvals,
      {
        at: (context.now ?? (() => new Date()))().toISOString(),
        reason,
        runId: run.runId,
        accepted,
      },
    ],
  });
  context.print(
    `Approved run ${run.runId} as the baseline (${accepted.length} finding(s) accepted).\n`,
  );
  return 0;
}

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
    reportsSince: previous === undefined ? undefined : new Date(previous.startedAt),
    now: context.now,
    browserArgs: context.browserArgs,
  });
  await state.recordRun(report, context.config.watch.historyRuns);
  return report;
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
  await state.writeBaseline({
    version: 1,
    snapshot: report.snapshot,
    approvals: [{ at: report.finishedAt, reason, runId: report.runId, accepted: [] }],
  });
  context.print(
    `Baseline recorded from run ${report.runId} (${report.snapshot.pages.length} pages).\n`,
  );
  return { exitCode: 0, report };
}

/**
 * `approve`: accepts the drift of the most recent run into the baseline, with a reason that is
 * kept with the list of accepted findings. Refuses when that run has findings that must be fixed.
 */
export async function approveCommand(context: CommandContext, reason: string): Promise<0> {
  if (reason.trim().length < 10) {
    throw new PatrolUsageError(
      "approve needs --reason with a justification of at least 10 characters (it is kept in baseline.json).",
    );
  }
  const state = await openPatrolState(context.config.stateDir);
  const baseline = await state.readBaseline();
  const last = await state.lastRun();
  if (baseline === undefined || last === undefined) {
    throw new PatrolUsageError(
      "Nothing to approve: record a baseline and run `linkpay-patrol check` first.",
    );
  }
  const blocking = last.findings.filter((finding) => !isApprovable(finding));
  if (blocking.length > 0) {
    throw new PatrolUsageError(
      `Run ${last.runId} has findings that must be fixed, not approved:\n  ${blocking.map(findingKey).join("\n  ")}`,
    );
  }
  const accepted = last.findings
    .filter((finding) => finding.severity !== "info")
    .map(({ severity, code, where, subject }) => ({ severity, code, where, subject }));
  await state.writeBaseline({
    version: 1,
    snapshot: last.snapshot,
    approvals: [
      ...baseline.approvals,
      {
        at: (context.now ?? (() => new Date()))().toISOString(),
        reason: reason.trim(),
        runId: last.runId,
        accepted,
      },
    ],
  });
  context.print(
    `Approved run ${last.runId} as the baseline (${accepted.length} finding(s) accepted).\n`,
  );
  return 0;
}

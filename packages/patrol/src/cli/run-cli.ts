/**
 * @module
 * The command line, as a function of its arguments (tests call it directly): parses them, loads
 * the config, builds the provider reader and alert sinks, and runs a command. Exit codes: 0 clean,
 * 1 warnings, 2 critical, 3 the command could not run (bad arguments or config, no baseline).
 */
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { isLinkpayError } from "@linkpay/core";
import { createSink, sendAlerts } from "../alerts";
import {
  alertOn,
  approveCommand,
  baselineCommand,
  type CommandContext,
  checkCommand,
  PatrolUsageError,
  patrolOnce,
} from "../commands/patrol-commands";
import { readPatrolConfig } from "../config";
import { createManifest, readManifest, verifyManifest, writeManifest } from "../manifest";
import { exitCodeFor, verdictOf } from "../model/findings";
import { formatReport } from "../report/format-report";
import { openPatrolState } from "../state/patrol-state";
import { watchPatrol } from "../watch/watch-loop";
import { createProviderReader } from "./create-provider-reader";

/** Usage text. */
export const USAGE = `Usage: linkpay-patrol <command> [options]

Commands:
  baseline --reason TEXT   run once and record the site as it should be
  check                    run once, compare with the baseline, alert (exit 0/1/2);
                           with --init, a first run records the baseline (and the
                           manifest) when there is none yet
  approve --run ID --reason TEXT
                           accept that run's changes into the baseline
  watch                    check on an interval with jitter until stopped (SIGINT/SIGTERM);
                           --init as for check
  manifest                 record SHA-256 of every file under manifest.root
  verify                   report files added, changed or removed since the manifest

Options:
  --config FILE   the patrol config (default: linkpay-patrol.json)
  --json FILE     also write the run's report as JSON (check, baseline, verify)
  --reason TEXT   why (baseline, approve)
  --run ID        the run to approve, as \`check\` printed it
  --no-alerts     print only; send nothing (check, verify)
  --init          check, watch: on a first run, record the baseline (and the manifest)

Exit codes: 0 clean, 1 warnings, 2 critical, 3 could not run.
`;

/** Where the CLI prints and what environment it reads. */
export interface CliIo {
  readonly print: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  /** Stops `watch` (the CLI wires SIGINT and SIGTERM to it). */
  readonly signal?: AbortSignal | undefined;
  readonly browserArgs?: readonly string[] | undefined;
}

/** Runs the CLI with `args`; resolves to the exit code. */
export async function runPatrolCli(args: readonly string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    io.print(`${(error as Error).message}\n\n${USAGE}`);
    return 3;
  }
  const { command, values } = parsed;
  if (command === undefined || command === "help" || values.help) {
    io.print(USAGE);
    return command === undefined ? 3 : 0;
  }
  try {
    const config = readPatrolConfig(values.config ?? "linkpay-patrol.json", io.env);
    if (command === "manifest" || command === "verify")
      return await manifestCommand(command, config, values, io);
    const context: CommandContext = {
      config,
      reader: createProviderReader(config.provider),
      sinks: values["no-alerts"] ? [] : config.alerts.map(createSink),
      print: io.print,
      browserArgs: io.browserArgs,
    };
    if (command === "check") {
      if (values.init) {
        const first = await initialize(context);
        if (first !== undefined) {
          if (values.json !== undefined) await writeJson(values.json, first.report);
          return first.exitCode;
        }
      }
      const { exitCode, report } = await checkCommand(context);
      if (values.json !== undefined) await writeJson(values.json, report);
      return exitCode;
    }
    if (command === "baseline") {
      const { exitCode, report } = await baselineCommand(
        context,
        values.reason ?? "first baseline",
      );
      if (values.json !== undefined) await writeJson(values.json, report);
      return exitCode;
    }
    if (command === "approve") {
      return await approveCommand(context, {
        runId: values.run ?? "",
        reason: values.reason ?? "",
      });
    }
    if (command === "watch") {
      // Without a baseline only the absolute checks would run, for ever, without a word.
      const first = values.init ? await initialize(context) : undefined;
      if (first?.exitCode === 2) return 2;
      if ((await (await openPatrolState(config.stateDir)).readBaseline()) === undefined) {
        throw new PatrolUsageError(
          "There is no baseline yet: run `linkpay-patrol check --init` (or `watch --init`) first.",
        );
      }
      const controller = new AbortController();
      const stop = () => controller.abort();
      io.signal?.addEventListener("abort", stop, { once: true });
      await watchPatrol({
        runOnce: () => patrolOnce(context),
        onReport: async (report) => {
          io.print(formatReport(report));
          await alertOn(context, report);
        },
        intervalMs: config.watch.intervalMinutes * 60_000,
        jitterMs: config.watch.jitterMinutes * 60_000,
        signal: controller.signal,
        onError: (error) => io.print(`run failed: ${(error as Error).message}\n`),
      });
      return 0;
    }
    io.print(`Unknown command ${JSON.stringify(command)}.\n\n${USAGE}`);
    return 3;
  } catch (error) {
    if (error instanceof PatrolUsageError || isLinkpayError(error)) {
      io.print(`${error.message}\n`);
      return 3;
    }
    throw error;
  }
}

/**
 * `check --init`: records the manifest when configured and missing, and the baseline when there
 * is none (that run is the check's result). Undefined when both already exist.
 */
async function initialize(context: CommandContext) {
  const state = await openPatrolState(context.config.stateDir);
  if ((await state.readBaseline()) !== undefined) return undefined;
  // Only on a first run: a manifest deleted later must not be quietly re-recorded over a web shell.
  const spec = context.config.manifest;
  if (spec !== undefined && !existsSync(spec.file)) {
    const manifest = await createManifest({
      root: spec.root,
      include: spec.include,
      exclude: spec.exclude,
    });
    await writeManifest(spec.file, manifest);
    context.print(
      `Recorded the manifest of ${Object.keys(manifest.files).length} files under ${spec.root}.\n`,
    );
  }
  return baselineCommand(context, "first run (--init)");
}

function parse(args: readonly string[]) {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      config: { type: "string" },
      json: { type: "string" },
      reason: { type: "string" },
      run: { type: "string" },
      "no-alerts": { type: "boolean" },
      init: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (positionals.length > 1)
    throw new Error(`One command at a time, got: ${positionals.join(" ")}`);
  return { command: positionals[0], values };
}

async function writeJson(path: string, value: unknown): Promise<void> {
  await writeFile(path, `${JSON.stringify(value, null, 2)}\n`);
}

async function manifestCommand(
  command: "manifest" | "verify",
  config: ReturnType<typeof readPatrolConfig>,
  values: { json?: string | undefined; "no-alerts"?: boolean | undefined },
  io: CliIo,
): Promise<number> {
  const spec = config.manifest;
  if (spec === undefined)
    throw new PatrolUsageError("The config has no `manifest` section (root and file).");
  if (command === "manifest") {
    const manifest = await createManifest({
      root: spec.root,
      include: spec.include,
      exclude: spec.exclude,
    });
    await writeManifest(spec.file, manifest);
    io.print(
      `Recorded ${Object.keys(manifest.files).length} files under ${spec.root} in ${spec.file}.\n`,
    );
    return 0;
  }
  const findings = await verifyManifest({
    manifest: await readManifest(spec.file),
    root: spec.root,
    include: spec.include,
    exclude: spec.exclude,
  });
  const exitCode = exitCodeFor(findings);
  const verdict = verdictOf(findings);
  const runId = `verify-${new Date().toISOString()}`;
  io.print(formatReport({ site: spec.root, runId, verdict, findings }));
  if (values.json !== undefined) await writeJson(values.json, { runId, verdict, findings });
  if (verdict !== "clean" && !values["no-alerts"]) {
    await sendAlerts(config.alerts.map(createSink), {
      runId,
      site: config.site,
      at: new Date(),
      verdict,
      findings,
    });
  }
  return exitCode;
}

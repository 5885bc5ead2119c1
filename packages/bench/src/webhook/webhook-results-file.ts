/**
 * @module
 * The webhook benchmark's machine-readable results: `artifacts/bench/webhook.json` at the
 * repository root (git-ignored, beside the rental-car harness's results), so CI can compare the
 * ratio with its target without parsing Markdown. `packages/bench` does not depend on the harness,
 * hence its own small writer.
 */
import { machineLine, resultsFile, saveResults } from "../results-file";
import type { BenchOptions } from "./bench-options";
import { type Measured, routeMedians } from "./bench-report";
import { BENCH_TARGETS } from "./bench-servers";

/** Where the results go unless `--out` says otherwise. */
export const WEBHOOK_RESULTS_FILE = resultsFile("webhook.json");

/** The ratio of linkpay's median requests/s to the bare route's that the project aims for. */
export const WEBHOOK_TARGET_RATIO = 0.9;

/** The command that produced the results, as a person would type it again. */
export function commandLine(argv: readonly string[]): string {
  const args = argv.length > 0 ? ` -- ${argv.join(" ")}` : "";
  return `npm run bench:webhook${args}`;
}

/** The JSON document: command, machine, settings, medians per route, the ratio, every run. */
export function webhookResults(
  options: BenchOptions,
  argv: readonly string[],
  events: number,
  runs: readonly Measured[],
) {
  const medians = routeMedians(runs, BENCH_TARGETS);
  const linkpay = medians.find((row) => row.target === "linkpay");
  return {
    benchmark: "webhook",
    command: commandLine(argv),
    machine: machineLine(),
    date: new Date().toISOString(),
    settings: {
      seconds: options.seconds,
      rounds: options.rounds,
      connections: options.connections,
      warmUpSeconds: options.warmUpSeconds,
      quick: options.quick,
      events,
      profiled: options.cpuProfileDirectory !== undefined,
    },
    ratio: linkpay?.ratio ?? Number.NaN,
    targetRatio: WEBHOOK_TARGET_RATIO,
    // What `npm run bench:quick` and the ratio chart read.
    ratios: [
      {
        path: "webhook route, memory store ÷ bare constructEvent",
        value: linkpay?.ratio ?? Number.NaN,
        target: WEBHOOK_TARGET_RATIO,
        better: "higher",
      },
    ],
    medians,
    runs,
  };
}

/** Writes `results` as JSON to `file`; returns the path. */
export function saveWebhookResults(results: unknown, file: string = WEBHOOK_RESULTS_FILE): string {
  return saveResults(file, results);
}

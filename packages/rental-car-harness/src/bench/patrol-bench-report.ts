/**
 * @module
 * What one patrol benchmark round measured, and the report printed at the end: medians and p90
 * over the rounds for the patrol run and the bare browser walk, their ratio, and the split of the
 * time into phases.
 */

import type { WalkPhases } from "./bare-walk";
import type { MemoryPeaks } from "./child-memory";
import type { ReaderCalls } from "./timed-reader";

/** What both sides measure per run. */
export interface RunMeasure {
  readonly round: number;
  readonly seconds: number;
  /** `process.memoryUsage()` right after the run (the app and its sandbox run in this process too). */
  readonly nodeRssBytes: number;
  readonly nodeHeapUsedBytes: number;
  readonly peaks: MemoryPeaks;
}

/** One timed patrol run. */
export interface PatrolRound extends RunMeasure {
  readonly verdict: string;
  /** Findings worse than info, as `severity CODE subject` (none expected). */
  readonly problems: readonly string[];
  readonly calls: ReaderCalls;
  /** From the run's start to its first provider call: launch, pages, journey and submit. */
  readonly untilProviderMs: number;
}

/** One timed bare walk, and the session expiry that followed it (not in `seconds`). */
export interface BareRound extends RunMeasure {
  readonly phases: WalkPhases;
  readonly expireMs: number;
}

/** The median (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 === 1
    ? (sorted[Math.floor(middle)] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

/** The nearest-rank 90th percentile (the 9th of 10 values). */
export function p90(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(sorted.length * 0.9) - 1)] ?? Number.NaN;
}

const MIB = 2 ** 20;

/** The report as Markdown tables, ready for docs/benchmarks.md. */
export function patrolReport(input: {
  readonly machine: string;
  readonly sampleMs: number;
  readonly patrol: readonly PatrolRound[];
  readonly bare: readonly BareRound[];
}): string {
  const { patrol, bare } = input;
  const row = (
    label: string,
    pick: (run: RunMeasure) => number,
    scale: number,
    digits: number,
  ): string => {
    const [p, b] = [patrol.map(pick), bare.map(pick)];
    const show = (value: number) => (value / scale).toFixed(digits);
    return `| ${label} | ${show(median(p))} | ${show(p90(p))} | ${show(median(b))} | ${show(p90(b))} | ${(median(p) / median(b)).toFixed(2)}× |`;
  };
  const ms = (values: readonly number[]) => `${median(values).toFixed(0)} ms`;
  const calls = patrol.map((run) => run.calls);
  const phase = (name: keyof WalkPhases) => ms(bare.map((run) => run.phases[name]));
  const sampled = input.sampleMs > 0;
  // Peaks come from the /proc sampler; without it only the after-run figures exist.
  const peakRows = (rows: () => string[]) => (sampled ? rows() : []);
  const lines = [
    `machine: ${input.machine}`,
    `${patrol.length} rounds after an untimed round 0 (baseline recorded, browser warm on disk); ${sampled ? `memory sampled every ${input.sampleMs} ms` : "memory not sampled (--sample-ms 0)"}`,
    "",
    "| per run | patrol median | patrol p90 | bare walk median | bare walk p90 | patrol ÷ bare (medians) |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    row("wall seconds", (run) => run.seconds, 1, 2),
    ...peakRows(() => [
      row(
        "Chromium peak RSS, sum over its processes (MiB)",
        (run) => run.peaks.childRssBytes,
        MIB,
        0,
      ),
      row("Chromium peak anonymous memory, sum (MiB)", (run) => run.peaks.childAnonBytes, MIB, 0),
      row("Chromium processes (most at once)", (run) => run.peaks.childProcesses, 1, 0),
    ]),
    row("Node RSS after the run (MiB)", (run) => run.nodeRssBytes, MIB, 0),
    row("Node heap used after the run (MiB)", (run) => run.nodeHeapUsedBytes, MIB, 1),
    ...peakRows(() => [
      row("Node peak RSS during the run (MiB)", (run) => run.peaks.selfRssBytes, MIB, 0),
    ]),
    "",
    `bare walk phases (medians): launch ${phase("launch")}, context + pages ${phase("pages")}, journey to the submit ${phase("journey")}, submit to the provider's page ${phase("submit")}, close ${phase("close")}; the expire call afterwards ${ms(bare.map((run) => run.expireMs))} (not in its wall time)`,
    `patrol up to its first provider call (launch, pages, journey, submit; median): ${ms(patrol.map((run) => run.untilProviderMs))}, against ${ms(bare.map((run) => run.phases.launch + run.phases.pages + run.phases.journey + run.phases.submit))} for the bare walk's same phases`,
    `patrol's provider calls (medians): retrieve ${ms(calls.map((c) => c.retrieveMs))} (${calls.reduce((n, c) => n + c.retrieves, 0)} calls), expire ${ms(calls.map((c) => c.expireMs))} (${calls.reduce((n, c) => n + c.expires, 0)} calls)`,
    "",
    "| round | patrol s | bare s | patrol verdict | Chromium RSS MiB patrol / bare |",
    "| ---: | ---: | ---: | --- | ---: |",
  ];
  const mib = (run: RunMeasure | undefined) =>
    sampled && run !== undefined ? (run.peaks.childRssBytes / MIB).toFixed(0) : "-";
  for (const [index, run] of patrol.entries()) {
    const other = bare[index];
    const verdict = `${run.verdict}${run.problems.length > 0 ? ` (${run.problems.join("; ")})` : ""}`;
    lines.push(
      `| ${run.round} | ${run.seconds.toFixed(2)} | ${other?.seconds.toFixed(2) ?? "-"} | ${verdict} | ${mib(run)} / ${mib(other)} |`,
    );
  }
  return lines.join("\n");
}

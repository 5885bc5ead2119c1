/**
 * @module
 * Turns benchmark runs into the Markdown written to docs/benchmarks.md: per-run rows, medians
 * per route, and the ratios to the bare baseline.
 */
import type { BenchTarget } from "./bench-servers";

/** One measured run of one route. */
export interface Measured {
  readonly target: BenchTarget;
  readonly round: number;
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly total: number;
  readonly non2xx: number;
  readonly errors: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

/** The Markdown tables: medians first, then every run. */
export function benchReport(runs: readonly Measured[], targets: readonly BenchTarget[]): string {
  const medians = targets.map((target) => {
    const mine = runs.filter((run) => run.target === target);
    return {
      target,
      rps: median(mine.map((run) => run.requestsPerSecond)),
      p50: median(mine.map((run) => run.p50)),
      p99: median(mine.map((run) => run.p99)),
    };
  });
  const bare = medians.find((row) => row.target === "bare")?.rps ?? Number.NaN;
  return [
    "| route | requests/s (median) | p50 ms | p99 ms | × bare |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...medians.map(
      (row) =>
        `| ${row.target} | ${row.rps.toFixed(0)} | ${row.p50} | ${row.p99} | ${(row.rps / bare).toFixed(2)} |`,
    ),
    "",
    "| round | route | requests/s | p50 ms | p99 ms | requests | non-2xx | errors |",
    "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...runs.map(
      (run) =>
        `| ${run.round} | ${run.target} | ${run.requestsPerSecond.toFixed(0)} | ${run.p50} | ${run.p99} | ${run.total} | ${run.non2xx} | ${run.errors} |`,
    ),
  ].join("\n");
}

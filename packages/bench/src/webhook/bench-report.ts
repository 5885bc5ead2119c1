/**
 * @module
 * Turns benchmark runs into the Markdown written to docs/benchmarks.md (per-run rows, medians
 * per route, the ratios to the bare baseline) and into the medians the JSON results carry.
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
  /** CPU time (user + system) the server process spent per answered request, in ms. */
  readonly cpuMsPerRequest: number;
}

/** The medians of one route over its rounds. */
export interface RouteMedians {
  readonly target: BenchTarget;
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly cpuMsPerRequest: number;
  /** Median requests/s over the bare route's median requests/s. */
  readonly ratio: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

/** Per route, the median of each measure over its rounds, and its ratio to bare. */
export function routeMedians(
  runs: readonly Measured[],
  targets: readonly BenchTarget[],
): RouteMedians[] {
  const rows = targets.map((target) => {
    const mine = runs.filter((run) => run.target === target);
    return {
      target,
      requestsPerSecond: median(mine.map((run) => run.requestsPerSecond)),
      p50: median(mine.map((run) => run.p50)),
      p99: median(mine.map((run) => run.p99)),
      cpuMsPerRequest: median(mine.map((run) => run.cpuMsPerRequest)),
    };
  });
  const bare = rows.find((row) => row.target === "bare")?.requestsPerSecond ?? Number.NaN;
  return rows.map((row) => ({ ...row, ratio: row.requestsPerSecond / bare }));
}

const cpu = (ms: number) => (ms * 1000).toFixed(0);

/** The Markdown tables: medians first, then every run. */
export function benchReport(runs: readonly Measured[], targets: readonly BenchTarget[]): string {
  return [
    "| route | requests/s (median) | p50 ms | p99 ms | CPU µs/request | × bare |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    ...routeMedians(runs, targets).map(
      (row) =>
        `| ${row.target} | ${row.requestsPerSecond.toFixed(0)} | ${row.p50} | ${row.p99} | ${cpu(row.cpuMsPerRequest)} | ${row.ratio.toFixed(2)} |`,
    ),
    "",
    "| round | route | requests/s | p50 ms | p99 ms | CPU µs/request | requests | non-2xx | errors |",
    "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...runs.map(
      (run) =>
        `| ${run.round} | ${run.target} | ${run.requestsPerSecond.toFixed(0)} | ${run.p50} | ${run.p99} | ${cpu(run.cpuMsPerRequest)} | ${run.total} | ${run.non2xx} | ${run.errors} |`,
    ),
  ].join("\n");
}

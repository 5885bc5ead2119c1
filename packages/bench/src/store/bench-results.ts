/**
 * @module
 * The store benchmark's results: per-round rates and CPU per event, their medians and the
 * markdown table (the JSON file is written with ../results-file).
 */
import type { Measured } from "./bench-workload";

/** One alternating round: the store's run and the baseline's, on disjoint attempts. */
export interface Round {
  readonly store: Measured;
  readonly baseline: Measured;
}

/** The rounds of one scenario. */
export interface ScenarioRounds {
  readonly scenario: string;
  readonly rounds: readonly Round[];
}

/** A scenario's medians over its rounds. */
export interface ScenarioSummary {
  readonly scenario: string;
  /** Events per second (median round). */
  readonly store: number;
  readonly baseline: number;
  /** The median of the per-round ratios store ÷ baseline. */
  readonly ratio: number;
  /** CPU µs per event of the process(es) applying the events (median round). */
  readonly storeCpuMicros: number;
  readonly baselineCpuMicros: number;
  readonly rounds: readonly Round[];
}

/** The median of `values` (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
}

/** Medians of a scenario's rounds. */
export function summarize({ scenario, rounds }: ScenarioRounds): ScenarioSummary {
  const of = (pick: (round: Round) => number) => median(rounds.map(pick));
  return {
    scenario,
    store: of((r) => r.store.perSecond),
    baseline: of((r) => r.baseline.perSecond),
    ratio: of((r) => r.store.perSecond / r.baseline.perSecond),
    storeCpuMicros: of((r) => r.store.cpuMicros),
    baselineCpuMicros: of((r) => r.baseline.cpuMicros),
    rounds,
  };
}

/** The markdown table of the summaries. */
export function resultsTable(rows: readonly ScenarioSummary[]): string {
  return [
    "| scenario | store (events/s) | raw-driver baseline (events/s) | store ÷ baseline | CPU µs/event store / baseline |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...rows.map(
      (r) =>
        `| ${r.scenario} | ${r.store.toFixed(0)} | ${r.baseline.toFixed(0)} | ${r.ratio.toFixed(2)}× | ${r.storeCpuMicros.toFixed(0)} / ${r.baselineCpuMicros.toFixed(0)} |`,
    ),
  ].join("\n");
}

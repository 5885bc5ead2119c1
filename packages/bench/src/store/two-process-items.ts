/**
 * @module
 * The items of the 2-process PostgreSQL run: each round's events split between two workers, and
 * for each worker items of its own to warm up on before the first round (a fresh process runs
 * its first events unoptimized; both paths warm up alike). The parent seeds them all first.
 */
import { type BenchItem, benchItems } from "./bench-workload";

/** The labels of the store's and the baseline's items. */
export const TWO_PROCESS_LABELS = { store: "pg2-store", baseline: "pg2-base" } as const;

/** How many worker processes each path runs. */
export const WORKERS = 2;

/** The label of the warm-up items of worker `worker` (0 or 1) of a path. */
export function warmLabel(label: string, worker: number): string {
  return `${label}-warm-${worker}`;
}

/** For each round, the [from, to) item range of each worker. */
export function workerRanges(events: number, rounds: number): [number, number][][] {
  const size = Math.ceil(events / rounds);
  return Array.from({ length: rounds }, (_, round) => {
    const from = round * size;
    const to = Math.min(events, from + size);
    const middle = Math.floor((from + to) / 2);
    return [
      [from, middle],
      [middle, to],
    ];
  });
}

/** Every item the run applies, warm-up included, to seed beforehand. */
export function twoProcessItems(events: number, warm: number): BenchItem[] {
  return Object.values(TWO_PROCESS_LABELS).flatMap((label) =>
    [
      ...benchItems(label, events),
      ...Array.from({ length: WORKERS }, (_, worker) => benchItems(warmLabel(label, worker), warm)),
    ].flat(),
  );
}

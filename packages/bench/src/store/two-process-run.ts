/**
 * @module
 * The 2-process PostgreSQL run: two bench-worker processes per path, started and warmed up once
 * (see two-process-items). In each round both workers of a path start together and each applies
 * half of the round's events; throughput is all events over the slower worker's time, CPU per
 * event the two workers' CPU time over all events. Store and baseline alternate in rounds, as in
 * the single-process run.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { Round } from "./bench-results";
import type { Measured } from "./bench-workload";
import { TWO_PROCESS_LABELS, WORKERS, workerRanges } from "./two-process-items";

interface WorkerReport {
  readonly events: number;
  readonly seconds: number;
  readonly cpuMicros: number;
}

/** A running worker: send it a command, read its next output line. */
interface Worker {
  readonly child: ChildProcess;
  nextLine(): Promise<string>;
}

function startWorker(args: readonly string[]): Worker {
  const child = spawn(process.execPath, [join(__dirname, "bench-worker.js"), ...args], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  if (child.stdout === null) throw new Error("bench worker has no stdout");
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const exited = once(child, "exit").then(([code]) => {
    throw new Error(`bench worker exited (${String(code)})`);
  });
  exited.catch(() => undefined);
  return {
    child,
    async nextLine() {
      const next = await Promise.race([lines.next(), exited]);
      if (next.done) throw new Error("bench worker closed its output");
      return next.value;
    },
  };
}

/** Starts the two workers of `mode` and waits until both have warmed up. */
async function startPath(
  mode: "store" | "baseline",
  url: string,
  events: number,
  lanes: number,
  warm: number,
): Promise<Worker[]> {
  const workers = Array.from({ length: WORKERS }, (_, worker) =>
    startWorker([
      mode,
      url,
      TWO_PROCESS_LABELS[mode],
      String(events),
      String(lanes),
      String(worker),
      String(warm),
    ]),
  );
  for (const worker of workers) {
    if ((await worker.nextLine()) !== "ready") throw new Error("bench worker not ready");
  }
  return workers;
}

/** Runs one round of a path: worker i applies `ranges[i]`, all at once. */
async function round(workers: readonly Worker[], ranges: readonly [number, number][]) {
  workers.forEach((worker, i) => {
    const [from, to] = ranges[i] ?? [0, 0];
    worker.child.stdin?.write(`go ${from} ${to}\n`);
  });
  const reports = await Promise.all(
    workers.map(async (worker): Promise<WorkerReport> => JSON.parse(await worker.nextLine())),
  );
  const applied = reports.reduce((sum, r) => sum + r.events, 0);
  return {
    perSecond: applied / Math.max(...reports.map((r) => r.seconds)),
    cpuMicros: reports.reduce((sum, r) => sum + r.cpuMicros * r.events, 0) / applied,
  } satisfies Measured;
}

/** The rounds of store and baseline with two processes each (items seeded beforehand). */
export async function twoProcessRun(
  url: string,
  events: number,
  rounds: number,
  lanes: number,
  warm: number,
): Promise<Round[]> {
  // All four start and warm up at once; the timed rounds come after.
  const [baseline, store] = await Promise.all([
    startPath("baseline", url, events, lanes, warm),
    startPath("store", url, events, lanes, warm),
  ]);
  const paths = { baseline, store };
  try {
    const results: Round[] = [];
    for (const ranges of workerRanges(events, rounds)) {
      const baseline = await round(paths.baseline, ranges);
      const store = await round(paths.store, ranges);
      results.push({ store, baseline });
    }
    return results;
  } finally {
    const all = [...paths.baseline, ...paths.store];
    for (const worker of all) worker.child.stdin?.end();
    await Promise.all(
      all.map((worker) =>
        worker.child.exitCode === null && worker.child.signalCode === null
          ? once(worker.child, "exit")
          : undefined,
      ),
    );
  }
}

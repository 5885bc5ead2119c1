/**
 * @module
 * One process of the 2-process PostgreSQL run:
 * `node dist/store/bench-worker.js <store|baseline> <url> <label> <total> <lanes> <worker> <warm>`.
 * It opens its pool, applies its `warm` warm-up items (see two-process-items) and prints `ready`.
 * Then for each line `go <from> <to>` on stdin it applies items [from, to) and prints a JSON line:
 * how many it applied, the seconds it took and the CPU time it used (µs per event). It exits when
 * stdin closes.
 */
import { createInterface } from "node:readline";
import { createSqlStore } from "@linkpay/store-sql";
import { postgresBaseline } from "./baseline-postgres";
import { type BenchItem, benchItems, measure } from "./bench-workload";
import { applyThroughStore } from "./store-path";
import { warmLabel } from "./two-process-items";

async function main(): Promise<void> {
  const [mode, url, label, total, lanesArg, worker, warm] = process.argv.slice(2);
  if (url === undefined || label === undefined || worker === undefined || warm === undefined) {
    throw new Error(
      "usage: bench-worker <store|baseline> <url> <label> <total> <lanes> <worker> <warm>",
    );
  }
  const lanes = Number(lanesArg);
  const items = benchItems(label, Number(total));
  const store = mode === "store" ? createSqlStore({ url, poolSize: lanes }) : null;
  const baseline = mode === "store" ? null : postgresBaseline(url, lanes);
  const apply = (item: BenchItem) =>
    store ? applyThroughStore(store, item) : baseline?.apply(item);
  // Open the pool's connections and warm up before the first round.
  await Promise.all(
    Array.from({ length: lanes }, () =>
      store ? store.findLatestAttempt({ orderRef: "warm-up" }) : baseline?.warm(),
    ),
  );
  await measure(benchItems(warmLabel(label, Number(worker)), Number(warm)), lanes, apply);
  process.stdout.write("ready\n");
  for await (const line of createInterface({ input: process.stdin })) {
    const [command, from, to] = line.split(" ");
    if (command !== "go") continue;
    const round = items.slice(Number(from), Number(to));
    const run = await measure(round, lanes, apply);
    const report = {
      events: round.length,
      seconds: round.length / run.perSecond,
      cpuMicros: run.cpuMicros,
    };
    process.stdout.write(`${JSON.stringify(report)}\n`);
  }
  await store?.close();
  await baseline?.close();
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});

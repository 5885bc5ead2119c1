/**
 * @module
 * One process of the 2-process PostgreSQL run:
 * `node dist/store/bench-worker.js <store|baseline> <url> <label> <total> <from> <to> <lanes>`.
 * It prepares (applying the first tenth of its items to warm up), prints `ready`, waits for `go`
 * on stdin, applies the rest and prints how many it applied and the seconds it took.
 */
import { once } from "node:events";
import { createSqlStore } from "@linkpay/store-sql";
import { postgresBaseline } from "./baseline-postgres";
import { benchItems, measure } from "./bench-workload";
import { applyThroughStore } from "./store-path";

async function main(): Promise<void> {
  const [mode, url, label, total, from, to, lanesArg] = process.argv.slice(2);
  if (url === undefined || label === undefined || lanesArg === undefined) {
    throw new Error(
      "usage: bench-worker <store|baseline> <url> <label> <total> <from> <to> <lanes>",
    );
  }
  const lanes = Number(lanesArg);
  const all = benchItems(label, Number(total)).slice(Number(from), Number(to));
  const warm = all.slice(0, Math.ceil(all.length / 10));
  const items = all.slice(warm.length);
  const store = mode === "store" ? createSqlStore({ url, poolSize: lanes }) : null;
  const baseline = mode === "store" ? null : postgresBaseline(url, lanes);
  // Open the pool's connections before the clock starts.
  await Promise.all(
    Array.from({ length: lanes }, () =>
      store ? store.findLatestAttempt({ orderRef: "warm-up" }) : baseline?.warm(),
    ),
  );
  await measure(warm, lanes, (item) =>
    store ? applyThroughStore(store, item) : baseline?.apply(item),
  );
  process.stdout.write("ready\n");
  await once(process.stdin, "data");
  const rate = await measure(items, lanes, (item) =>
    store ? applyThroughStore(store, item) : baseline?.apply(item),
  );
  process.stdout.write(
    `${JSON.stringify({ events: items.length, seconds: items.length / rate })}\n`,
  );
  await store?.close();
  await baseline?.close();
  process.stdin.destroy();
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});

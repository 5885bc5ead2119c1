/**
 * @module
 * The store benchmark (never part of jest):
 *
 *     npm run bench:store -- [--events 3000] [--rounds 3] [--sqlite-only] [--verbose]
 *
 * Events applied per second through `payments.handleWebhook` on the SQL store (see store-path.ts),
 * against a hand-written raw-driver baseline doing the same writes in the same run: SQLite (one process, one file),
 * PostgreSQL (one process, 8 connections) and PostgreSQL with 2 processes (4 connections each).
 * Store and baseline alternate in rounds on disjoint attempts of the same tables. PostgreSQL is
 * found like the tests find it (`LINKPAY_TEST_DATABASE_URL`); a throwaway database is used.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createSqlStore, type SqlStore, sql } from "@linkpay/store-sql";
import { ThrowawayDatabase } from "@linkpay/store-sql/testing";
import Database from "better-sqlite3";
import { postgresBaseline } from "./baseline-postgres";
import { sqliteBaseline } from "./baseline-sqlite";
import { type BenchItem, benchItems, measure, seedBench } from "./bench-workload";
import { applyThroughStore } from "./store-path";
import { twoProcessRun } from "./two-process-run";

interface Row {
  readonly scenario: string;
  readonly store: number;
  readonly baseline: number;
}

const PG_LANES = 8;
/** `--verbose`: print every round. */
let verbose = false;

function chunks<T>(items: readonly T[], count: number): T[][] {
  const size = Math.ceil(items.length / count);
  return Array.from({ length: count }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/** Alternates store and baseline in rounds; returns events per second for each. */
async function alternate(
  store: readonly BenchItem[],
  baseline: readonly BenchItem[],
  rounds: number,
  runStore: (items: readonly BenchItem[]) => Promise<number>,
  runBaseline: (items: readonly BenchItem[]) => Promise<number>,
): Promise<{ store: number; baseline: number }> {
  let storeSeconds = 0;
  let baselineSeconds = 0;
  const storeChunks = chunks(store, rounds);
  const baselineChunks = chunks(baseline, rounds);
  for (let round = 0; round < rounds; round++) {
    const b = baselineChunks[round] ?? [];
    const s = storeChunks[round] ?? [];
    const baselineRate = await runBaseline(b);
    const storeRate = await runStore(s);
    if (verbose) {
      console.error(
        `  round ${round + 1}: store ${storeRate.toFixed(0)}/s, baseline ${baselineRate.toFixed(0)}/s`,
      );
    }
    baselineSeconds += b.length / baselineRate;
    storeSeconds += s.length / storeRate;
  }
  return { store: store.length / storeSeconds, baseline: baseline.length / baselineSeconds };
}

async function seeded(store: SqlStore, label: string, events: number) {
  const items = {
    warm: benchItems(`${label}-warm`, 200),
    store: benchItems(`${label}-store`, events),
    baseline: benchItems(`${label}-base`, events),
  };
  await store.migrate();
  await seedBench(store, [...items.warm, ...items.store, ...items.baseline]);
  return items;
}

async function sqliteRun(events: number, rounds: number): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), "linkpay-bench-"));
  const file = join(dir, "bench.db");
  const store = createSqlStore({ url: `sqlite:${file}` });
  try {
    const items = await seeded(store, "sqlite", events);
    const baseline = sqliteBaseline(file, "full");
    const warm = chunks(items.warm, 2);
    await measure(warm[0] ?? [], 1, (item) => applyThroughStore(store, item));
    await measure(warm[1] ?? [], 1, (item) => baseline.apply(item));
    const rates = await alternate(
      items.store,
      items.baseline,
      rounds,
      (chunk) => measure(chunk, 1, (item) => applyThroughStore(store, item)),
      (chunk) => measure(chunk, 1, (item) => baseline.apply(item)),
    );
    baseline.close();
    return { scenario: "SQLite file, 1 process", ...rates };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgresRuns(
  events: number,
  rounds: number,
): Promise<{ rows: Row[]; server: string }> {
  const database = new ThrowawayDatabase();
  await database.create();
  const store = createSqlStore({ url: database.url, poolSize: PG_LANES });
  try {
    const items = await seeded(store, "pg", events);
    const server =
      (await sql<{ v: string }>`select version() as v`.execute(store.db)).rows[0]?.v ?? "";
    const baseline = postgresBaseline(database.url, PG_LANES);
    const warm = chunks(items.warm, 2);
    await measure(warm[0] ?? [], PG_LANES, (item) => applyThroughStore(store, item));
    await measure(warm[1] ?? [], PG_LANES, (item) => baseline.apply(item));
    const single = await alternate(
      items.store,
      items.baseline,
      rounds,
      (chunk) => measure(chunk, PG_LANES, (item) => applyThroughStore(store, item)),
      (chunk) => measure(chunk, PG_LANES, (item) => baseline.apply(item)),
    );
    await baseline.close();
    const two = {
      store: benchItems("pg2-store", events),
      baseline: benchItems("pg2-base", events),
    };
    await seedBench(store, [...two.store, ...two.baseline]);
    const double = await twoProcessRun(database.url, events, rounds, PG_LANES / 2);
    return {
      rows: [
        { scenario: `PostgreSQL, 1 process × ${PG_LANES} connections`, ...single },
        { scenario: `PostgreSQL, 2 processes × ${PG_LANES / 2} connections`, ...double },
      ],
      server,
    };
  } finally {
    await store.close();
    await database.drop();
  }
}

function sqliteVersion(): string {
  const db = new Database(":memory:");
  const row: unknown = db.prepare("select sqlite_version() as v").get();
  db.close();
  return typeof row === "object" && row !== null && "v" in row ? String(row.v) : "?";
}

function table(rows: readonly Row[]): string {
  const lines = [
    "| scenario | store (events/s) | raw-driver baseline (events/s) | store ÷ baseline |",
    "| --- | ---: | ---: | ---: |",
    ...rows.map(
      (r) =>
        `| ${r.scenario} | ${r.store.toFixed(0)} | ${r.baseline.toFixed(0)} | ${(r.store / r.baseline).toFixed(2)}× |`,
    ),
  ];
  return lines.join("\n");
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      events: { type: "string", default: "3000" },
      rounds: { type: "string", default: "3" },
      "sqlite-only": { type: "boolean", default: false },
      verbose: { type: "boolean", default: false },
    },
  });
  verbose = values.verbose;
  const events = Math.min(Math.max(Number(values.events) || 0, 100), 50_000);
  const rounds = Math.min(Math.max(Number(values.rounds) || 0, 1), 10);
  console.log(
    `node ${process.version}, ${availableParallelism()} CPUs (${cpus()[0]?.model ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, SQLite ${sqliteVersion()}`,
  );
  const sqlite = await sqliteRun(events, rounds);
  const postgres = values["sqlite-only"]
    ? { rows: [], server: "(skipped)" }
    : await postgresRuns(events, rounds);
  console.log(`PostgreSQL: ${postgres.server}`);
  console.log(`${events} events per path and scenario, ${rounds} alternating rounds\n`);
  console.log(table([sqlite, ...postgres.rows]));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

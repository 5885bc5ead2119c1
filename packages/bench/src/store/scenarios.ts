/**
 * @module
 * The store benchmark's scenarios: seeding, warm-up, rounds in which store and baseline alternate
 * (baseline first) on disjoint attempts of the same tables, and the optional profiled passes.
 * SQLite: one process, one file. PostgreSQL: one process with 8 connections, then 2 processes
 * with 4 each (see two-process-run).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSqlStore, type SqlStoreOptions, sql } from "@linkpay/store-sql";
import { ThrowawayDatabase } from "@linkpay/store-sql/testing";
import { postgresBaseline } from "./baseline-postgres";
import { sqliteBaseline } from "./baseline-sqlite";
import type { Round, ScenarioRounds } from "./bench-results";
import { type BenchItem, benchItems, type Measured, measure, seedBench } from "./bench-workload";
import { profiled } from "./cpu-profile";
import { applyThroughStore } from "./store-path";
import { twoProcessItems } from "./two-process-items";
import { twoProcessRun } from "./two-process-run";

/** How a run goes (see store-bench for the options). */
export interface Settings {
  readonly events: number;
  readonly rounds: number;
  /**
   * Events each path applies untimed first, in each process: the store's path is far more code
   * than the baseline's, and a short warm-up would time V8 optimizing it rather than the steady
   * state a running server is in. Both paths warm up alike.
   */
  readonly warm: number;
  readonly sqliteOnly: boolean;
  readonly verbose: boolean;
  /** Where `.cpuprofile` files go, when profiling. */
  readonly profileDir: string | undefined;
}

/** The two paths of one in-process scenario. */
interface Paths {
  readonly lanes: number;
  store(item: BenchItem): Promise<void>;
  baseline(item: BenchItem): Promise<void> | void;
}

const PG_LANES = 8;

function chunks<T>(items: readonly T[], count: number): T[][] {
  const size = Math.ceil(items.length / count);
  return Array.from({ length: count }, (_, i) => items.slice(i * size, (i + 1) * size));
}

function describeRound(index: number, round: Round): string {
  const path = (m: Measured) => `${m.perSecond.toFixed(0)}/s ${m.cpuMicros.toFixed(0)} µs CPU`;
  return `  round ${index + 1}: store ${path(round.store)}, baseline ${path(round.baseline)}`;
}

/**
 * Migrates and stores every item's attempt through a store of its own whose commits do not wait
 * for the disk (SQLite `synchronous = NORMAL`, PostgreSQL `synchronous_commit = off`): seeding is
 * not measured, and the measured store and baseline open their own connections afterwards.
 */
async function seed(options: SqlStoreOptions, items: readonly BenchItem[]): Promise<void> {
  const seeder = createSqlStore(options);
  try {
    await seeder.migrate();
    await seedBench(seeder, items);
  } finally {
    await seeder.close();
  }
}

/** The items of one in-process scenario. */
function scenarioItems(label: string, settings: Settings) {
  const profiling = settings.profileDir !== undefined;
  return {
    warm: benchItems(`${label}-warm`, 2 * settings.warm),
    store: benchItems(`${label}-store`, settings.events),
    baseline: benchItems(`${label}-base`, settings.events),
    profileStore: profiling ? benchItems(`${label}-prof-store`, settings.events) : [],
    profileBaseline: profiling ? benchItems(`${label}-prof-base`, settings.events) : [],
  };
}

/** Warm-up, alternating rounds (baseline first), then the profiled passes if asked. */
async function runScenario(
  scenario: string,
  items: ReturnType<typeof scenarioItems>,
  paths: Paths,
  settings: Settings,
): Promise<ScenarioRounds> {
  const { lanes } = paths;
  const [warmStore = [], warmBaseline = []] = chunks(items.warm, 2);
  await measure(warmStore, lanes, paths.store);
  await measure(warmBaseline, lanes, paths.baseline);
  const storeChunks = chunks(items.store, settings.rounds);
  const baselineChunks = chunks(items.baseline, settings.rounds);
  const rounds: Round[] = [];
  for (let index = 0; index < settings.rounds; index++) {
    const baseline = await measure(baselineChunks[index] ?? [], lanes, paths.baseline);
    const store = await measure(storeChunks[index] ?? [], lanes, paths.store);
    rounds.push({ store, baseline });
    if (settings.verbose) console.error(describeRound(index, { store, baseline }));
  }
  const { profileDir } = settings;
  if (profileDir !== undefined) {
    const name = scenario.replace(/[^A-Za-z0-9]+/g, "-").toLowerCase();
    for (const [path, run, work] of [
      ["store", paths.store, items.profileStore],
      ["baseline", paths.baseline, items.profileBaseline],
    ] as const) {
      const file = await profiled(profileDir, `${name}-${path}`, () => measure(work, lanes, run));
      console.error(`profile: ${file}`);
    }
  }
  return { scenario, rounds };
}

/** The SQLite scenario. */
export async function sqliteRun(settings: Settings): Promise<ScenarioRounds> {
  const dir = mkdtempSync(join(tmpdir(), "linkpay-bench-"));
  const file = join(dir, "bench.db");
  const url = `sqlite:${file}`;
  const items = scenarioItems("sqlite", settings);
  await seed({ url, sqliteSynchronous: "normal" }, Object.values(items).flat());
  const store = createSqlStore({ url });
  try {
    const baseline = sqliteBaseline(file, "full");
    try {
      return await runScenario(
        "SQLite file, 1 process",
        items,
        {
          lanes: 1,
          store: (item) => applyThroughStore(store, item),
          baseline: (item) => baseline.apply(item),
        },
        settings,
      );
    } finally {
      baseline.close();
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The PostgreSQL scenarios, and the server's version line. */
export async function postgresRuns(
  settings: Settings,
): Promise<{ scenarios: ScenarioRounds[]; server: string }> {
  const database = new ThrowawayDatabase();
  await database.create();
  const { events, rounds, warm } = settings;
  const items = scenarioItems("pg", settings);
  await seed(
    {
      url: `${database.url}?options=${encodeURIComponent("-c synchronous_commit=off")}`,
      poolSize: PG_LANES,
    },
    [...Object.values(items).flat(), ...twoProcessItems(events, warm)],
  );
  const store = createSqlStore({ url: database.url, poolSize: PG_LANES });
  try {
    const server =
      (await sql<{ v: string }>`select version() as v`.execute(store.db)).rows[0]?.v ?? "";
    const baseline = postgresBaseline(database.url, PG_LANES);
    let single: ScenarioRounds;
    try {
      single = await runScenario(
        `PostgreSQL, 1 process × ${PG_LANES} connections`,
        items,
        {
          lanes: PG_LANES,
          store: (item) => applyThroughStore(store, item),
          baseline: (item) => baseline.apply(item),
        },
        settings,
      );
    } finally {
      await baseline.close();
    }
    const double: ScenarioRounds = {
      scenario: `PostgreSQL, 2 processes × ${PG_LANES / 2} connections`,
      rounds: await twoProcessRun(database.url, events, rounds, PG_LANES / 2, warm),
    };
    if (settings.verbose) {
      for (const [index, round] of double.rounds.entries()) {
        console.error(describeRound(index, round));
      }
    }
    return { scenarios: [single, double], server };
  } finally {
    await store.close();
    await database.drop();
  }
}

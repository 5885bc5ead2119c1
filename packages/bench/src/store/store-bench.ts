/**
 * @module
 * The store benchmark (never part of jest):
 *
 *     npm run bench:store -- [--events 3000] [--rounds 3] [--quick] [--sqlite-only] [--verbose]
 *                            [--cpu-prof <dir>]
 *
 * Events applied per second through `payments.handleWebhook` on the SQL store (see store-path.ts),
 * against a hand-written raw-driver baseline doing the same writes in the same run: SQLite (one
 * process, one file), PostgreSQL (one process, 8 connections) and PostgreSQL with 2 processes
 * (4 connections each); see scenarios.ts. Each scenario reports median rounds, the median
 * per-round ratio and the CPU time per event of the process(es) applying the events. PostgreSQL
 * is found like the tests find it (`LINKPAY_TEST_DATABASE_URL`); a throwaway database is used.
 * Results also go to `artifacts/bench/store.json`, with each scenario's ratio against the target
 * (0.9×) for the quick mode's runner.
 *
 * `--quick` is a short run for CI (1000 events in 5 rounds, a shorter warm-up; about 10 s).
 * `--cpu-prof <dir>` writes a `.cpuprofile` of each path in the one-process scenarios, taken in an
 * extra pass after the timed rounds so the profiler's cost never reaches the ratios.
 */
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { machineLine, resultsFile, saveResults } from "../results-file";
import { resultsTable, summarize } from "./bench-results";
import { postgresRuns, type Settings, sqliteRun } from "./scenarios";

/** The target for every scenario: the store at least 0.9× the raw driver. */
const TARGET_RATIO = 0.9;
/** The defaults, and `--quick`'s: shorter, but more rounds, whose median outlasts a busy moment. */
const DEFAULTS = {
  full: { events: 3000, rounds: 3, warm: 1000 },
  quick: { events: 1000, rounds: 5, warm: 800 },
} as const;

function sqliteVersion(): string {
  const db = new Database(":memory:");
  const row: unknown = db.prepare("select sqlite_version() as v").get();
  db.close();
  return typeof row === "object" && row !== null && "v" in row ? String(row.v) : "?";
}

function settingsFromArgs(): Settings {
  const { values } = parseArgs({
    options: {
      events: { type: "string" },
      rounds: { type: "string" },
      quick: { type: "boolean", default: false },
      "sqlite-only": { type: "boolean", default: false },
      verbose: { type: "boolean", default: false },
      "cpu-prof": { type: "string" },
    },
  });
  const defaults = values.quick ? DEFAULTS.quick : DEFAULTS.full;
  const events = Number(values.events ?? defaults.events) || 0;
  return {
    events: Math.min(Math.max(events, 100), 50_000),
    warm: defaults.warm,
    rounds: Math.min(Math.max(Number(values.rounds ?? defaults.rounds) || 0, 1), 10),
    sqliteOnly: values["sqlite-only"],
    verbose: values.verbose,
    profileDir: values["cpu-prof"],
  };
}

async function main(): Promise<void> {
  const settings = settingsFromArgs();
  const machine = `${machineLine()}, SQLite ${sqliteVersion()}`;
  console.log(machine);
  const sqlite = await sqliteRun(settings);
  const postgres = settings.sqliteOnly
    ? { scenarios: [], server: "(skipped)" }
    : await postgresRuns(settings);
  const summaries = [sqlite, ...postgres.scenarios].map(summarize);
  console.log(`PostgreSQL: ${postgres.server}`);
  console.log(
    `${settings.events} events per path and scenario, ${settings.rounds} alternating rounds (medians)\n`,
  );
  console.log(resultsTable(summaries));
  const saved = saveResults(resultsFile("store.json"), {
    benchmark: "store",
    command: ["npm run bench:store --", ...process.argv.slice(2)].join(" "),
    machine,
    postgres: postgres.server,
    date: new Date().toISOString(),
    settings,
    scenarios: summaries,
    // What the quick mode's runner checks (rental-car harness, quick-ratios.ts).
    ratios: summaries.map((summary) => ({
      path: `store, ${summary.scenario} ÷ raw driver`,
      value: summary.ratio,
      target: TARGET_RATIO,
      better: "higher",
    })),
  });
  console.error(`results: ${saved}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

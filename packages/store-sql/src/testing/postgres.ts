/**
 * @module
 * The one place tests get PostgreSQL from. The server comes from `LINKPAY_TEST_DATABASE_URL`
 * (default `postgres://postgres@127.0.0.1:5432/postgres`); each suite gets a throwaway database
 * with a random name, dropped afterwards. Without a reachable server the suites are skipped with
 * the reason printed — except under `CI=true`, where they fail.
 */
import { spawnSync } from "node:child_process";
import { loadDriver } from "../engines/load-driver";
import { adminUrl, TEST_DATABASE_URL_VARIABLE, ThrowawayDatabase } from "./throwaway-database";

export { adminUrl, TEST_DATABASE_URL_VARIABLE, ThrowawayDatabase };

let availability: { ok: true } | { ok: false; reason: string } | undefined;

/** Asks a child process to run `select 1` (describe blocks are registered synchronously). */
function probe(): { ok: true } | { ok: false; reason: string } {
  const script = `
    const { Client } = require(process.argv[1]);
    const client = new Client({ connectionString: process.argv[2], connectionTimeoutMillis: 3000 });
    client.connect().then(() => client.query("select 1")).then(
      () => client.end().then(() => process.exit(0)),
      (error) => { console.error(error.message); process.exit(1); });`;
  // Resolved like the store resolves it: without `pg`, the install line rather than a bare
  // "Cannot find module".
  const pg = loadDriver<string>("pg", require.resolve);
  const child = spawnSync(process.execPath, ["-e", script, pg, adminUrl()], {
    encoding: "utf8",
    timeout: 10_000,
  });
  if (child.status === 0) return { ok: true };
  const why = child.stderr.trim() || child.error?.message || "no answer";
  return { ok: false, reason: `PostgreSQL (${TEST_DATABASE_URL_VARIABLE}) is unreachable: ${why}` };
}

/** Whether the test server answers (checked once per test file). */
export function postgresAvailability(): { ok: true } | { ok: false; reason: string } {
  availability ??= probe();
  return availability;
}

/**
 * Registers a suite that needs PostgreSQL: a throwaway database is created before its tests and
 * dropped after them. See the module comment for what happens without a server.
 */
export function describePostgres(name: string, body: (database: ThrowawayDatabase) => void): void {
  // Loaded here, not at the top: the rest of this entry point works outside jest too.
  const {
    afterAll,
    beforeAll,
    describe,
    it,
  }: typeof import("@jest/globals") = require("@jest/globals");
  const state = postgresAvailability();
  const database = new ThrowawayDatabase();
  if (!state.ok) {
    if (process.env.CI === "true") {
      describe(name, () => {
        it("has the PostgreSQL server CI requires", () => {
          throw new Error(`${state.reason} (CI=true: PostgreSQL suites must not be skipped)`);
        });
      });
      return;
    }
    console.warn(
      `Skipping "${name}": ${state.reason}. Start it or set ${TEST_DATABASE_URL_VARIABLE}.`,
    );
    // biome-ignore lint/suspicious/noSkippedTests: skipped only without a server, never under CI=true.
    describe.skip(name, () => body(database));
    return;
  }
  describe(name, () => {
    beforeAll(() => database.create());
    body(database);
    // Registered after the body's hooks, so it runs after they closed their pools.
    afterAll(() => database.drop());
  });
}

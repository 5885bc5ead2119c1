/**
 * @module
 * `node packages/rental-car-harness/dist/bench/checkout-bench.js [--seconds 5] [--rounds 3]
 * [--connections 8] [--sqlite-only] [--quick] [--cpu-prof <dir>]`: checkout start through the
 * whole app against a bare Express route making the same single create-session call to the same
 * sandbox with the official SDK. Two app paths are measured, each on its own app process and
 * database, in alternating rounds with the bare route:
 *
 * - the payment start alone, the issue's path: `POST /bookings` with a confirmed draft → pricing
 *   again, booking and car hold in the database, linkpay's attempt, the provider call, the
 *   redirect guard, 303 (the drafts are confirmed through the app, untimed, before each run, by
 *   a twin app process on the same database; checkout-drafts.ts, checkout-rounds.ts);
 * - the whole checkout as a shopper's browser makes it: `POST /book/confirm` (validation, pricing,
 *   the draft, 303) then that `POST /bookings` — two requests per checkout.
 *
 * A checkout counts when it reaches a new hosted page (checkout-flow.ts); a run where fewer than
 * 95 % of the answers are the expected 303s fails the bench with what came back instead, and
 * nothing is reported. `--quick` (CI): 2-second runs, 3 rounds, SQLite at its default durability
 * only (and PostgreSQL without `--sqlite-only`), about 35 s. Every server runs in its own process;
 * autocannon runs here. Results: `artifacts/bench/checkout.json` (see checkout-report.ts).
 */
import { type ChildProcess, fork, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSandbox } from "@linkpay/sandbox";
import { createSqlStore, sql } from "@linkpay/store-sql";
import { APP_MAIN } from "../app-files";
import { waitForPort } from "../reliability/wait-for-port";
import { bareCheckoutApp } from "./bare-checkout-server";
import { machineLine, saveResults } from "./bench-results";
import { BenchFailure, type CheckoutPath, type Measured } from "./checkout-measure";
import { checkoutReport, comparisonsOf, targetRatios } from "./checkout-report";
import { measureSetting, type RoundSettings, type Server } from "./checkout-rounds";

/** The settings of a run, from the command line. */
interface Settings extends RoundSettings {
  readonly sqliteOnly: boolean;
  readonly quick: boolean;
}

function option(argv: readonly string[], name: string, fallback: number): number {
  const at = argv.indexOf(name);
  return at >= 0 ? Number(argv[at + 1]) : fallback;
}

function settingsOf(argv: readonly string[]): Settings {
  const quick = argv.includes("--quick");
  return {
    seconds: option(argv, "--seconds", quick ? 2 : 5),
    rounds: option(argv, "--rounds", 3),
    warmUpSeconds: 2,
    connections: option(argv, "--connections", 8),
    sqliteOnly: argv.includes("--sqlite-only"),
    quick,
  };
}

function fromChild(child: ChildProcess): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`child exited with ${code}`)));
    child.once("message", (message) =>
      resolve(typeof message === "object" && message !== null ? { ...message } : {}),
    );
  });
}

/** Child modes: the sandbox, or the bare baseline. */
async function child(mode: string): Promise<void> {
  if (mode === "sandbox") {
    const sandbox = createSandbox({ apiKey: process.argv[4] ?? "", expirySweepMs: 0 });
    const { origin } = await sandbox.listen();
    process.send?.({ origin });
    process.on("disconnect", () => sandbox.close().then(() => process.exit(0)));
    return;
  }
  const app = bareCheckoutApp(process.argv[4] ?? "", process.argv[5] ?? "");
  const server = app.listen(0, "127.0.0.1", () => {
    const address = server.address();
    process.send?.({ port: typeof address === "object" && address ? address.port : 0 });
  });
  process.on("disconnect", () => server.close(() => process.exit(0)));
}

/** A database of its own on the test server (`LINKPAY_TEST_DATABASE_URL`), dropped afterwards. */
async function throwawayPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin =
    process.env.LINKPAY_TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `linkpay_bench_${randomBytes(6).toString("hex")}`;
  const store = createSqlStore({ url: admin });
  await sql`create database ${sql.id(name)}`.execute(store.db);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await sql`drop database if exists ${sql.id(name)} with (force)`.execute(store.db);
      await store.close();
    },
  };
}

/** One app setting: its database (one per app process) and environment. */
interface AppSetting {
  readonly name: string;
  readonly url: (path: CheckoutPath) => Promise<string>;
  readonly env: Readonly<Record<string, string>>;
}

/** The secrets an app starts with; two apps with the same ones take each other's cookies. */
function appSecrets(): Readonly<Record<string, string>> {
  return {
    STRIPE_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString("base64url")}`,
    SESSION_SECRET: randomBytes(32).toString("base64url"),
  };
}

/** Starts the app as `node dist/main.js` against the sandbox; returns it as a server and a stop. */
async function startApp(
  input: { readonly databaseUrl: string; readonly env: Readonly<Record<string, string>> },
  sandbox: { readonly origin: string; readonly key: string },
  port: number,
  profileName: string,
): Promise<Server & { stop: () => void }> {
  // `--cpu-prof <dir>` profiles the app processes (V8 writes a .cpuprofile when each exits).
  const profile = process.argv.indexOf("--cpu-prof");
  const profiling =
    profile >= 0
      ? [
          "--cpu-prof",
          "--cpu-prof-dir",
          process.argv[profile + 1] ?? ".",
          "--cpu-prof-name",
          `${profileName}.cpuprofile`,
        ]
      : [];
  const app = spawn(process.execPath, [...profiling, APP_MAIN], {
    env: {
      ...process.env,
      PORT: String(port),
      // The staff console on a free port of its own: a fixed one would clash between apps.
      CONSOLE_PORT: "0",
      DATABASE_URL: input.databaseUrl,
      STRIPE_SECRET_KEY: sandbox.key,
      STRIPE_API_URL: sandbox.origin,
      RECONCILE_INTERVAL_SECONDS: "0",
      // The load comes from loopback, one X-Forwarded-For address per request, as behind a proxy.
      TRUST_PROXY: "loopback",
      ...input.env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitForPort(port, 30_000);
  return { url: `http://127.0.0.1:${port}`, pid: app.pid, stop: () => app.kill("SIGTERM") };
}

/** The settings measured: SQLite (default and synchronous=normal; quick: default), PostgreSQL. */
function appSettings(directory: string, settings: Settings, postgres: () => Promise<string>) {
  const sqlite = (file: string) => async (path: CheckoutPath) =>
    `sqlite:${join(directory, `${file}-${path}.db`)}`;
  const all: AppSetting[] = [
    { name: "app on SQLite", url: sqlite("bench"), env: {} },
    ...(settings.quick
      ? []
      : [
          {
            name: "app on SQLite, synchronous=normal",
            url: sqlite("bench-normal"),
            env: { SQLITE_SYNCHRONOUS: "normal" },
          },
        ]),
    ...(settings.sqliteOnly ? [] : [{ name: "app on PostgreSQL", url: postgres, env: {} }]),
  ];
  return all;
}

async function main(): Promise<void> {
  const settings = settingsOf(process.argv.slice(2));
  const key = `sk_test_${randomBytes(16).toString("hex")}`;
  const sandboxChild = fork(__filename, ["--child", "sandbox", key], { stdio: "inherit" });
  const { origin } = (await fromChild(sandboxChild)) as { origin: string };
  const bareChild = fork(__filename, ["--child", "bare", origin, key], { stdio: "inherit" });
  const { port: barePort } = (await fromChild(bareChild)) as { port: number };
  const bare = { url: `http://127.0.0.1:${barePort}`, pid: bareChild.pid };
  const sandbox = { url: origin, pid: sandboxChild.pid };

  const directory = mkdtempSync(join(tmpdir(), "checkout-bench-"));
  const databases: { drop: () => Promise<void> }[] = [];
  const postgres = async () => {
    const database = await throwawayPostgres();
    databases.push(database);
    return database.url;
  };
  const runs: Measured[] = [];
  let port = 41_000 + Math.floor(Math.random() * 1000);
  try {
    for (const setting of appSettings(directory, settings, postgres)) {
      const slug = setting.name
        .replace(/^app on /, "")
        .replace(/\W+/g, "-")
        .toLowerCase();
      const started: { stop: () => void }[] = [];
      const start = async (name: string, databaseUrl: string, secrets: Record<string, string>) => {
        const env = { ...setting.env, ...secrets };
        const app = await startApp(
          { databaseUrl, env },
          { origin, key },
          port++,
          `${slug}-${name}`,
        );
        started.push(app);
        return app;
      };
      try {
        // The payment start's app, and a twin on its database (same secrets) confirming its drafts.
        const bookDatabase = await setting.url("book");
        const secrets = appSecrets();
        const book = await start("book", bookDatabase, secrets);
        const drafts = await start("drafts", bookDatabase, secrets);
        const checkout = await start("checkout", await setting.url("checkout"), appSecrets());
        const servers = { book, drafts, checkout, bare, sandbox };
        runs.push(...(await measureSetting(setting.name, servers, settings)));
      } finally {
        for (const app of started) app.stop();
      }
    }
  } finally {
    sandboxChild.disconnect();
    bareChild.disconnect();
    for (const database of databases) await database.drop();
    rmSync(directory, { recursive: true, force: true });
  }
  const comparisons = comparisonsOf(runs);
  const header = [
    `machine: ${machineLine()}`,
    `load: autocannon, ${settings.connections} connections, ${settings.seconds} s per run after a ${settings.warmUpSeconds} s warm-up, ${settings.rounds} alternating rounds (payment start, bare route, whole checkout); a checkout counts when it reaches a new hosted page; payment start: POST /bookings alone, its drafts confirmed untimed before each run; whole checkout: POST /book/confirm 303 + POST /bookings 303; bare route: one POST 303; latency per request; CPU: the server process's, per checkout`,
  ];
  process.stdout.write(`${checkoutReport(runs, comparisons, header)}\n`);
  const saved = saveResults("checkout.json", {
    machine: machineLine(),
    settings,
    ratios: targetRatios(comparisons),
    comparisons,
    runs,
  });
  process.stderr.write(`results: ${saved}\n`);
}

if (process.argv[2] === "--child") {
  child(process.argv[3] ?? "").catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
} else {
  main().catch((error: unknown) => {
    const message = error instanceof BenchFailure ? `bench failed: ${error.message}` : undefined;
    process.stderr.write(`${message ?? (error instanceof Error ? error.stack : String(error))}\n`);
    process.exitCode = 1;
  });
}

/**
 * @module
 * `node packages/rental-car-harness/dist/bench/checkout-bench.js [--seconds 5] [--rounds 3]
 * [--connections 8] [--sqlite-only] [--cpu-prof <dir>]`: checkout start through the whole app, as
 * a shopper's browser does it (`POST /book/confirm` → validation, pricing, the draft, 303; then
 * `POST /bookings` with the draft → pricing again, booking and car hold in the database, linkpay's
 * attempt, the provider call, the redirect guard, 303) against a bare Express route making the
 * same single create-session call to the same sandbox. A checkout is two requests for the app and
 * one for the bare route; it counts when it reaches a hosted page (checkout-flow.ts). A run where
 * fewer than 95 % of the answers are the expected 303s fails the bench with what came back
 * instead, and nothing is reported. Every server runs in its own process; autocannon runs here.
 */
import { type ChildProcess, fork, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formFields, HttpShopper } from "@linkpay/rental-car-http-client";
import { createSandbox } from "@linkpay/sandbox";
import { createSqlStore, sql } from "@linkpay/store-sql";
import autocannon from "autocannon";
import { APP_MAIN } from "../app-files";
import { waitForPort } from "../reliability/wait-for-port";
import { bareCheckoutApp } from "./bare-checkout-server";
import { machineLine, saveResults } from "./bench-results";
import { appFlow, bareFlow, type CheckoutFlow, firstSearch } from "./checkout-flow";

const WARM_UP_SECONDS = 2;

interface Settings {
  readonly seconds: number;
  readonly rounds: number;
  readonly connections: number;
  readonly sqliteOnly: boolean;
}

/** One measured run. */
interface Measured {
  readonly subject: string;
  readonly round: number;
  /** Checkouts per second. */
  readonly rps: number;
  /** Per request, in ms. */
  readonly p50: number;
  readonly p99: number;
  /** Requests per checkout. */
  readonly steps: number;
  /** Checkouts that reached a hosted page. */
  readonly checkouts: number;
  /** Requests answered, and how many of them with the expected 303. */
  readonly answers: number;
  readonly expected: number;
  /** Connection errors and time-outs. */
  readonly errors: number;
  /** The first answers that were not the expected 303. */
  readonly unexpected: readonly string[];
  /** Latency percentiles in ms, for the chart (`p50`, `p90`, `p99`, …). */
  readonly percentiles: Readonly<Record<string, number>>;
}

function option(argv: readonly string[], name: string, fallback: number): number {
  const at = argv.indexOf(name);
  return at >= 0 ? Number(argv[at + 1]) : fallback;
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

/** Below this share of expected 303s a run measured failures, not checkouts: the bench fails. */
const MIN_EXPECTED_SHARE = 0.95;

/** A run whose answers were not the checkouts it set out to measure. */
class BenchFailure extends Error {}

function shareOf(run: Measured): number {
  return run.expected / Math.max(1, run.answers + run.errors);
}

/** Throws a {@link BenchFailure} naming what came back when too few answers were the 303s expected. */
function assertCounted(run: Measured): void {
  const share = shareOf(run);
  if (share >= MIN_EXPECTED_SHARE) return;
  throw new BenchFailure(
    [
      `${run.subject}, ${run.round === 0 ? "warm-up" : `round ${run.round}`}: ${(share * 100).toFixed(1)} % of ${run.answers} answers were the expected 303 (at least ${MIN_EXPECTED_SHARE * 100} % needed), ${run.errors} connection errors or time-outs. First unexpected:`,
      ...run.unexpected.map((line) => `  ${line}`),
      "No numbers are reported: fix the flow in checkout-flow.ts so every checkout reaches the hosted page.",
    ].join("\n"),
  );
}

/** One timed run of `flow` against `url`. */
async function measure(
  where: { readonly subject: string; readonly round: number; readonly url: string },
  settings: Settings,
  flow: CheckoutFlow,
): Promise<Measured> {
  const result = await autocannon({
    url: where.url,
    connections: settings.connections,
    duration: settings.seconds,
    requests: flow.requests,
  });
  const count = flow.take();
  return {
    subject: where.subject,
    round: where.round,
    steps: flow.steps,
    rps: count.checkouts / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    checkouts: count.checkouts,
    answers: count.answers,
    expected: count.expected,
    errors: result.errors + result.timeouts,
    unexpected: count.unexpected,
    percentiles: percentilesOf(result.latency),
  };
}

/** autocannon's latency percentiles (`p2_5` → `p2.5`). */
function percentilesOf(latency: autocannon.Histogram): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(latency)) {
    if (/^p\d/.test(key) && typeof value === "number") out[key.replace("_", ".")] = value;
  }
  return out;
}

/** Starts the app as `node dist/main.js` against the sandbox; returns its URL and a stop. */
async function startApp(
  subject: { readonly url: string; readonly env: Readonly<Record<string, string>> },
  origin: string,
  key: string,
  port: number,
) {
  // `--cpu-prof <dir>` profiles the app processes (V8 writes a .cpuprofile when each exits).
  const profile = process.argv.indexOf("--cpu-prof");
  const profiling =
    profile >= 0 ? ["--cpu-prof", "--cpu-prof-dir", process.argv[profile + 1] ?? "."] : [];
  const app = spawn(process.execPath, [...profiling, APP_MAIN], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: subject.url,
      STRIPE_SECRET_KEY: key,
      STRIPE_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString("base64url")}`,
      STRIPE_API_URL: origin,
      SESSION_SECRET: randomBytes(32).toString("base64url"),
      RECONCILE_INTERVAL_SECONDS: "0",
      // The load comes from loopback, one X-Forwarded-For address per request, as behind a proxy.
      TRUST_PROXY: "loopback",
      ...subject.env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitForPort(port, 30_000);
  return { url: `http://127.0.0.1:${port}`, stop: () => app.kill("SIGTERM") };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const settings: Settings = {
    seconds: option(argv, "--seconds", 5),
    rounds: option(argv, "--rounds", 3),
    connections: option(argv, "--connections", 8),
    sqliteOnly: argv.includes("--sqlite-only"),
  };
  const key = `sk_test_${randomBytes(16).toString("hex")}`;
  const sandboxChild = fork(__filename, ["--child", "sandbox", key], { stdio: "inherit" });
  const { origin } = (await fromChild(sandboxChild)) as { origin: string };
  const bareChild = fork(__filename, ["--child", "bare", origin, key], { stdio: "inherit" });
  const { port: barePort } = (await fromChild(bareChild)) as { port: number };
  const bareUrl = `http://127.0.0.1:${barePort}`;

  const directory = mkdtempSync(join(tmpdir(), "checkout-bench-"));
  const postgres = settings.sqliteOnly ? undefined : await throwawayPostgres();
  const subjects = [
    { name: "app on SQLite", url: `sqlite:${join(directory, "bench.db")}`, env: {} },
    {
      name: "app on SQLite, synchronous=normal",
      url: `sqlite:${join(directory, "bench-normal.db")}`,
      env: { SQLITE_SYNCHRONOUS: "normal" },
    },
    ...(postgres ? [{ name: "app on PostgreSQL", url: postgres.url, env: {} }] : []),
  ];
  const runs: Measured[] = [];
  let port = 41_000 + Math.floor(Math.random() * 1000);
  try {
    for (const subject of subjects) {
      const app = await startApp(subject, origin, key, port++);
      try {
        runs.push(...(await measureSubject(subject.name, app.url, { bareUrl, origin }, settings)));
      } finally {
        app.stop();
      }
    }
  } finally {
    sandboxChild.disconnect();
    bareChild.disconnect();
    await postgres?.drop();
    rmSync(directory, { recursive: true, force: true });
  }
  process.stdout.write(`${report(runs, settings)}\n`);
  const saved = saveResults("checkout.json", { machine: machineLine(), settings, runs });
  process.stderr.write(`results: ${saved}\n`);
}

/** Warm-up, then alternating rounds of the app and the bare route; stops at a failing run. */
async function measureSubject(
  subject: string,
  appUrl: string,
  servers: { readonly bareUrl: string; readonly origin: string },
  settings: Settings,
): Promise<Measured[]> {
  const shopper = new HttpShopper(appUrl);
  const form = await shopper.get(`/book?${firstSearch()}`);
  const app = appFlow({
    hostedPageOrigin: servers.origin,
    csrf: formFields(form.html, "/book/confirm")._csrf ?? "",
    cookie: form.headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .join("; "),
  });
  const bare = bareFlow(servers.origin);
  const warmUp = { ...settings, seconds: WARM_UP_SECONDS };
  assertCounted(await measure({ subject, round: 0, url: appUrl }, warmUp, app));
  await measure({ subject: "bare route", round: 0, url: servers.bareUrl }, warmUp, bare);
  const runs: Measured[] = [];
  for (let round = 1; round <= settings.rounds; round++) {
    for (const [name, url, flow] of [
      [subject, appUrl, app],
      [`bare route (${subject.slice(7)} run)`, servers.bareUrl, bare],
    ] as const) {
      const run = await measure({ subject: name, round, url }, settings, flow);
      assertCounted(run);
      runs.push(run);
    }
    process.stderr.write(`round ${round} ${subject} done\n`);
  }
  return runs;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function report(runs: readonly Measured[], settings: Settings): string {
  const lines = [
    `machine: ${machineLine()}`,
    `load: autocannon, ${settings.connections} connections, ${settings.seconds} s per run after ${WARM_UP_SECONDS} s warm-up, ${settings.rounds} alternating rounds; a checkout counts when it reaches a new hosted page (app: POST /book/confirm 303 + POST /bookings 303; bare route: one POST 303); latency per request`,
    "",
    "| subject | requests per checkout | checkouts/s (median) | p50 ms | p99 ms | × bare route |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
  ];
  const subjects = [...new Set(runs.map((run) => run.subject))];
  for (const subject of subjects.filter((name) => name.startsWith("app"))) {
    const mine = runs.filter((run) => run.subject === subject);
    const bare = runs.filter((run) => run.subject === `bare route (${subject.slice(7)} run)`);
    const rps = median(mine.map((run) => run.rps));
    const bareRps = median(bare.map((run) => run.rps));
    lines.push(
      `| ${subject} | ${mine[0]?.steps} | ${rps.toFixed(0)} | ${median(mine.map((r) => r.p50))} | ${median(mine.map((r) => r.p99))} | ${(rps / bareRps).toFixed(2)} |`,
    );
    lines.push(
      `| bare route (same run) | ${bare[0]?.steps} | ${bareRps.toFixed(0)} | ${median(bare.map((r) => r.p50))} | ${median(bare.map((r) => r.p99))} | 1.00 |`,
    );
  }
  lines.push(
    "",
    "| round | subject | checkouts/s | p50 ms | p99 ms | checkouts | answers | expected 303s |",
    "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  );
  for (const run of runs) {
    const share = `${(shareOf(run) * 100).toFixed(1)} %`;
    lines.push(
      `| ${run.round} | ${run.subject} | ${run.rps.toFixed(0)} | ${run.p50} | ${run.p99} | ${run.checkouts} | ${run.answers} | ${share} |`,
    );
  }
  return lines.join("\n");
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

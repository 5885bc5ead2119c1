/**
 * @module
 * `node packages/rental-car-harness/dist/bench/checkout-bench.js [--seconds 5] [--rounds 3]
 * [--connections 8] [--sqlite-only] [--cpu-prof <dir>]`: checkout start through the whole app, as
 * a shopper's browser does it (`POST /book/confirm` → validation, pricing, the draft, 303; then
 * `POST /bookings` with the draft → pricing again, booking and car hold in the database, linkpay's
 * attempt, the provider call, the redirect guard, 303) against a bare Express route making the
 * same single create-session call to the same sandbox. A checkout is two requests for the app and
 * one for the bare route. Every server runs in its own process; autocannon runs here.
 */
import { type ChildProcess, fork, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CAR_CLASSES, LOCATIONS } from "@linkpay/example-rental-car/catalogue/catalogue";
import { formFields, HttpShopper } from "@linkpay/rental-car-http-client";
import { createSandbox } from "@linkpay/sandbox";
import { createSqlStore, sql } from "@linkpay/store-sql";
import autocannon from "autocannon";
import { APP_MAIN } from "../app-files";
import { waitForPort } from "../reliability/wait-for-port";
import { bareCheckoutApp } from "./bare-checkout-server";
import { machineLine, saveResults } from "./bench-results";

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
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly redirects: number;
  readonly other: number;
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

let requestCounter = 0;

/** Days ahead the booking rules take (past the lead time, within the 180-day horizon). */
const FIRST_DAY_AHEAD = 3;
const DAYS_USED = 170;
const TOKYO_OFFSET_MS = 9 * 3_600_000;

/** The Japan-time date `days` days from today, `YYYY-MM-DD`. */
function dayAhead(days: number): string {
  return new Date(Date.now() + TOKYO_OFFSET_MS + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A booking form body with its own date, place and class: one car-day per request until every
 * day in the bookable window is used, then the next car of each class (three per class).
 */
function bookingBody(csrf: string): string {
  const n = requestCounter++;
  const location = LOCATIONS[n % LOCATIONS.length]?.code ?? "CTS";
  const carClass = CAR_CLASSES[Math.floor(n / LOCATIONS.length) % CAR_CLASSES.length]?.code ?? "C";
  const slot = Math.floor(n / (LOCATIONS.length * CAR_CLASSES.length));
  const day = dayAhead(FIRST_DAY_AHEAD + (slot % DAYS_USED));
  return new URLSearchParams({
    _csrf: csrf,
    pickUpLocation: location,
    returnLocation: location,
    pickUpDate: day,
    pickUpTime: "10:00",
    returnDate: day,
    returnTime: "18:00",
    carClass,
    name: "Bench Shopper",
    email: "bench@example.com",
    phone: "090-0000-0000",
  }).toString();
}

function formPost(headers: Record<string, string>, body: string) {
  return {
    body,
    headers: {
      ...headers,
      "content-type": "application/x-www-form-urlencoded",
      "sec-fetch-site": "same-origin",
      "x-forwarded-for": `10.9.${requestCounter & 255}.${(requestCounter >> 8) & 255}`,
    },
  };
}

/** The bare route: one POST per checkout. */
function bareRequests(): autocannon.Request[] {
  return [
    {
      method: "POST",
      path: "/bookings",
      setupRequest: (request) => ({ ...request, ...formPost({}, "plan=compact") }),
    },
  ];
}

/**
 * The app: the booking form to the confirmation step (its 303 names the draft), then the
 * confirmation's "Continue to payment" with that draft and the terms accepted.
 */
function appRequests(csrf: string, headers: Record<string, string>): autocannon.Request[] {
  return [
    {
      method: "POST",
      path: "/book/confirm",
      setupRequest: (request) => ({ ...request, ...formPost(headers, bookingBody(csrf)) }),
      onResponse: (_status, _body, context, answerHeaders) => {
        const location = answerHeaders?.location;
        const draft = typeof location === "string" ? (location.split("/").at(-1) ?? "") : "";
        Reflect.set(context, "draft", draft);
      },
    },
    {
      method: "POST",
      path: "/bookings",
      setupRequest: (request, context) => ({
        ...request,
        ...formPost(
          headers,
          new URLSearchParams({
            _csrf: csrf,
            draft: String(Reflect.get(context, "draft") ?? ""),
            accept: "yes",
          }).toString(),
        ),
      }),
    },
  ];
}

async function load(
  url: string,
  seconds: number,
  connections: number,
  requests: autocannon.Request[],
) {
  return autocannon({ url, connections, duration: seconds, requests });
}

/** `requestsPerCheckout`: each of them answers 303 when the checkout starts. */
function summarize(
  subject: string,
  round: number,
  result: autocannon.Result,
  requestsPerCheckout: number,
): Measured {
  const stats = result.statusCodeStats as Record<string, { count: number } | undefined>;
  const redirects = (stats["303"]?.count ?? 0) / requestsPerCheckout;
  return {
    subject,
    round,
    rps: redirects / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    redirects,
    other: result.requests.total - redirects * requestsPerCheckout,
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
  for (const subject of subjects) {
    const app = await startApp(subject, origin, key, port++);
    const shopper = new HttpShopper(app.url);
    const form = await shopper.get(
      `/book?${new URLSearchParams({
        pickUpLocation: "CTS",
        returnLocation: "CTS",
        pickUpDate: dayAhead(FIRST_DAY_AHEAD),
        pickUpTime: "10:00",
        returnDate: dayAhead(FIRST_DAY_AHEAD),
        returnTime: "18:00",
        carClass: "C",
      })}`,
    );
    const csrf = formFields(form.html, "/book/confirm")._csrf ?? "";
    const cookie = form.headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .join("; ");
    const appFlow = appRequests(csrf, { cookie });
    await load(app.url, WARM_UP_SECONDS, settings.connections, appFlow);
    await load(bareUrl, WARM_UP_SECONDS, settings.connections, bareRequests());
    for (let round = 1; round <= settings.rounds; round++) {
      runs.push(
        summarize(
          subject.name,
          round,
          await load(app.url, settings.seconds, settings.connections, appFlow),
          appFlow.length,
        ),
      );
      runs.push(
        summarize(
          `bare route (${subject.name.slice(7)} run)`,
          round,
          await load(bareUrl, settings.seconds, settings.connections, bareRequests()),
          1,
        ),
      );
      process.stderr.write(`round ${round} ${subject.name} done\n`);
    }
    app.stop();
  }
  sandboxChild.disconnect();
  bareChild.disconnect();
  await postgres?.drop();
  rmSync(directory, { recursive: true, force: true });
  process.stdout.write(`${report(runs, settings)}\n`);
  const saved = saveResults("checkout.json", { machine: machineLine(), settings, runs });
  process.stderr.write(`results: ${saved}\n`);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function report(runs: readonly Measured[], settings: Settings): string {
  const lines = [
    `machine: ${machineLine()}`,
    `load: autocannon, ${settings.connections} connections, ${settings.seconds} s per run after ${WARM_UP_SECONDS} s warm-up, ${settings.rounds} alternating rounds; only 303 answers count`,
    "",
    "| subject | redirects/s (median) | p50 ms | p99 ms | × bare route |",
    "| --- | ---: | ---: | ---: | ---: |",
  ];
  const subjects = [...new Set(runs.map((run) => run.subject))];
  for (const subject of subjects.filter((name) => name.startsWith("app"))) {
    const mine = runs.filter((run) => run.subject === subject);
    const bare = runs.filter((run) => run.subject === `bare route (${subject.slice(7)} run)`);
    const rps = median(mine.map((run) => run.rps));
    const bareRps = median(bare.map((run) => run.rps));
    lines.push(
      `| ${subject} | ${rps.toFixed(0)} | ${median(mine.map((r) => r.p50))} | ${median(mine.map((r) => r.p99))} | ${(rps / bareRps).toFixed(2)} |`,
    );
    lines.push(
      `| bare route (same run) | ${bareRps.toFixed(0)} | ${median(bare.map((r) => r.p50))} | ${median(bare.map((r) => r.p99))} | 1.00 |`,
    );
  }
  lines.push(
    "",
    "| round | subject | redirects/s | p50 ms | p99 ms | 303s | other answers |",
    "| ---: | --- | ---: | ---: | ---: | ---: | ---: |",
  );
  for (const run of runs) {
    lines.push(
      `| ${run.round} | ${run.subject} | ${run.rps.toFixed(0)} | ${run.p50} | ${run.p99} | ${run.redirects} | ${run.other} |`,
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
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
}

/**
 * @module
 * The reliability run: two app instances behind nginx, one PostgreSQL of the run's own, the
 * sandbox delivering webhooks through the balancer with duplicates, reordering, drops and bad
 * signatures; hundreds of simulated shoppers; one instance SIGKILLed and restarted and PostgreSQL
 * restarted mid-run. At the end the invariants are checked from the database and the sandbox's
 * records; the exit code is non-zero on any violation. `--provider komoju` runs the same with the
 * sandbox playing KOMOJU (webhooks to `/webhooks/komoju`, the instances configured with KOMOJU_*).
 *
 *   node packages/rental-car-harness/dist/reliability/run-reliability.js [--short] [--shoppers N]
 *     [--concurrency N] [--seed N] [--provider stripe|komoju] [--keep]
 */
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import type { AppTables } from "@linkpay/example-rental-car/db/app-tables";
import { createSandbox, type FaultSettings, type Sandbox } from "@linkpay/sandbox";
import { createSqlStore } from "@linkpay/store-sql";
import { type AppInstance, appInstance } from "./app-instances";
import { cancelSome, checkCancellations } from "./cancellations";
import type { ProviderName } from "./hosted-pages";
import { checkPaidAfterCheck, checkReconcileShared, checkSharedLimit } from "./instance-checks";
import { checkInvariants, type Verdict } from "./invariants";
import { type JourneyResult, pickJourney, runJourney, seededRandom } from "./journeys";
import { startBalancer } from "./nginx";
import { startOwnPostgres } from "./own-postgres";
import { checkRefunds, refundSome, startOperators } from "./refunds";
import { printReport } from "./report";
import { type RunProvider, runProvider } from "./run-provider";

const RECONCILE_INTERVAL_SECONDS = 2;
/** The sandbox's webhook faults, for Stripe's and KOMOJU's deliveries alike. */
const FAULTS: FaultSettings = {
  duplicate: { probability: 0.3, copies: 2 },
  reorder: { probability: 0.1, maxHoldMs: 3_000 },
  drop: { probability: 0.05 },
  badSignature: { probability: 0.02 },
};
const RECONCILE_AFTER_SECONDS = 15;

interface RunOptions {
  readonly shoppers: number;
  readonly concurrency: number;
  readonly seed: number;
  readonly keep: boolean;
  readonly provider: ProviderName;
}

function parseArgs(argv: readonly string[]): RunOptions {
  const short = argv.includes("--short");
  const value = (name: string, fallback: number) => {
    const at = argv.indexOf(name);
    const raw = at >= 0 ? argv[at + 1] : undefined;
    return raw === undefined ? fallback : Number(raw);
  };
  return {
    shoppers: value("--shoppers", short ? 40 : 400),
    concurrency: value("--concurrency", short ? 8 : 24),
    seed: value("--seed", 20261126),
    keep: argv.includes("--keep"),
    provider: providerArg(argv),
  };
}

function providerArg(argv: readonly string[]): ProviderName {
  const at = argv.indexOf("--provider");
  const name = at >= 0 ? argv[at + 1] : "stripe";
  if (name === "stripe" || name === "komoju") return name;
  throw new Error(`--provider must be stripe or komoju, got ${String(name)}`);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

function log(message: string): void {
  process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** Runs `count` journeys, `concurrency` at a time, calling `at(progress)` as they finish. */
async function runShoppers(
  appUrl: string,
  provider: RunProvider,
  options: RunOptions,
  at: (done: number) => Promise<void>,
): Promise<JourneyResult[]> {
  const random = seededRandom(options.seed);
  const plans = Array.from({ length: options.shoppers }, () => pickJourney(random));
  const results: JourneyResult[] = [];
  let next = 0;
  async function worker(): Promise<void> {
    while (next < plans.length) {
      const index = next++;
      const kind = plans[index] ?? "card";
      const shopperRandom = seededRandom(options.seed + index + 1);
      try {
        results.push(await runJourney(appUrl, provider.hostedPage, kind, shopperRandom, index));
      } catch (error) {
        results.push({ kind, outcome: "failed", sessionId: undefined, problem: String(error) });
      }
      await at(results.length);
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return results;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const directory = mkdtempSync(join(tmpdir(), "linkpay-reliability-"));
  // PostgreSQL runs as its own user and must be able to reach its directory inside this one.
  chmodSync(directory, 0o711);
  const [pgPort, lbPort, port1, port2, sandboxPort] = await Promise.all(
    Array.from({ length: 5 }, freePort),
  );
  if (
    port1 === undefined ||
    port2 === undefined ||
    sandboxPort === undefined ||
    pgPort === undefined ||
    lbPort === undefined
  ) {
    throw new Error("no free ports");
  }
  log(
    `run directory ${directory}; ${options.provider}; ${options.shoppers} shoppers, ${options.concurrency} at a time, seed ${options.seed}`,
  );
  const provider = runProvider(options.provider, FAULTS);

  const postgres = startOwnPostgres(join(directory, "pg"), pgPort);
  log(`postgresql on ${pgPort}`);
  const lbUrl = `http://127.0.0.1:${lbPort}`;
  const sandbox: Sandbox = createSandbox({
    port: sandboxPort,
    merchantName: "Reliability run",
    ...provider.sandboxOptions(`${lbUrl}${provider.webhookPath}`),
    seed: options.seed,
    expirySweepMs: 0,
    delivery: { maxAttempts: 8, baseDelayMs: 250, maxDelayMs: 4_000, timeoutMs: 10_000 },
    faults: FAULTS,
  });
  const { origin: sandboxOrigin } = await sandbox.listen();
  log(
    `sandbox (${provider.name}) on ${sandboxOrigin} (duplicate 30%, reorder 10%, drop 5%, bad signature 2%)`,
  );

  const env = {
    DATABASE_URL: postgres.url,
    PUBLIC_BASE_URL: lbUrl,
    ...provider.appEnv(sandboxOrigin),
    SESSION_SECRET: randomBytes(32).toString("base64url"),
    RECONCILE_INTERVAL_SECONDS: String(RECONCILE_INTERVAL_SECONDS),
    // Webhooks do the work; reconciliation only picks up what they lost (drops, forgeries).
    RECONCILE_AFTER_SECONDS: String(RECONCILE_AFTER_SECONDS),
  };
  const instances: AppInstance[] = [
    appInstance(directory, port1, env),
    appInstance(directory, port2, env),
  ];
  await Promise.all(instances.map((instance) => instance.start()));
  const balancer = await startBalancer(directory, lbPort, [port1, port2]);
  log(`2 app instances on ${port1} and ${port2} behind nginx at ${lbUrl}`);

  const killAt = Math.floor(options.shoppers * 0.35);
  const restartPgAt = Math.floor(options.shoppers * 0.6);
  const faults: string[] = [];
  // The killed instance's comeback: the checks after the load need both instances up.
  let restarted: Promise<void> = Promise.resolve();
  const started = Date.now();
  const results = await runShoppers(lbUrl, provider, options, async (done) => {
    if (done === killAt) {
      log(`SIGKILL app instance on ${port1} after ${done} shoppers`);
      const victim = instances[0];
      await victim?.kill();
      faults.push(`SIGKILL ${port1}`);
      restarted = delay(1_500)
        .then(() => victim?.start())
        .then(
          () => log(`app instance on ${port1} restarted`),
          (error: unknown) => log(`restart failed: ${String(error)}`),
        );
    }
    if (done === restartPgAt) {
      log(`restarting PostgreSQL after ${done} shoppers`);
      postgres.restart();
      faults.push("PostgreSQL restart");
      log("PostgreSQL is back");
    }
  });
  const loadSeconds = (Date.now() - started) / 1000;
  log(`load done in ${loadSeconds.toFixed(1)} s`);
  await restarted;

  // The shops's side of konbini and abandonment: slips paid at the store, checkouts left to expire.
  for (const result of results) {
    if (result.sessionId === undefined) continue;
    if (result.outcome === "konbini_slip") provider.markKonbiniPaid(sandbox, result.sessionId);
    if (result.outcome === "abandoned") provider.expireSession(sandbox, result.sessionId);
  }
  await sandbox.whenDeliveriesSettled();
  log("every webhook delivery settled");

  const store = createSqlStore({ url: postgres.url });
  const db = store.db.withTables<AppTables>();

  // Several instances: one limit across both, and recovery that a lease does not delay.
  const instanceVerdicts: Verdict[] = [];
  log("one client's lookups sent to each instance in turn");
  instanceVerdicts.push(
    await checkSharedLimit(instances.map((instance) => `http://127.0.0.1:${instance.port}`)),
  );
  log("a booking whose webhooks are all dropped, paid just after reconciliation checked it");
  const late = await checkPaidAfterCheck({
    appUrl: lbUrl,
    sandbox,
    provider,
    db,
    rawDb: store.db,
    attemptsTable: store.tables.attempts,
    intervalSeconds: RECONCILE_INTERVAL_SECONDS,
    afterSeconds: RECONCILE_AFTER_SECONDS,
    seed: options.seed,
  });
  instanceVerdicts.push(late);
  log(late.detail);

  const operators = startOperators({
    databaseUrl: postgres.url,
    provider: () => provider.client(sandboxOrigin),
  });
  const paidByCard = (await provider.sessions(sandbox)).filter(
    (session) => session.paid && session.byCard,
  );
  const toRefund = Math.min(paidByCard.length, Math.max(3, Math.floor(options.shoppers / 4)), 30);
  log(`refunding ${toRefund} paid bookings from two operators at once (same key on both)`);
  const refundRun = await refundSome(operators, paidByCard, toRefund);
  const confirmed = new Set(
    (
      await db
        .selectFrom("rc_bookings")
        .select("reference")
        .where("status", "=", "confirmed")
        .execute()
    ).map((booking) => booking.reference),
  );
  const toCancel = paidByCard
    .slice(toRefund)
    .filter((session) => confirmed.has(session.reference))
    .slice(0, Math.max(2, Math.floor(toRefund / 2)));
  log(`cancelling ${toCancel.length} paid bookings from two operators at once`);
  const cancelRun = await cancelSome(db, operators, toCancel);
  await operators.close();
  await sandbox.whenDeliveriesSettled();
  log("waiting for reconciliation to catch up");
  const deadline = Date.now() + 90_000;
  // From the database and the sandbox's own records; the logs are read once the instances stop.
  const everything = async (logFiles: readonly string[]) => {
    const sessions = await provider.sessions(sandbox);
    return [
      ...(await checkInvariants({ db, rawDb: store.db, sessions, logFiles })),
      ...(await checkRefunds({ rawDb: store.db, tables: store.tables, sessions, run: refundRun })),
      await checkCancellations({ db, tables: store.tables, sessions, run: cancelRun }),
    ];
  };
  let verdicts = await everything([]);
  while (verdicts.some((verdict) => !verdict.ok) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    verdicts = await everything([]);
  }
  await balancer.stop();
  await Promise.all(instances.map((instance) => instance.stop()));
  verdicts = await everything(instances.map((instance) => instance.logFile));
  const ok = printReport({
    results,
    verdicts: [
      ...verdicts,
      ...instanceVerdicts,
      checkReconcileShared(instances.map((instance) => instance.logFile)),
    ],
    provider: provider.name,
    deliveries: provider.deliveries(sandbox),
    faults,
    logFiles: instances.map((instance) => instance.logFile),
    loadSeconds,
  });
  await store.close();
  await sandbox.close();
  postgres.stop();
  if (options.keep) log(`kept ${directory}`);
  else rmSync(directory, { recursive: true, force: true });
  process.exitCode = ok ? 0 : 1;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `reliability run failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});

/**
 * @module
 * The demo and the production entry point: reads the environment, starts the app (and the sandbox,
 * in the mode of PAYMENT_PROVIDER, when that provider has no keys), prints where to go and which
 * provider takes the payments, and stops everything cleanly on Ctrl-C.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { ConfigError, loadConfig } from "./config/config";
import { type RentalCar, startRentalCar } from "./server/start-rental-car";
import { DEV_OUTBOX_PATH, devOutboxMounted } from "./web/dev-outbox";

const RATE_LIMIT_PLACES = {
  redis: "Redis (REDIS_URL), shared by every instance",
  database: "PostgreSQL, shared by every instance",
  memory: "this process's memory (run one instance with SQLite)",
} as const;

/** Where the demo leaves the sandbox's read-only key for the patrol (examples/rental-car/linkpay-patrol.json). */
const PATROL_KEY_FILE = "data/patrol-read-key";

/**
 * The sandbox's key changes at every start; the patrol asks the sandbox about sessions with its
 * restricted (read-only) twin, `rk_test_…`, as it would ask Stripe with a restricted key.
 */
function writePatrolKey(sandboxKey: string): void {
  mkdirSync("data", { recursive: true });
  writeFileSync(PATROL_KEY_FILE, `${sandboxKey.replace(/^sk_/, "rk_")}\n`, { mode: 0o600 });
}

/** The start-up lines about payments: which provider, and the sandbox's addresses and key. */
function paymentLines(app: RentalCar): string[] {
  const { sandbox, sandboxKey } = app;
  if (sandbox === undefined) {
    return [`  Payments: ${app.paymentProvider === "komoju" ? "KOMOJU" : "Stripe"}`];
  }
  if (app.paymentProvider === "komoju") {
    return [
      `  Payments: KOMOJU, emulated by the offline sandbox at ${sandbox.komoju.baseUrl} (test card 4242 4242 4242 4242)`,
      `  Sandbox operator key (test only): ${sandboxKey}`,
      `  A konbini slip is paid with POST ${sandbox.origin}/_sandbox/komoju/sessions/<session id>/konbini-paid`,
    ];
  }
  return [
    `  Payments: Stripe, emulated by the offline sandbox at ${sandbox.origin} (test card 4242 4242 4242 4242)`,
    `  Sandbox operator key (test only): ${sandboxKey}`,
    `  Patrol: the sandbox's restricted key for it is in ${PATROL_KEY_FILE}; run \`npm run patrol:demo\``,
  ];
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await startRentalCar({ config });
  // The patrol's config reads a Stripe sandbox (linkpay-patrol.json).
  if (app.sandboxKey !== undefined && app.paymentProvider === "stripe") {
    writePatrolKey(app.sandboxKey);
  }
  const lines = [
    "",
    `  Linkpay Rent-a-Car is running: ${app.url}`,
    ...paymentLines(app),
    `  Database: ${config.databaseUrl.startsWith("sqlite:") ? config.databaseUrl : "PostgreSQL"}`,
    `  Rate limits: ${RATE_LIMIT_PLACES[app.rateLimitStore]}`,
    ...(devOutboxMounted({
      sandbox: app.sandbox !== undefined,
      production: config.production,
      mailBySmtp: config.smtpUrl !== undefined,
    })
      ? [`  E-mails (not sent without SMTP_URL): ${app.url}${DEV_OUTBOX_PATH}`]
      : []),
    `  Staff console: ${app.consoleUrl}`,
    "    First manager: in another terminal, run",
    '    npm run console:create-manager -- --email you@example.com --name "Your Name"',
    "    and open the link it prints (an authenticator app is needed: the console has no default account).",
    "  Press Ctrl-C to stop.",
    "",
  ];
  process.stdout.write(`${lines.join("\n")}\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n  ${signal}: stopping…\n`);
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `The app could not start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  }
  process.exit(1);
});

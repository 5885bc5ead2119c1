/**
 * @module
 * The demo and the production entry point: reads the environment, starts the app (and the sandbox
 * when no Stripe key is set), prints where to go, and stops everything cleanly on Ctrl-C.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { ConfigError, loadConfig } from "./config/config";
import { startRentalCar } from "./server/start-rental-car";
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

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await startRentalCar({ config });
  if (app.sandboxKey !== undefined) writePatrolKey(app.sandboxKey);
  const lines = [
    "",
    `  Linkpay Rent-a-Car is running: ${app.url}`,
    app.sandbox === undefined
      ? "  Payments: Stripe"
      : [
          `  Payments: the offline sandbox at ${app.sandbox.origin} (test card 4242 4242 4242 4242)`,
          `  Sandbox operator key (test only): ${app.sandboxKey}`,
          `  Patrol: the sandbox's restricted key for it is in ${PATROL_KEY_FILE}; run \`npm run patrol:demo\``,
        ].join("\n"),
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

/**
 * @module
 * Starts the whole app for a test, exactly as `main.ts` does (same composition root), on free
 * ports with its in-process sandbox (in Stripe or KOMOJU mode), fast webhook retries, generous
 * rate limits and captured logs.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { createLogger } from "@linkpay/express";
import { loadConfig } from "../config/config";
import type { PaymentProviderName } from "../config/provider-config";
import { type RentalCar, type StartOptions, startRentalCar } from "../server/start-rental-car";

/** A running test app and what it logged. */
export interface TestApp extends RentalCar {
  /** Every log line written so far (JSON text). */
  readonly logs: string[];
}

/** Options of {@link startTestApp}. */
export interface TestAppOptions {
  /** Default: a SQLite file in a fresh temporary directory. */
  readonly databaseUrl?: string | undefined;
  /**
   * `PAYMENT_PROVIDER` (default `stripe`): without keys in `env`, the sandbox starts in this
   * provider's mode (`komoju`: `app.sandbox.komoju`, webhooks at `/webhooks/komoju`).
   */
  readonly provider?: PaymentProviderName | undefined;
  readonly env?: Readonly<Record<string, string>> | undefined;
  readonly sandbox?: StartOptions["sandbox"];
  readonly rateLimits?: StartOptions["rateLimits"];
  /**
   * The app's clock (default: the system clock), e.g. frozen at the test's start. Keep it near
   * the system clock: the sandbox and the webhook signature check keep the system clock.
   */
  readonly now?: StartOptions["now"];
}

const HIGH = { limit: 10_000 };

/** Starts the app; `close()` also removes its temporary directory. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const directory = mkdtempSync(join(tmpdir(), "rental-car-test-"));
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const config = loadConfig({
    PORT: "0",
    SANDBOX_PORT: "0",
    CONSOLE_PORT: "0",
    DATABASE_URL: options.databaseUrl ?? `sqlite:${join(directory, "rental-car.db")}`,
    SESSION_SECRET: "test-session-secret-0123456789-abcdefghijkl",
    RECONCILE_INTERVAL_SECONDS: "0",
    PAYMENT_PROVIDER: options.provider ?? "stripe",
    ...options.env,
  });
  const app = await startRentalCar({
    config,
    logger: createLogger({ name: "rental-car-test", level: "debug", destination }),
    sandbox: {
      delivery: { maxAttempts: 4, baseDelayMs: 20, maxDelayMs: 200, timeoutMs: 5_000 },
      expirySweepMs: 0,
      ...options.sandbox,
    },
    rateLimits: options.rateLimits ?? {
      checkout: HIGH,
      confirm: HIGH,
      return: HIGH,
      lookup: HIGH,
      cancel: HIGH,
    },
    now: options.now,
  });
  return {
    ...app,
    logs,
    async close() {
      await app.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

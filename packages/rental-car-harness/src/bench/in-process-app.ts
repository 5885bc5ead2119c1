/**
 * @module
 * The demo app started inside the benchmark's process, through the same composition root as
 * `main.ts`: its sandbox, free ports, SQLite in a fresh temporary directory, no reconciliation
 * loop, warnings only on stderr (stdout carries the report), and rate limits high enough that
 * the benchmark's repeated bookings from one address are never refused.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "@linkpay/example-rental-car/config/config";
import {
  type RentalCar,
  startRentalCar,
} from "@linkpay/example-rental-car/server/start-rental-car";
import { createLogger } from "@linkpay/express";
import type { Sandbox } from "@linkpay/sandbox";

/** The running app with its sandbox (always started: no Stripe key is configured). */
export interface InProcessApp extends RentalCar {
  readonly sandbox: Sandbox;
  /** The sandbox's secret key (`sk_test_…`); the patrol gets its `rk_test_…` twin. */
  readonly sandboxKey: string;
}

const HIGH = { limit: 100_000 };

/** Starts the app; `close()` also removes its temporary directory. */
export async function startInProcessApp(): Promise<InProcessApp> {
  const directory = mkdtempSync(join(tmpdir(), "patrol-bench-"));
  const config = loadConfig({
    PORT: "0",
    SANDBOX_PORT: "0",
    CONSOLE_PORT: "0",
    DATABASE_URL: `sqlite:${join(directory, "rental-car.db")}`,
    SESSION_SECRET: randomBytes(32).toString("base64url"),
    RECONCILE_INTERVAL_SECONDS: "0",
  });
  const app = await startRentalCar({
    config,
    logger: createLogger({ name: "patrol-bench", level: "warn", destination: process.stderr }),
    rateLimits: { checkout: HIGH, confirm: HIGH, return: HIGH, lookup: HIGH, cancel: HIGH },
  });
  const { sandbox, sandboxKey } = app;
  if (sandbox === undefined || sandboxKey === undefined) {
    await app.close();
    throw new Error("the app started without its sandbox");
  }
  return {
    ...app,
    sandbox,
    sandboxKey,
    async close() {
      await app.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/**
 * @module
 * Where tests get Redis from: `LINKPAY_TEST_REDIS_URL` (default `redis://127.0.0.1:6379`).
 * Without a server that answers PING, the suites are skipped with the reason printed, except
 * under `CI=true`, where they fail. Tests keep apart by their own keys (a random client address),
 * never by flushing the server.
 */
import { spawnSync } from "node:child_process";

/** The Redis tests use. */
export const TEST_REDIS_URL = process.env.LINKPAY_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

function probe(): { ok: true } | { ok: false; reason: string } {
  const script = `
    const { createClient } = require(process.argv[1]);
    const client = createClient({ url: process.argv[2],
      socket: { connectTimeout: 3000, reconnectStrategy: (_retries, cause) => cause } });
    client.on("error", () => undefined);
    client.connect().then(() => client.ping()).then(
      () => client.close().then(() => process.exit(0)),
      (error) => { console.error(error.message); process.exit(1); });`;
  const child = spawnSync(
    process.execPath,
    ["-e", script, require.resolve("redis"), TEST_REDIS_URL],
    {
      encoding: "utf8",
      timeout: 10_000,
    },
  );
  if (child.status === 0) return { ok: true };
  const why = child.stderr.trim() || child.error?.message || "no answer";
  return { ok: false, reason: `Redis (LINKPAY_TEST_REDIS_URL) is unreachable: ${why}` };
}

/** Registers a suite that needs Redis (see the module comment for what happens without it). */
export function describeRedis(name: string, body: () => void): void {
  const { describe, it }: typeof import("@jest/globals") = require("@jest/globals");
  const state = probe();
  if (state.ok) {
    describe(name, body);
    return;
  }
  if (process.env.CI === "true") {
    describe(name, () => {
      it("has the Redis server CI requires", () => {
        throw new Error(`${state.reason} (CI=true: Redis suites must not be skipped)`);
      });
    });
    return;
  }
  console.warn(`Skipping "${name}": ${state.reason}. Start it or set LINKPAY_TEST_REDIS_URL.`);
  // biome-ignore lint/suspicious/noSkippedTests: skipped only without a server, never under CI=true.
  describe.skip(name, body);
}

/**
 * @module
 * Rate limits hold across instances: two app instances, as two processes of a site would run,
 * count one client's "find my booking" attempts together, in PostgreSQL (the database they share)
 * or in Redis (`REDIS_URL`), so the N+1th attempt is refused whichever instance it reaches. With
 * SQLite each process counts alone, and the start-up says so.
 */
import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { lookupsAcross } from "@linkpay/rental-car-http-client";
import { describePostgres } from "@linkpay/store-sql/testing";
import { describeRedis, TEST_REDIS_URL } from "../test-support/redis";
import { startTestApp, type TestApp, type TestAppOptions } from "../test-support/test-app";

const LIMIT = 3;
/** One client, at a fresh address per run (Redis outlives the test; the window is 15 minutes). */
function lookupsAlternating(apps: readonly TestApp[], attempts: number): Promise<number[]> {
  const address = `10.${randomInt(0, 256)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
  return lookupsAcross(
    apps.map((app) => app.url),
    attempts,
    address,
  );
}

/**
 * Two instances behind a proxy on this machine: they trust loopback, so the client is the address
 * in X-Forwarded-For (the default trusts no proxy, and every client would be 127.0.0.1).
 */
function twoInstances(options: () => TestAppOptions) {
  const apps: TestApp[] = [];
  const behindProxy = (): TestAppOptions => {
    const own = options();
    return { ...own, env: { ...own.env, TRUST_PROXY: "loopback" } };
  };
  beforeAll(async () => {
    // One after the other: both migrate the same database, as a deploy's instances would.
    apps.push(await startTestApp(behindProxy()));
    apps.push(await startTestApp(behindProxy()));
  });
  afterAll(async () => {
    for (const app of apps.splice(0)) await app.close();
  });
  return apps;
}

describePostgres("rate limits shared by two instances on PostgreSQL", (database) => {
  const apps = twoInstances(() => ({
    databaseUrl: database.url,
    rateLimits: { lookup: { limit: LIMIT } },
  }));

  it("refuses the N+1th lookup whichever instance it reaches", async () => {
    const statuses = await lookupsAlternating(apps, LIMIT + 2);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });

  it("says at start-up where the limits count", () => {
    for (const app of apps) {
      expect(app.logs.some((line) => line.includes('"rateLimitStore":"database"'))).toBe(true);
    }
  });
});

describeRedis("rate limits shared by two instances through Redis", () => {
  // Each instance has a SQLite file of its own: only Redis is shared.
  const apps = twoInstances(() => ({
    env: { REDIS_URL: TEST_REDIS_URL },
    rateLimits: { lookup: { limit: LIMIT } },
  }));

  it("refuses the N+1th lookup whichever instance it reaches", async () => {
    const statuses = await lookupsAlternating(apps, LIMIT + 2);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });
});

describe("rate limits with SQLite (one instance)", () => {
  const apps = twoInstances(() => ({ rateLimits: { lookup: { limit: LIMIT } } }));

  it("count in each process's memory, which the start-up says", async () => {
    // Two SQLite apps share nothing: each allows the limit on its own.
    const statuses = await lookupsAlternating(apps, LIMIT + 2);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect(apps[0]?.logs.some((line) => line.includes('"rateLimitStore":"memory"'))).toBe(true);
  });

  it("refuses to start when REDIS_URL names a Redis that does not answer", async () => {
    const error = await startTestApp({ env: { REDIS_URL: "redis://127.0.0.1:1" } }).then(
      async (app) => {
        await app.close();
        return undefined;
      },
      (caught: unknown) => caught,
    );
    expect(String(error)).toMatch(/^Error: REDIS_URL: cannot connect to Redis for rate limits/);
  });
});

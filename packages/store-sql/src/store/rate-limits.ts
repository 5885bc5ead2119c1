/**
 * @module
 * The {@link RateLimitStore} half of the SQL store: each hit is one upsert that either raises the
 * running window's count or, when the window has ended, starts a new one, and returns the count;
 * the database's row lock on the key makes concurrent hits from every instance count once each.
 * Ended windows are deleted at most once a minute per process.
 */
import type { RateLimitCount, RateLimitStore } from "@linkpay/core";
import { checkRateLimitWindow, storedRateLimitKey } from "@linkpay/core/store-kit";
import type { Kysely } from "kysely";
import type { SqlDialectName } from "../config/connection-url";
import type { LinkpayTables } from "../schema/tables";
import { decodeInteger, decodeTime, encodeTime } from "./row-codec";

const SWEEP_EVERY_MS = 60_000;

/** The rate-limit operations over one database. */
export function rateLimitOperations(input: {
  readonly read: <T>(operation: string, query: () => Promise<T>) => Promise<T>;
  readonly db: Kysely<LinkpayTables>;
  readonly dialect: SqlDialectName;
}): RateLimitStore {
  const { read, db, dialect } = input;
  let nextSweep = Number.NEGATIVE_INFINITY;

  async function sweep(at: Date): Promise<void> {
    if (at.getTime() < nextSweep) return;
    nextSweep = at.getTime() + SWEEP_EVERY_MS;
    await db.deleteFrom("rate_limits").where("reset_at", "<=", encodeTime(dialect, at)).execute();
  }

  return {
    hitRateLimit: (hit) =>
      read("hitRateLimit", async (): Promise<RateLimitCount> => {
        const windowMs = checkRateLimitWindow(hit.windowMs);
        const at = encodeTime(dialect, hit.at);
        const row = await db
          .insertInto("rate_limits")
          .values({
            key: storedRateLimitKey(hit.key),
            hits: 1,
            reset_at: encodeTime(dialect, new Date(hit.at.getTime() + windowMs)),
          })
          .onConflict((conflict) =>
            conflict.column("key").doUpdateSet((eb) => {
              const ended = eb("rate_limits.reset_at", "<=", at);
              return {
                hits: eb
                  .case()
                  .when(ended)
                  .then(1)
                  .else(eb("rate_limits.hits", "+", 1))
                  .end(),
                reset_at: eb
                  .case()
                  .when(ended)
                  .then(eb.ref("excluded.reset_at"))
                  .else(eb.ref("rate_limits.reset_at"))
                  .end(),
              };
            }),
          )
          .returning(["hits", "reset_at"])
          .executeTakeFirstOrThrow();
        await sweep(hit.at);
        return { hits: decodeInteger(row.hits), resetAt: decodeTime(row.reset_at) };
      }),

    undoRateLimitHit: ({ key, at }) =>
      read("undoRateLimitHit", async () => {
        await db
          .updateTable("rate_limits")
          .set((eb) => ({ hits: eb("hits", "-", 1) }))
          .where("key", "=", storedRateLimitKey(key))
          .where("hits", ">", 0)
          .where("reset_at", ">", encodeTime(dialect, at))
          .execute();
      }),

    resetRateLimit: ({ key }) =>
      read("resetRateLimit", async () => {
        await db.deleteFrom("rate_limits").where("key", "=", storedRateLimitKey(key)).execute();
      }),
  };
}

/**
 * @module
 * Raw payload retention: drops the raw payload of events older than a cutoff (their id, kind,
 * outcome and digest stay), in small batches so SQLite's write lock is never held for long.
 */
import type { KyselyPlugin } from "kysely";
import type { SqlDialectName } from "../config/connection-url";
import type { LinkpayTables } from "../schema/tables";
import { encodeTime } from "./row-codec";
import type { TransactionRunner } from "./transaction-runner";

const BATCH = 1_000;

/** Options of `purgeRawPayloads`. */
export interface PurgeOptions {
  /** Purge payloads of events received before this time (default: now − retention days). */
  readonly olderThan?: Date | undefined;
}

/** Sets `payload` to null for events received before `olderThan`; returns how many. */
export async function purgeRawPayloads(
  run: TransactionRunner,
  context: { readonly dialect: SqlDialectName; readonly prefix: KyselyPlugin },
  olderThan: Date,
): Promise<number> {
  const cutoff = encodeTime(context.dialect, olderThan);
  let total = 0;
  for (;;) {
    const purged = await run("purgeRawPayloads", async (trx) => {
      const db = trx.withPlugin(context.prefix).withTables<LinkpayTables>();
      const batch = db
        .selectFrom("events")
        .select(["provider", "event_id"])
        .where("payload", "is not", null)
        .where("received_at", "<", cutoff)
        .limit(BATCH);
      const result = await db
        .updateTable("events")
        .set({ payload: null })
        .where(({ eb, refTuple }) =>
          eb(refTuple("provider", "event_id"), "in", batch.$asTuple("provider", "event_id")),
        )
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    });
    total += purged;
    if (purged < BATCH) return total;
  }
}

/**
 * @module
 * The first schema: checkout attempts, received events and the append-only audit trail, with an
 * index for every hot lookup (order reference, provider session, stale open attempts, purge).
 */
import { sql } from "kysely";
import { appendOnlyTriggers } from "./append-only-triggers";
import type { Migration, MigrationContext } from "./migration";

function columnTypes({ dialect }: MigrationContext) {
  const postgres = dialect === "postgres";
  return {
    money: postgres ? ("bigint" as const) : ("integer" as const),
    time: postgres ? ("timestamptz" as const) : ("integer" as const),
  };
}

/** Creates the three tables, their constraints and indexes. */
export const initialMigration: Migration = {
  name: "0001_initial",
  async up(db, context) {
    const { prefix } = context;
    const { money, time } = columnTypes(context);
    await db.schema
      .createTable("attempts")
      .addColumn("id", "text", (c) => c.notNull())
      .addColumn("order_ref", "text", (c) => c.notNull())
      .addColumn("sequence", "integer", (c) => c.notNull())
      .addColumn("provider", "text", (c) => c.notNull())
      .addColumn("provider_session_id", "text")
      .addColumn("hosted_url", "text")
      .addColumn("amount", money, (c) => c.notNull())
      .addColumn("currency", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("refunded_amount", money, (c) => c.notNull().defaultTo(0))
      .addColumn("expires_at", time, (c) => c.notNull())
      .addColumn("claimed_until", time)
      .addColumn("created_at", time, (c) => c.notNull())
      .addColumn("updated_at", time, (c) => c.notNull())
      .addColumn("version", "integer", (c) => c.notNull())
      .addPrimaryKeyConstraint(`${prefix}attempts_pkey`, ["id"])
      .addUniqueConstraint(`${prefix}attempts_order_sequence_key`, ["order_ref", "sequence"])
      .addUniqueConstraint(`${prefix}attempts_session_key`, ["provider", "provider_session_id"])
      .execute();
    await db.schema
      .createIndex(`${prefix}attempts_stale_idx`)
      .on("attempts")
      .column("updated_at")
      .where(sql.ref("status"), "in", ["open", "processing"])
      .execute();

    await db.schema
      .createTable("events")
      .addColumn("provider", "text", (c) => c.notNull())
      .addColumn("event_id", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("attempt_id", "text")
      .addColumn("received_at", time, (c) => c.notNull())
      .addColumn("outcome", "text", (c) => c.notNull())
      .addColumn("reason", "text")
      .addColumn("payload_digest", "text", (c) => c.notNull())
      .addColumn("payload", "text")
      .addPrimaryKeyConstraint(`${prefix}events_pkey`, ["provider", "event_id"])
      .addForeignKeyConstraint(`${prefix}events_attempt_fkey`, ["attempt_id"], "attempts", ["id"])
      .execute();
    await db.schema
      .createIndex(`${prefix}events_purge_idx`)
      .on("events")
      .column("received_at")
      .where(sql.ref("payload"), "is not", null)
      .execute();

    const postgres = context.dialect === "postgres";
    await db.schema
      .createTable("audit")
      .addColumn("id", postgres ? "bigint" : "integer", (c) =>
        postgres ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement(),
      )
      .addColumn("attempt_id", "text", (c) => c.notNull())
      .addColumn("from_status", "text", (c) => c.notNull())
      .addColumn("to_status", "text", (c) => c.notNull())
      .addColumn("cause", "text", (c) => c.notNull())
      .addColumn("at", time, (c) => c.notNull())
      .addForeignKeyConstraint(`${prefix}audit_attempt_fkey`, ["attempt_id"], "attempts", ["id"])
      .execute();
    await db.schema
      .createIndex(`${prefix}audit_attempt_idx`)
      .on("audit")
      .columns(["attempt_id", "id"])
      .execute();
    await appendOnlyTriggers(db, context);
  },
};

/**
 * @module
 * Refunds: one row per refund asked for through `payments.refund`, keyed by its id, with the
 * caller's idempotency key unique (the same key never refunds twice) and an index by order for
 * an operator's history.
 */
import type { Migration } from "./migration";

/** Creates the `refunds` table. */
export const refundsMigration: Migration = {
  name: "0004_refunds",
  async up(db, { dialect, prefix }) {
    const postgres = dialect === "postgres";
    const time = postgres ? "timestamptz" : "integer";
    await db.schema
      .createTable("refunds")
      .addColumn("id", "text", (c) => c.notNull())
      .addColumn("attempt_id", "text", (c) => c.notNull())
      .addColumn("order_ref", "text", (c) => c.notNull())
      .addColumn("amount", postgres ? "bigint" : "integer", (c) => c.notNull())
      .addColumn("currency", "text", (c) => c.notNull())
      .addColumn("reason", "text", (c) => c.notNull())
      .addColumn("actor", "text", (c) => c.notNull())
      .addColumn("idempotency_key", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("provider_refund_id", "text")
      .addColumn("failure_code", "text")
      .addColumn("created_at", time, (c) => c.notNull())
      .addColumn("updated_at", time, (c) => c.notNull())
      .addPrimaryKeyConstraint(`${prefix}refunds_pkey`, ["id"])
      .addUniqueConstraint(`${prefix}refunds_idempotency_key`, ["idempotency_key"])
      .addForeignKeyConstraint(`${prefix}refunds_attempt_fkey`, ["attempt_id"], "attempts", ["id"])
      .execute();
    await db.schema
      .createIndex(`${prefix}refunds_order_idx`)
      .on("refunds")
      .columns(["order_ref", "created_at"])
      .execute();
    await db.schema
      .createIndex(`${prefix}refunds_attempt_idx`)
      .on("refunds")
      .column("attempt_id")
      .execute();
  },
};

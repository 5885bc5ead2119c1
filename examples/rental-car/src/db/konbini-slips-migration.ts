/**
 * @module
 * The konbini slips table: one slip per booking (the first one the provider reported), written by
 * the `onPending` hook in the transaction that records the pending payment.
 */
import type { Kysely, KyselyMigration } from "@linkpay/store-sql";

// Kysely's Migration type takes `Kysely<any>`: a migration runs before the typed schema exists.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/** The migration (the same on SQLite and PostgreSQL). */
export const konbiniSlipsMigration: KyselyMigration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable("rc_konbini_slips")
      .addColumn("booking_id", "text", (column) => column.primaryKey().references("rc_bookings.id"))
      .addColumn("expires_at", "text", (column) => column.notNull())
      .addColumn("instructions_url", "text")
      .addColumn("stores_json", "text", (column) => column.notNull())
      .addColumn("created_at", "text", (column) => column.notNull())
      .execute();
  },
};

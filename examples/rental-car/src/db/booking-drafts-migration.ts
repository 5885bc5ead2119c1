/**
 * @module
 * Booking drafts (what the shopper submitted, kept between the form and the confirmation step)
 * and two booking columns: the フリガナ, and the draft a booking was made from. The draft column
 * has a unique index: whatever the timing (Back, a double click, two instances), a draft becomes
 * at most one booking, and the losing insert learns so from the database.
 */
import type { Kysely, KyselyMigration } from "@linkpay/store-sql";

// Kysely's Migration type takes `Kysely<any>`: a migration runs before the typed schema exists.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/** The migration (the same on SQLite and PostgreSQL). */
export const bookingDraftsMigration: KyselyMigration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable("rc_booking_drafts")
      .addColumn("id", "text", (column) => column.primaryKey())
      .addColumn("browser_hash", "text", (column) => column.notNull())
      .addColumn("locale", "text", (column) => column.notNull())
      .addColumn("choice_json", "text", (column) => column.notNull())
      .addColumn("customer_json", "text", (column) => column.notNull())
      .addColumn("total", "integer", (column) => column.notNull())
      .addColumn("created_at", "text", (column) => column.notNull())
      .addColumn("expires_at", "text", (column) => column.notNull())
      .execute();
    await db.schema
      .alterTable("rc_bookings")
      .addColumn("customer_kana", "text", (column) => column.notNull().defaultTo(""))
      .execute();
    await db.schema.alterTable("rc_bookings").addColumn("draft_id", "text").execute();
    await db.schema
      .createIndex("rc_bookings_draft")
      .on("rc_bookings")
      .column("draft_id")
      .unique()
      .execute();
  },
};

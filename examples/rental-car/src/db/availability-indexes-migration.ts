/**
 * @module
 * Indexes for the checkout's queries (their plans are checked in
 * inventory/query-plans.test.ts): the cars of a shop and class in id order, so the first free car
 * is found without sorting and from the index alone (it replaces the index on shop and class,
 * which it starts with); and the drafts by expiry, so deleting those past their hour, on every
 * confirmation, reads only those instead of every draft.
 */
import type { Kysely, KyselyMigration } from "@linkpay/store-sql";

// Kysely's Migration type takes `Kysely<any>`: a migration runs before the typed schema exists.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/** The migration (the same on SQLite and PostgreSQL). */
export const availabilityIndexesMigration: KyselyMigration = {
  async up(db: AnyDb) {
    await db.schema
      .createIndex("rc_cars_location_class_id")
      .on("rc_cars")
      .columns(["location", "car_class", "id"])
      .execute();
    await db.schema.dropIndex("rc_cars_location_class").execute();
    await db.schema
      .createIndex("rc_booking_drafts_expiry")
      .on("rc_booking_drafts")
      .column("expires_at")
      .execute();
  },
};

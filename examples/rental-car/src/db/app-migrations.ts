/**
 * @module
 * The app's schema, applied with Kysely's migrator (its own bookkeeping tables, so it never
 * touches linkpay's). Safe to run from several instances at once: the migrator takes a lock.
 */
import {
  type Kysely,
  type KyselyMigration,
  Migrator,
  type SqlDialectName,
} from "@linkpay/store-sql";
import { availabilityIndexesMigration } from "./availability-indexes-migration";
import { bookingDraftsMigration } from "./booking-drafts-migration";
import { konbiniSlipsMigration } from "./konbini-slips-migration";
import { sqlList } from "./sql-list";
import { staffConsoleMigration } from "./staff-console-migration";

// Kysely's Migration type takes `Kysely<any>`: a migration runs before the typed schema exists.
const migrations = (dialect: SqlDialectName): Record<string, KyselyMigration> => ({
  "0001-cars-bookings-outbox": {
    async up(db) {
      await db.schema
        .createTable("rc_cars")
        .addColumn("id", "text", (column) => column.primaryKey())
        .addColumn("location", "text", (column) => column.notNull())
        .addColumn("car_class", "text", (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex("rc_cars_location_class")
        .on("rc_cars")
        .columns(["location", "car_class"])
        .execute();
      await db.schema
        .createTable("rc_bookings")
        .addColumn("id", "text", (column) => column.primaryKey())
        .addColumn("reference", "text", (column) => column.notNull().unique())
        .addColumn("status", "text", (column) => column.notNull())
        .addColumn("locale", "text", (column) => column.notNull())
        .addColumn("pick_up_location", "text", (column) => column.notNull())
        .addColumn("return_location", "text", (column) => column.notNull())
        .addColumn("pick_up_at", "text", (column) => column.notNull())
        .addColumn("return_at", "text", (column) => column.notNull())
        .addColumn("car_class", "text", (column) => column.notNull())
        .addColumn("car_id", "text", (column) => column.references("rc_cars.id"))
        .addColumn("options_json", "text", (column) => column.notNull())
        .addColumn("lines_json", "text", (column) => column.notNull())
        .addColumn("total", "integer", (column) => column.notNull())
        .addColumn("currency", "text", (column) => column.notNull())
        .addColumn("customer_name", "text", (column) => column.notNull())
        .addColumn("customer_email", "text", (column) => column.notNull())
        .addColumn("customer_phone", "text", (column) => column.notNull())
        .addColumn("created_at", "text", (column) => column.notNull())
        .addColumn("updated_at", "text", (column) => column.notNull())
        .addCheckConstraint(
          "rc_bookings_status",
          sqlList("status", ["awaiting_payment", "confirmed", "payment_failed", "expired"]),
        )
        .execute();
      await db.schema
        .createTable("rc_car_days")
        .addColumn("car_id", "text", (column) => column.notNull().references("rc_cars.id"))
        .addColumn("day", "text", (column) => column.notNull())
        .addColumn("booking_id", "text", (column) => column.notNull().references("rc_bookings.id"))
        .addPrimaryKeyConstraint("rc_car_days_pk", ["car_id", "day"])
        .execute();
      await db.schema
        .createIndex("rc_car_days_booking")
        .on("rc_car_days")
        .column("booking_id")
        .execute();
      await db.schema
        .createTable("rc_outbox")
        .addColumn("id", "text", (column) => column.primaryKey())
        .addColumn("booking_id", "text", (column) => column.notNull().references("rc_bookings.id"))
        .addColumn("kind", "text", (column) => column.notNull())
        .addColumn("recipient", "text", (column) => column.notNull())
        .addColumn("subject", "text", (column) => column.notNull())
        .addColumn("body", "text", (column) => column.notNull())
        .addColumn("created_at", "text", (column) => column.notNull())
        .addColumn("sent_at", "text")
        .addUniqueConstraint("rc_outbox_once", ["booking_id", "kind"])
        .execute();
    },
  },
  "0002-staff-console-cancellations": staffConsoleMigration(dialect),
  "0003-booking-drafts": bookingDraftsMigration,
  "0004-konbini-slips": konbiniSlipsMigration,
  "0005-availability-indexes": availabilityIndexesMigration,
});

/** Applies the app's pending migrations; throws the first failure. */
export async function migrateApp(db: Kysely<object>, dialect: SqlDialectName): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations(dialect) },
    migrationTableName: "rc_migrations",
    migrationLockTableName: "rc_migrations_lock",
  });
  const { error } = await migrator.migrateToLatest();
  if (error !== undefined) throw error;
}

/**
 * @module
 * The staff console's tables (accounts, enrolment links, sessions, passkeys, the append-only
 * audit log of staff actions) and cancellations (a `cancelled` booking status and what each
 * cancellation kept and refunded).
 *
 * A check constraint cannot be altered in SQLite: the bookings table is rebuilt there, the way
 * SQLite's documentation describes (foreign keys off for the swap, checked before commit; Kysely's
 * migrator runs SQLite migrations outside a transaction, so this one opens its own).
 */
import { type Kysely, type KyselyMigration, type SqlDialectName, sql } from "@linkpay/store-sql";
import { sqlList } from "./sql-list";

const BOOKING_STATUSES = [
  "awaiting_payment",
  "confirmed",
  "payment_failed",
  "expired",
  "cancelled",
];

// Kysely's Migration type takes `Kysely<any>`: a migration runs before the typed schema exists.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/** The migration, for the dialect it runs on. */
export function staffConsoleMigration(dialect: SqlDialectName): KyselyMigration {
  return {
    async up(db: AnyDb) {
      if (dialect === "sqlite") {
        await sql`pragma foreign_keys = off`.execute(db);
        try {
          await db.transaction().execute(async (trx) => {
            await createTables(trx, dialect);
            await rebuildBookingsOnSqlite(trx);
            const broken = await sql`pragma foreign_key_check`.execute(trx);
            if (broken.rows.length > 0) throw new Error("foreign keys broken by the rebuild");
          });
        } finally {
          await sql`pragma foreign_keys = on`.execute(db);
        }
        return;
      }
      // On PostgreSQL the migrator already runs each migration in a transaction.
      await createTables(db, dialect);
      await sql`alter table rc_bookings drop constraint rc_bookings_status`.execute(db);
      await sql`alter table rc_bookings add constraint rc_bookings_status check (${sqlList(
        "status",
        BOOKING_STATUSES,
      )})`.execute(db);
    },
  };
}

async function createTables(db: AnyDb, dialect: SqlDialectName): Promise<void> {
  await db.schema
    .createTable("rc_staff")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("email", "text", (column) => column.notNull().unique())
    .addColumn("name", "text", (column) => column.notNull())
    .addColumn("role", "text", (column) => column.notNull())
    .addColumn("status", "text", (column) => column.notNull())
    .addColumn("password_hash", "text")
    .addColumn("totp_secret", "text")
    .addColumn("totp_last_step", "integer", (column) => column.notNull().defaultTo(0))
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .addCheckConstraint("rc_staff_role", sqlList("role", ["staff", "manager"]))
    .addCheckConstraint("rc_staff_status", sqlList("status", ["invited", "active", "disabled"]))
    .execute();
  await db.schema
    .createTable("rc_staff_enrolments")
    .addColumn("token_hash", "text", (column) => column.primaryKey())
    .addColumn("staff_id", "text", (column) => column.notNull().references("rc_staff.id"))
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("expires_at", "text", (column) => column.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema
    .createTable("rc_staff_sessions")
    .addColumn("id_hash", "text", (column) => column.primaryKey())
    .addColumn("staff_id", "text", (column) => column.notNull().references("rc_staff.id"))
    .addColumn("stage", "text", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("last_seen_at", "text", (column) => column.notNull())
    .addColumn("expires_at", "text", (column) => column.notNull())
    .addColumn("reauth_at", "text")
    .addColumn("revoked_at", "text")
    .addColumn("challenge", "text")
    .addColumn("ip", "text", (column) => column.notNull())
    .addColumn("user_agent", "text", (column) => column.notNull())
    .addCheckConstraint(
      "rc_staff_sessions_stage",
      sqlList("stage", ["second_factor", "enrolling", "signed_in"]),
    )
    .execute();
  await db.schema
    .createIndex("rc_staff_sessions_staff")
    .on("rc_staff_sessions")
    .column("staff_id")
    .execute();
  await db.schema
    .createTable("rc_passkeys")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("staff_id", "text", (column) => column.notNull().references("rc_staff.id"))
    .addColumn("public_key", "text", (column) => column.notNull())
    .addColumn("counter", "bigint", (column) => column.notNull())
    .addColumn("transports", "text", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("last_used_at", "text")
    .execute();
  await db.schema
    .createTable("rc_staff_audit")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("at", "text", (column) => column.notNull())
    .addColumn("staff_id", "text")
    .addColumn("staff_email", "text", (column) => column.notNull())
    .addColumn("action", "text", (column) => column.notNull())
    .addColumn("target", "text", (column) => column.notNull())
    .addColumn("outcome", "text", (column) => column.notNull())
    .addColumn("ip", "text", (column) => column.notNull())
    .addColumn("before_json", "text")
    .addColumn("after_json", "text")
    .execute();
  await db.schema.createIndex("rc_staff_audit_at").on("rc_staff_audit").column("at").execute();
  await appendOnly(db, dialect);
  await db.schema
    .createTable("rc_cancellations")
    .addColumn("booking_id", "text", (column) => column.primaryKey().references("rc_bookings.id"))
    .addColumn("cancelled_at", "text", (column) => column.notNull())
    .addColumn("cancelled_by", "text", (column) => column.notNull())
    .addColumn("days_before", "integer", (column) => column.notNull())
    .addColumn("fee_percent", "integer", (column) => column.notNull())
    .addColumn("fee", "integer", (column) => column.notNull())
    .addColumn("refund_amount", "integer", (column) => column.notNull())
    .execute();
}

/** UPDATE and DELETE on the audit log fail, whoever issues them (the app's own role included). */
async function appendOnly(db: AnyDb, dialect: SqlDialectName): Promise<void> {
  if (dialect === "sqlite") {
    await sql`create trigger rc_staff_audit_no_update before update on rc_staff_audit
      begin select raise(abort, 'the staff audit log is append-only'); end`.execute(db);
    await sql`create trigger rc_staff_audit_no_delete before delete on rc_staff_audit
      begin select raise(abort, 'the staff audit log is append-only'); end`.execute(db);
    return;
  }
  await sql`create function rc_staff_audit_append_only() returns trigger language plpgsql as $body$
    begin raise exception 'the staff audit log is append-only'; end $body$`.execute(db);
  await sql`create trigger rc_staff_audit_append_only before update or delete or truncate
    on rc_staff_audit for each statement execute function rc_staff_audit_append_only()`.execute(db);
}

async function rebuildBookingsOnSqlite(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("rc_bookings_new")
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
    .addCheckConstraint("rc_bookings_status", sqlList("status", BOOKING_STATUSES))
    .execute();
  await sql`insert into rc_bookings_new select * from rc_bookings`.execute(db);
  await sql`drop table rc_bookings`.execute(db);
  await sql`alter table rc_bookings_new rename to rc_bookings`.execute(db);
}

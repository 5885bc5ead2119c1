/**
 * @module
 * Applies pending migrations in one transaction and records each in the migrations table.
 *
 * Safe when several instances start at once: on PostgreSQL the transaction first takes an
 * advisory lock keyed by the table prefix; on SQLite it starts with `BEGIN IMMEDIATE`, which
 * holds the file's write lock. Whoever comes second waits, then finds nothing left to do.
 */
import { type Kysely, sql, type Transaction } from "kysely";
import { classifyDriverError } from "../errors/classify-error";
import type { LinkpayTables } from "../schema/tables";
import { decodeTime, encodeTime } from "../store/row-codec";
import { MIGRATIONS } from "./all-migrations";
import type { Migration, MigrationContext } from "./migration";

/** One migration and whether it ran. */
export interface MigrationState {
  readonly name: string;
  /** When it was applied, or null when it is pending. */
  readonly appliedAt: Date | null;
  /** False for a migration recorded by a newer linkpay version that this one does not ship. */
  readonly known: boolean;
}

/** What `migrate()` did. */
export interface MigrationReport {
  /** The migrations applied by this call, oldest first (empty when already up to date). */
  readonly applied: readonly string[];
}

async function lockMigrations(db: Transaction<LinkpayTables>, context: MigrationContext) {
  if (context.dialect !== "postgres") return; // BEGIN IMMEDIATE already holds the write lock.
  const key = `linkpay-migrate:${context.prefix}`;
  await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(db);
}

async function ensureMigrationsTable(db: Transaction<LinkpayTables>, context: MigrationContext) {
  await db.schema
    .createTable("migrations")
    .ifNotExists()
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("applied_at", context.dialect === "postgres" ? "timestamptz" : "integer", (c) =>
      c.notNull(),
    )
    .execute();
}

/** Runs work in one transaction on linkpay's tables (the store's runner, with its retries). */
export type MigrationTransaction = <T>(
  work: (trx: Transaction<LinkpayTables>) => Promise<T>,
) => Promise<T>;

/** Applies every pending migration; a no-op when the schema is up to date. */
export async function runMigrations(
  transaction: MigrationTransaction,
  context: MigrationContext,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrationReport> {
  return transaction(async (trx) => {
    await lockMigrations(trx, context);
    await ensureMigrationsTable(trx, context);
    const done = new Set(
      (await trx.selectFrom("migrations").select("name").execute()).map((row) => row.name),
    );
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.name)) continue;
      await migration.up(trx, context);
      await trx
        .insertInto("migrations")
        .values({ name: migration.name, applied_at: encodeTime(context.dialect, new Date()) })
        .execute();
      applied.push(migration.name);
    }
    return { applied };
  });
}

/** Every shipped migration with when it ran, then any recorded ones this version does not know. */
export async function migrationStatus(
  db: Kysely<LinkpayTables>,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<readonly MigrationState[]> {
  let rows: { name: string; applied_at: Date | number | string }[];
  try {
    rows = await db.selectFrom("migrations").select(["name", "applied_at"]).execute();
  } catch (error) {
    if (classifyDriverError(error) !== "missing_table") throw error;
    rows = [];
  }
  const appliedAt = new Map(rows.map((row) => [row.name, decodeTime(row.applied_at)]));
  const known = new Set(migrations.map((m) => m.name));
  return [
    ...migrations.map((m) => ({
      name: m.name,
      appliedAt: appliedAt.get(m.name) ?? null,
      known: true,
    })),
    ...rows
      .filter((row) => !known.has(row.name))
      .map((row) => ({ name: row.name, appliedAt: appliedAt.get(row.name) ?? null, known: false }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  ];
}

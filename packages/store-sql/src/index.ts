/**
 * @module
 * @linkpay/store-sql — durable, exactly-once payment state for linkpay on SQLite (the embedded
 * default) and PostgreSQL (several app instances), one implementation on Kysely.
 *
 * Kysely's `sql`, `Migrator` and the types for writing your own queries on `store.db` are
 * re-exported here: import them from this package, not from `kysely`, so they are the same
 * Kysely as `store.db`'s (in an ES module app, `kysely` itself would resolve to its ES build,
 * whose types do not accept store-sql's instances).
 */

export {
  type ColumnType,
  type Generated,
  type Insertable,
  type Kysely,
  type Migration as KyselyMigration,
  type MigrationProvider,
  Migrator,
  type RawBuilder,
  type Selectable,
  type Sql,
  sql,
  type Transaction,
  type Updateable,
} from "kysely";
export { redactConnectionUrl, type SqlDialectName } from "./config/connection-url";
export type { SqlStoreOptions } from "./config/store-options";
export { classifyDatabaseError } from "./errors/classify-error";
export {
  MIGRATIONS,
  type Migration,
  type MigrationReport,
  type MigrationState,
} from "./migrations";
export type { LinkpayTables } from "./schema/tables";
export type { PurgeOptions } from "./store/purge-payloads";
export { createSqlStore, type SqlStore } from "./store/sql-store";
export type { SqlTransactionHandle } from "./store/sql-transaction-handle";

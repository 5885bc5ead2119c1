/**
 * @module
 * @linkpay/store-sql — durable, exactly-once payment state for linkpay on SQLite (the embedded
 * default) and PostgreSQL (several app instances), one implementation on Kysely.
 */
export { redactConnectionUrl, type SqlDialectName } from "./config/connection-url";
export type { SqlStoreOptions } from "./config/store-options";
export {
  MIGRATIONS,
  type Migration,
  type MigrationReport,
  type MigrationState,
} from "./migrations";
export type { LinkpayTables } from "./schema/tables";
export type { PurgeOptions } from "./store/purge-payloads";
export { createSqlStore, type SqlStore } from "./store/sql-store";
export type { SqlTransactionHandle } from "./store/sql-transaction";

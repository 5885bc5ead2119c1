/**
 * @module
 * What merchant hooks (and `newOrder` writes) receive as `tx` from a SQL store. In a file of its
 * own so the public declarations never reach the store's engine internals (and through them the
 * drivers' types, which an app using only the other engine has not installed).
 */
import type { Transaction } from "kysely";
import type { SqlDialectName } from "../config/connection-url";

/** What merchant hooks receive as `tx`: write your own tables through it to commit atomically. */
export interface SqlTransactionHandle {
  /** Which engine the transaction runs on. */
  readonly dialect: SqlDialectName;
  /**
   * The Kysely transaction. Use `sql\`…\`.execute(tx.db)` or `tx.db.withTables<YourTables>()`;
   * your tables are not prefixed. Do not commit or keep it: linkpay commits after the hooks.
   */
  readonly db: Transaction<object>;
}

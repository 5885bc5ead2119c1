/**
 * @module
 * The shape of a linkpay migration. Migrations are forward-only and ship in code, in order.
 */
import type { Transaction } from "kysely";
import type { SqlDialectName } from "../config/connection-url";
import type { LinkpayTables } from "../schema/tables";

/** What a migration knows about where it runs. */
export interface MigrationContext {
  readonly dialect: SqlDialectName;
  /** The table prefix, for names the prefix plugin does not rewrite (indexes, triggers). */
  readonly prefix: string;
}

/** One schema change, applied once inside the migration transaction. */
export interface Migration {
  /** Unique and sortable: `0001_initial`. */
  readonly name: string;
  up(db: Transaction<LinkpayTables>, context: MigrationContext): Promise<void>;
}

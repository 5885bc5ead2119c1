/**
 * @module
 * Triggers that make the audit table append-only: an UPDATE or DELETE on it fails, on both
 * engines, whoever issues it.
 */
import { sql, type Transaction } from "kysely";
import type { LinkpayTables } from "../schema/tables";
import type { MigrationContext } from "./migration";

/** Creates the append-only triggers on the audit table. */
export async function appendOnlyTriggers(
  db: Transaction<LinkpayTables>,
  { dialect, prefix }: MigrationContext,
): Promise<void> {
  const audit = sql.table("audit");
  if (dialect === "sqlite") {
    for (const [event, name] of [
      [sql`update`, `${prefix}audit_no_update`],
      [sql`delete`, `${prefix}audit_no_delete`],
    ] as const) {
      await sql`create trigger ${sql.id(name)} before ${event} on ${audit}
        begin select raise(abort, 'the linkpay audit trail is append-only'); end`.execute(db);
    }
    return;
  }
  const fn = sql.id(`${prefix}audit_append_only`);
  await sql`create function ${fn}() returns trigger language plpgsql as $body$
    begin raise exception 'the linkpay audit trail is append-only'; end $body$`.execute(db);
  await sql`create trigger ${sql.id(`${prefix}audit_append_only`)}
    before update or delete on ${audit} for each row execute function ${fn}()`.execute(db);
}

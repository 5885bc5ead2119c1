/**
 * @module
 * The statements `applyEvent` runs for every webhook, prepared once per store (see
 * prepared-query): lock the attempt, record the event, update the attempt, append the audit row.
 */
import type { Kysely } from "kysely";
import type { SqlDialectName } from "../config/connection-url";
import type { EventsTable, LinkpayTables } from "../schema/tables";
import { type attemptChanges, selectAttempts, UPDATABLE_COLUMNS } from "./attempt-queries";
import { type PreparedQuery, prepareQuery } from "./prepared-query";
import type { AttemptRow } from "./row-codec";

type Time = Date | number;

/** The values of an attempt UPDATE: the new column values, the id and the version it replaces. */
export type UpdateParams = ReturnType<typeof attemptChanges> & {
  $id: string;
  $previousVersion: number;
};

/** The prepared statements of one store. */
export interface ApplyStatements {
  readonly lockBySession: PreparedQuery<{ provider: string; session: string }, AttemptRow>;
  readonly lockLatestOfOrder: PreparedQuery<{ orderRef: string }, AttemptRow>;
  readonly lockById: PreparedQuery<{ id: string }, AttemptRow>;
  readonly insertEvent: PreparedQuery<
    { [K in keyof EventsTable]: K extends "received_at" ? Time : EventsTable[K] },
    unknown
  >;
  readonly appendAudit: PreparedQuery<
    { attempt_id: string; from_status: string; to_status: string; cause: string; at: Time },
    unknown
  >;
  /** An UPDATE of the columns in `mask` (see changedColumnMask), guarded by id and version. */
  updateAttempt(mask: number): PreparedQuery<UpdateParams, unknown>;
}

/** Prepares the statements for a store's (prefixed) tables and engine. */
export function applyStatements(
  db: Kysely<LinkpayTables>,
  dialect: SqlDialectName,
): ApplyStatements {
  const locking = () => selectAttempts(db, dialect, true);
  const updates = new Map<number, PreparedQuery<UpdateParams, unknown>>();
  return {
    lockBySession: prepareQuery((p) =>
      locking()
        .where("provider", "=", p("provider"))
        .where("provider_session_id", "=", p("session")),
    ),
    lockLatestOfOrder: prepareQuery((p) =>
      locking().where("order_ref", "=", p("orderRef")).orderBy("sequence", "desc").limit(1),
    ),
    lockById: prepareQuery((p) => locking().where("id", "=", p("id"))),
    insertEvent: prepareQuery((p) =>
      db
        .insertInto("events")
        .values({
          provider: p("provider"),
          event_id: p("event_id"),
          kind: p("kind"),
          attempt_id: p("attempt_id"),
          received_at: p("received_at"),
          outcome: p("outcome"),
          reason: p("reason"),
          payload_digest: p("payload_digest"),
          payload: p("payload"),
        })
        .onConflict((conflict) => conflict.columns(["provider", "event_id"]).doNothing()),
    ),
    appendAudit: prepareQuery((p) =>
      db.insertInto("audit").values({
        attempt_id: p("attempt_id"),
        from_status: p("from_status"),
        to_status: p("to_status"),
        cause: p("cause"),
        at: p("at"),
      }),
    ),
    updateAttempt(mask) {
      let prepared = updates.get(mask);
      if (prepared === undefined) {
        const columns = UPDATABLE_COLUMNS.filter((_, index) => (mask & (1 << index)) !== 0);
        prepared = prepareQuery<UpdateParams, unknown>((p) =>
          db
            .updateTable("attempts")
            .set(Object.fromEntries(columns.map((column) => [column, p(column)])))
            .where("id", "=", p("$id"))
            .where("version", "=", p("$previousVersion")),
        );
        updates.set(mask, prepared);
      }
      return prepared;
    },
  };
}

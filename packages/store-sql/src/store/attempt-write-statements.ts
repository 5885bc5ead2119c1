/**
 * @module
 * The two statements every checkout start runs, prepared once per store (see prepared-query):
 * inserting the attempt, and binding the provider's session to it in one UPDATE … RETURNING.
 * Both run on the transaction's own connection, without Kysely building, prefixing and compiling
 * them again for every checkout.
 */
import type { Kysely } from "kysely";
import type { LinkpayTables } from "../schema/tables";
import { ATTEMPT_COLUMNS, type attemptChanges } from "./attempt-queries";
import { type PreparedQuery, prepareQuery } from "./prepared-query";
import type { AttemptRow } from "./row-codec";

type Time = Date | number;

/** The values of a new attempt's row. */
export type InsertAttemptParams = ReturnType<typeof attemptChanges> & {
  id: string;
  order_ref: string;
  sequence: number;
  provider: string;
  amount: number;
  currency: string;
  created_at: Time;
};

/** The values of a session binding. */
export interface BindSessionParams {
  id: string;
  session: string;
  hostedUrl: string;
  expiresAt: Time;
  now: Time;
}

/** The prepared statements of one store. */
export interface AttemptWriteStatements {
  readonly insert: PreparedQuery<InsertAttemptParams, unknown>;
  /**
   * Binds the session when the attempt has none or this one (the version moves on); returns the
   * row as written, or nothing when the attempt is missing or has another session.
   */
  readonly bind: PreparedQuery<BindSessionParams, AttemptRow>;
}

/** Prepares the statements for a store's (prefixed) tables. */
export function attemptWriteStatements(db: Kysely<LinkpayTables>): AttemptWriteStatements {
  return {
    insert: prepareQuery((p) =>
      db.insertInto("attempts").values({
        id: p("id"),
        order_ref: p("order_ref"),
        sequence: p("sequence"),
        provider: p("provider"),
        amount: p("amount"),
        currency: p("currency"),
        created_at: p("created_at"),
        claimed_until: null,
        provider_session_id: p("provider_session_id"),
        hosted_url: p("hosted_url"),
        status: p("status"),
        refunded_amount: p("refunded_amount"),
        expires_at: p("expires_at"),
        updated_at: p("updated_at"),
        version: p("version"),
      }),
    ),
    bind: prepareQuery((p) =>
      db
        .updateTable("attempts")
        .set((eb) => ({
          provider_session_id: p("session"),
          hosted_url: p("hostedUrl"),
          expires_at: p("expiresAt"),
          updated_at: p("now"),
          version: eb("version", "+", 1),
        }))
        .where("id", "=", p("id"))
        .where((eb) =>
          eb.or([
            eb("provider_session_id", "is", null),
            eb("provider_session_id", "=", p("session")),
          ]),
        )
        .returning(ATTEMPT_COLUMNS),
    ),
  };
}

/**
 * @module
 * The attempt queries shared by the store and its transactions. On PostgreSQL a locking read
 * adds `FOR UPDATE`; on SQLite the transaction already holds the database's write lock.
 */
import type { CheckoutAttempt } from "@linkpay/core";
import { type Kysely, sql } from "kysely";
import type { SqlDialectName } from "../config/connection-url";
import type { LinkpayTables } from "../schema/tables";
import { encodeTime } from "./row-codec";

/** The statuses reconciliation looks at, as SQL literals (so the partial index applies). */
export const UNSETTLED = [sql.lit("open"), sql.lit("processing")];

/** The columns a {@link CheckoutAttempt} is read from (all but the reconciliation lease). */
export const ATTEMPT_COLUMNS = [
  "id",
  "order_ref",
  "sequence",
  "provider",
  "provider_session_id",
  "hosted_url",
  "amount",
  "currency",
  "status",
  "refunded_amount",
  "expires_at",
  "created_at",
  "updated_at",
  "version",
] as const;

/** Selects attempt rows, locking them on PostgreSQL when `lock` is set. */
export function selectAttempts(db: Kysely<LinkpayTables>, dialect: SqlDialectName, lock: boolean) {
  const query = db.selectFrom("attempts").select(ATTEMPT_COLUMNS);
  return lock && dialect === "postgres" ? query.forUpdate() : query;
}

/** The row values of everything a transition or a session may change. */
export function attemptChanges(dialect: SqlDialectName, attempt: CheckoutAttempt) {
  return {
    provider_session_id: attempt.providerSessionId,
    hosted_url: attempt.hostedUrl,
    status: attempt.status,
    refunded_amount: attempt.refundedAmount.amount,
    expires_at: encodeTime(dialect, attempt.expiresAt),
    updated_at: encodeTime(dialect, attempt.updatedAt),
    version: attempt.version,
  };
}

/** The attempt columns an update may write, in the order their bits take in a column mask. */
export const UPDATABLE_COLUMNS = [
  "provider_session_id",
  "hosted_url",
  "status",
  "refunded_amount",
  "expires_at",
  "updated_at",
  "version",
] as const;

const bit = (column: (typeof UPDATABLE_COLUMNS)[number]) => 1 << UPDATABLE_COLUMNS.indexOf(column);
const ALWAYS = bit("updated_at") | bit("version");
const EVERY = (1 << UPDATABLE_COLUMNS.length) - 1;

/**
 * A mask of the columns that differ from `before` (`updated_at` and `version` always): an UPDATE
 * that leaves an indexed column out does not rewrite that index.
 */
export function changedColumnMask(
  next: CheckoutAttempt,
  before: CheckoutAttempt | undefined,
): number {
  if (before === undefined) return EVERY;
  let mask = ALWAYS;
  if (next.providerSessionId !== before.providerSessionId) mask |= bit("provider_session_id");
  if (next.hostedUrl !== before.hostedUrl) mask |= bit("hosted_url");
  if (next.status !== before.status) mask |= bit("status");
  if (next.refundedAmount.amount !== before.refundedAmount.amount) mask |= bit("refunded_amount");
  if (next.expiresAt.getTime() !== before.expiresAt.getTime()) mask |= bit("expires_at");
  return mask;
}

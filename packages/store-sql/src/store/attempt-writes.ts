/**
 * @module
 * The store's writes outside event application: creating attempts (with the merchant's writes of
 * a new order in the same transaction), binding sessions and claiming stale attempts for
 * reconciliation (`FOR UPDATE SKIP LOCKED` on PostgreSQL, so several instances never claim the
 * same attempt; SQLite's write lock gives the same guarantee).
 */
import {
  type CheckoutAttempt,
  LinkpayError,
  type NewCheckoutAttempt,
  type PaymentStore,
} from "@linkpay/core";
import { newCheckoutAttempt } from "@linkpay/core/store-kit";
import type { Kysely, KyselyPlugin, Transaction } from "kysely";
import type { SqlDialectName } from "../config/connection-url";
import type { RunnerOf } from "../engines/statement-runner";
import { classifyDriverError } from "../errors/classify-error";
import type { LinkpayTables } from "../schema/tables";
import { attemptChanges, selectAttempts, UNSETTLED } from "./attempt-queries";
import type { AttemptWriteStatements } from "./attempt-write-statements";
import { type AttemptRow, attemptFromRow, encodeTime } from "./row-codec";
import type { SqlTransactionHandle } from "./sql-transaction-handle";

/** What the write operations need. */
export interface WriteContext {
  readonly dialect: SqlDialectName;
  readonly prefix: KyselyPlugin;
  /** The checkout start's statements, prepared once per store, and where they run. */
  readonly statements: AttemptWriteStatements;
  readonly runnerOf: RunnerOf;
}

function tables(trx: Transaction<object>, context: WriteContext): Kysely<LinkpayTables> {
  return trx.withPlugin(context.prefix).withTables<LinkpayTables>();
}

function conflictOnUnique(error: unknown, message: string, details: Record<string, unknown>) {
  if (classifyDriverError(error) !== "unique") return error;
  return new LinkpayError("ATTEMPT_CONFLICT", message, { cause: error, details });
}

/**
 * Inserts an `open` attempt; ATTEMPT_CONFLICT when the order already has that sequence. Then runs
 * `alongside` (the merchant's writes of a new order) on the same transaction: what it throws rolls
 * back the attempt too.
 */
export async function insertAttempt(
  trx: Transaction<object>,
  context: WriteContext,
  input: NewCheckoutAttempt,
  alongside?: (tx: SqlTransactionHandle, attempt: CheckoutAttempt) => Promise<void>,
): Promise<CheckoutAttempt> {
  const { dialect } = context;
  const attempt = newCheckoutAttempt(input);
  try {
    await context.statements.insert.changes(await context.runnerOf(trx), {
      id: attempt.id,
      order_ref: attempt.orderRef,
      sequence: attempt.sequence,
      provider: attempt.provider,
      amount: attempt.amount.amount,
      currency: attempt.amount.currency,
      created_at: encodeTime(dialect, attempt.createdAt),
      ...attemptChanges(dialect, attempt),
    });
  } catch (error) {
    throw conflictOnUnique(error, "This order already has that attempt", {
      orderRef: input.orderRef,
      sequence: input.sequence,
    });
  }
  await alongside?.({ dialect, db: trx }, attempt);
  return attempt;
}

/**
 * Records the provider's session on an attempt (idempotent for the same session) in one
 * statement: the update takes the row (its lock, on PostgreSQL) only while it has no session or
 * this one, and returns it as written. Only when it changed nothing is the row read, to say why.
 */
export async function bindSession(
  trx: Transaction<object>,
  context: WriteContext,
  input: Parameters<PaymentStore["attachSession"]>[0],
): Promise<CheckoutAttempt> {
  const { dialect } = context;
  let row: AttemptRow | undefined;
  try {
    row = await context.statements.bind.row(await context.runnerOf(trx), {
      id: input.attemptId,
      session: input.providerSessionId,
      hostedUrl: input.hostedUrl,
      expiresAt: encodeTime(dialect, input.expiresAt),
      now: encodeTime(dialect, input.now),
    });
  } catch (error) {
    throw conflictOnUnique(error, "Another attempt already has this session", {
      attemptId: input.attemptId,
    });
  }
  if (row !== undefined) return attemptFromRow(row);
  const found = await selectAttempts(tables(trx, context), dialect, false)
    .where("id", "=", input.attemptId)
    .executeTakeFirst();
  if (!found) throw new LinkpayError("ATTEMPT_NOT_FOUND", "No such attempt");
  throw new LinkpayError("ATTEMPT_CONFLICT", "The attempt already has another session", {
    details: { attemptId: input.attemptId },
  });
}

/** Claims up to `limit` stale open/processing attempts for `leaseSeconds`. */
export async function claimStale(
  trx: Transaction<object>,
  context: WriteContext,
  input: Parameters<PaymentStore["claimStaleAttempts"]>[0],
): Promise<readonly CheckoutAttempt[]> {
  const { dialect } = context;
  const db = tables(trx, context);
  const now = encodeTime(dialect, input.now);
  const candidates = db
    .selectFrom("attempts")
    .select("id")
    .where("status", "in", UNSETTLED)
    .where("updated_at", "<", encodeTime(dialect, input.updatedBefore))
    .where((eb) => eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<=", now)]))
    // Never checked first, then checked longest ago: a backlog beyond `limit` takes turns.
    .orderBy("claimed_until", (order) => order.asc().nullsFirst())
    .orderBy("updated_at")
    .limit(input.limit);
  const claimable = dialect === "postgres" ? candidates.forUpdate().skipLocked() : candidates;
  const leaseEnd = new Date(input.now.getTime() + input.leaseSeconds * 1000);
  const rows = await db
    .updateTable("attempts")
    .set({ claimed_until: encodeTime(dialect, leaseEnd) })
    .where("id", "in", claimable)
    .returningAll()
    .execute();
  return rows
    .map(attemptFromRow)
    .sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime() || a.id.localeCompare(b.id));
}

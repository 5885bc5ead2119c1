/**
 * @module
 * The store's writes outside event application: creating attempts, binding sessions and
 * claiming stale attempts for reconciliation (`FOR UPDATE SKIP LOCKED` on PostgreSQL, so several
 * instances never claim the same attempt; SQLite's write lock gives the same guarantee).
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
import { classifyDriverError } from "../errors/classify-error";
import type { LinkpayTables } from "../schema/tables";
import { attemptChanges, selectAttempts, UNSETTLED } from "./attempt-queries";
import { attemptFromRow, encodeTime } from "./row-codec";

/** What the write operations need. */
export interface WriteContext {
  readonly dialect: SqlDialectName;
  readonly prefix: KyselyPlugin;
}

function tables(trx: Transaction<object>, context: WriteContext): Kysely<LinkpayTables> {
  return trx.withPlugin(context.prefix).withTables<LinkpayTables>();
}

function conflictOnUnique(error: unknown, message: string, details: Record<string, unknown>) {
  if (classifyDriverError(error) !== "unique") return error;
  return new LinkpayError("ATTEMPT_CONFLICT", message, { cause: error, details });
}

/** Inserts an `open` attempt; ATTEMPT_CONFLICT when the order already has that sequence. */
export async function insertAttempt(
  trx: Transaction<object>,
  context: WriteContext,
  input: NewCheckoutAttempt,
): Promise<CheckoutAttempt> {
  const { dialect } = context;
  const attempt = newCheckoutAttempt(input);
  try {
    await tables(trx, context)
      .insertInto("attempts")
      .values({
        id: attempt.id,
        order_ref: attempt.orderRef,
        sequence: attempt.sequence,
        provider: attempt.provider,
        amount: attempt.amount.amount,
        currency: attempt.amount.currency,
        created_at: encodeTime(dialect, attempt.createdAt),
        claimed_until: null,
        ...attemptChanges(dialect, attempt),
      })
      .execute();
  } catch (error) {
    throw conflictOnUnique(error, "This order already has that attempt", {
      orderRef: input.orderRef,
      sequence: input.sequence,
    });
  }
  return attempt;
}

/** Records the provider's session on an attempt (idempotent for the same session). */
export async function bindSession(
  trx: Transaction<object>,
  context: WriteContext,
  input: Parameters<PaymentStore["attachSession"]>[0],
): Promise<CheckoutAttempt> {
  const db = tables(trx, context);
  const row = await selectAttempts(db, context.dialect, true)
    .where("id", "=", input.attemptId)
    .executeTakeFirst();
  if (!row) throw new LinkpayError("ATTEMPT_NOT_FOUND", "No such attempt");
  const attempt = attemptFromRow(row);
  if (attempt.providerSessionId !== null && attempt.providerSessionId !== input.providerSessionId) {
    throw new LinkpayError("ATTEMPT_CONFLICT", "The attempt already has another session", {
      details: { attemptId: attempt.id },
    });
  }
  const next: CheckoutAttempt = {
    ...attempt,
    providerSessionId: input.providerSessionId,
    hostedUrl: input.hostedUrl,
    expiresAt: input.expiresAt,
    updatedAt: input.now,
    version: attempt.version + 1,
  };
  try {
    await db
      .updateTable("attempts")
      .set(attemptChanges(context.dialect, next))
      .where("id", "=", attempt.id)
      .execute();
  } catch (error) {
    throw conflictOnUnique(error, "Another attempt already has this session", {
      attemptId: attempt.id,
    });
  }
  return next;
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

/**
 * @module
 * The {@link StoreTransaction} primitives on one open database transaction. The core's
 * `applyEvent` drives them: lock the attempt, record the event id (a unique key decides
 * duplicates), write the attempt with a version check, append the audit row, run hooks.
 */
import { type CheckoutAttempt, LinkpayError, type StoreTransaction } from "@linkpay/core";
import type { Transaction } from "kysely";
import type { SqlDialectName } from "../config/connection-url";
import { classifyDriverError } from "../errors/classify-error";
import type { ApplyStatements } from "./apply-statements";
import { changedColumnMask } from "./attempt-queries";
import { type AttemptRow, attemptFromRow, encodePayload, encodeTime } from "./row-codec";

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

/** The store's transaction primitives over `trx`. */
export function sqlTransaction(
  trx: Transaction<object>,
  dialect: SqlDialectName,
  statements: ApplyStatements,
  refunds: Pick<StoreTransaction, "insertRefund" | "refundsOf" | "confirmRefunds">,
): StoreTransaction<SqlTransactionHandle> {
  /** The attempts this transaction locked, as read: updates write only what changed. */
  const seen = new Map<string, CheckoutAttempt>();
  const remember = (row: AttemptRow): CheckoutAttempt => {
    const attempt = attemptFromRow(row);
    seen.set(attempt.id, attempt);
    return attempt;
  };

  return {
    handle: { dialect, db: trx },
    insertRefund: refunds.insertRefund,
    refundsOf: refunds.refundsOf,
    confirmRefunds: refunds.confirmRefunds,

    async lockAttemptForEvent({ provider, providerSessionId, orderRef }) {
      const bound = await statements.lockBySession.execute(trx, {
        provider,
        session: providerSessionId,
      });
      const [row] = bound.rows;
      if (row) return remember(row);
      const latest = (await statements.lockLatestOfOrder.execute(trx, { orderRef })).rows[0];
      if (!latest) return null;
      const attempt = remember(latest);
      // The session may have been bound by a transaction that committed while we waited.
      const unbound = attempt.providerSessionId === null;
      const ours = unbound || attempt.providerSessionId === providerSessionId;
      return attempt.provider === provider && ours ? attempt : null;
    },

    async lockAttempt({ attemptId }) {
      const [row] = (await statements.lockById.execute(trx, { id: attemptId })).rows;
      return row ? remember(row) : null;
    },

    async insertEvent(event) {
      const result = await statements.insertEvent.execute(trx, {
        provider: event.provider,
        event_id: event.eventId,
        kind: event.kind,
        attempt_id: event.attemptId,
        received_at: encodeTime(dialect, event.receivedAt),
        outcome: event.outcome,
        reason: event.reason,
        payload_digest: event.payloadDigest,
        payload: encodePayload(event.payload),
      });
      return (result.numAffectedRows ?? 0n) > 0n;
    },

    async updateAttempt(attempt) {
      const mask = changedColumnMask(attempt, seen.get(attempt.id));
      let updated: bigint;
      try {
        const result = await statements.updateAttempt(mask).execute(trx, {
          provider_session_id: attempt.providerSessionId,
          hosted_url: attempt.hostedUrl,
          status: attempt.status,
          refunded_amount: attempt.refundedAmount.amount,
          expires_at: encodeTime(dialect, attempt.expiresAt),
          updated_at: encodeTime(dialect, attempt.updatedAt),
          version: attempt.version,
          $id: attempt.id,
          $previousVersion: attempt.version - 1,
        });
        updated = result.numAffectedRows ?? 0n;
      } catch (error) {
        if (classifyDriverError(error) !== "unique") throw error;
        throw new LinkpayError("ATTEMPT_CONFLICT", "Another attempt already has this session", {
          cause: error,
          details: { attemptId: attempt.id },
        });
      }
      if (updated === 0n) {
        throw new LinkpayError("STORE_CONFLICT", "The attempt changed concurrently; retry", {
          details: { attemptId: attempt.id },
        });
      }
      seen.set(attempt.id, attempt);
    },

    async appendAudit(entry) {
      await statements.appendAudit.execute(trx, {
        attempt_id: entry.attemptId,
        from_status: entry.from,
        to_status: entry.to,
        cause: entry.cause,
        at: encodeTime(dialect, entry.at),
      });
    },
  };
}

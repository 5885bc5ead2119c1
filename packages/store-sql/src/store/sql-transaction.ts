/**
 * @module
 * The {@link StoreTransaction} primitives on one open database transaction. The core's
 * `applyEvent` drives them: lock the attempt, record the event id (a unique key decides
 * duplicates), write the attempt with a version check, append the audit row, run hooks.
 */
import {
  type AuditEntry,
  type CheckoutAttempt,
  LinkpayError,
  type ReceivedEvent,
  type RefundRecord,
  type StoreTransaction,
} from "@linkpay/core";
import type { Transaction } from "kysely";
import type { SqlDialectName } from "../config/connection-url";
import type { StatementRunner } from "../engines/statement-runner";
import { classifyDriverError } from "../errors/classify-error";
import type { ApplyStatements } from "./apply-statements";
import { attemptChanges, changedColumnMask } from "./attempt-queries";
import { type AttemptRow, attemptFromRow, encodePayload, encodeTime } from "./row-codec";
import type { SqlTransactionHandle } from "./sql-transaction-handle";

/** The refund primitives, which only refunds and refund events use. */
type RefundPrimitives = Pick<StoreTransaction, "insertRefund" | "refundsOf" | "confirmRefunds">;

/** What a store's transactions share. */
export interface SqlTransactionContext {
  readonly dialect: SqlDialectName;
  readonly statements: ApplyStatements;
  /** The refund primitives over a transaction (made when first needed). */
  readonly refunds: (trx: Transaction<object>) => RefundPrimitives;
}

/**
 * The store's transaction primitives over `trx`; its own statements go through `runner`. A class
 * rather than an object of closures: one is made per webhook, and its methods are shared.
 */
class SqlTransaction implements StoreTransaction<SqlTransactionHandle> {
  readonly handle: SqlTransactionHandle;
  readonly #trx: Transaction<object>;
  readonly #runner: StatementRunner;
  readonly #context: SqlTransactionContext;
  /** The attempts this transaction locked, as read: updates write only what changed. */
  readonly #seen = new Map<string, CheckoutAttempt>();
  #refunds: RefundPrimitives | undefined;

  constructor(trx: Transaction<object>, runner: StatementRunner, context: SqlTransactionContext) {
    this.handle = { dialect: context.dialect, db: trx };
    this.#trx = trx;
    this.#runner = runner;
    this.#context = context;
  }

  #remember(row: AttemptRow): CheckoutAttempt {
    const attempt = attemptFromRow(row);
    this.#seen.set(attempt.id, attempt);
    return attempt;
  }

  #refundPrimitives(): RefundPrimitives {
    this.#refunds ??= this.#context.refunds(this.#trx);
    return this.#refunds;
  }

  insertRefund(refund: RefundRecord): Promise<boolean> {
    return this.#refundPrimitives().insertRefund(refund);
  }

  refundsOf(input: { readonly attemptId: string }): Promise<readonly RefundRecord[]> {
    return this.#refundPrimitives().refundsOf(input);
  }

  confirmRefunds(input: { readonly attemptId: string; readonly now: Date }): Promise<number> {
    return this.#refundPrimitives().confirmRefunds(input);
  }

  async lockAttemptForEvent(input: {
    readonly provider: string;
    readonly providerSessionId: string;
    readonly orderRef: string;
  }): Promise<CheckoutAttempt | null> {
    const { provider, providerSessionId, orderRef } = input;
    const { statements } = this.#context;
    const row = await statements.lockBySession.row(this.#runner, {
      provider,
      session: providerSessionId,
    });
    if (row) return this.#remember(row);
    const latest = await statements.lockLatestOfOrder.row(this.#runner, { orderRef });
    if (!latest) return null;
    const attempt = this.#remember(latest);
    // The session may have been bound by a transaction that committed while we waited.
    const unbound = attempt.providerSessionId === null;
    const ours = unbound || attempt.providerSessionId === providerSessionId;
    return attempt.provider === provider && ours ? attempt : null;
  }

  async lockAttempt({
    attemptId,
  }: {
    readonly attemptId: string;
  }): Promise<CheckoutAttempt | null> {
    const row = await this.#context.statements.lockById.row(this.#runner, { id: attemptId });
    return row ? this.#remember(row) : null;
  }

  async insertEvent(event: ReceivedEvent): Promise<boolean> {
    const { dialect, statements } = this.#context;
    const inserted = await statements.insertEvent.changes(this.#runner, {
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
    return inserted > 0;
  }

  async updateAttempt(attempt: CheckoutAttempt): Promise<void> {
    const { dialect, statements } = this.#context;
    const mask = changedColumnMask(attempt, this.#seen.get(attempt.id));
    let updated: number;
    try {
      updated = await statements.updateAttempt(mask).changes(this.#runner, {
        ...attemptChanges(dialect, attempt),
        $id: attempt.id,
        $previousVersion: attempt.version - 1,
      });
    } catch (error) {
      if (classifyDriverError(error) !== "unique") throw error;
      throw new LinkpayError("ATTEMPT_CONFLICT", "Another attempt already has this session", {
        cause: error,
        details: { attemptId: attempt.id },
      });
    }
    if (updated === 0) {
      throw new LinkpayError("STORE_CONFLICT", "The attempt changed concurrently; retry", {
        details: { attemptId: attempt.id },
      });
    }
    this.#seen.set(attempt.id, attempt);
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    const { dialect, statements } = this.#context;
    await statements.appendAudit.changes(this.#runner, {
      attempt_id: entry.attemptId,
      from_status: entry.from,
      to_status: entry.to,
      cause: entry.cause,
      at: encodeTime(dialect, entry.at),
    });
  }
}

/** The store's transaction primitives over `trx`; its own statements go through `runner`. */
export function sqlTransaction(
  trx: Transaction<object>,
  runner: StatementRunner,
  context: SqlTransactionContext,
): StoreTransaction<SqlTransactionHandle> {
  return new SqlTransaction(trx, runner, context);
}

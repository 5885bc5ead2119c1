/**
 * @module
 * Runs one unit of work in a database transaction, with the engine's retry rules:
 *
 * - PostgreSQL: a transaction the server aborted to break a deadlock or serialization conflict
 *   (SQLSTATE 40P01 / 40001, also when it reached a hook and came back wrapped) is run again, up
 *   to `maxTransactionRetries` times, so callers never see it. A connection that turns out to be
 *   dead before the transaction began is replaced once.
 * - SQLite: a transaction that cannot take the write lock is started again until `busyTimeoutMs`
 *   from the call has passed (see sqlite-engine); meanwhile other work in this process proceeds.
 *
 * Driver errors leave as LinkpayErrors (see classify-error); other errors pass through.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { Kysely, Transaction } from "kysely";
import type { SqlDialectName } from "../config/connection-url";
import { busyRetryDelay } from "../engines/sqlite-engine";
import { classifyDriverError, toStoreError } from "../errors/classify-error";

/** Runs work in a transaction; see the module comment. */
export type TransactionRunner = <T>(
  operation: string,
  work: (trx: Transaction<object>) => Promise<T>,
) => Promise<T>;

/** Options of {@link createTransactionRunner}. */
export interface TransactionRunnerOptions {
  readonly dialect: SqlDialectName;
  readonly busyTimeoutMs: number;
  readonly maxTransactionRetries: number;
}

/** True when the error, or an error it wraps, is a deadlock or serialization failure. */
function isSerializationFailure(error: unknown): boolean {
  let current = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    if (classifyDriverError(current) === "serialization") return true;
    current = "cause" in current ? current.cause : undefined;
  }
  return false;
}

/** Creates the runner for a store. */
export function createTransactionRunner(
  db: Kysely<object>,
  options: TransactionRunnerOptions,
): TransactionRunner {
  const { dialect, busyTimeoutMs, maxTransactionRetries } = options;
  /** How long to wait before running the transaction again, or null to give up. */
  const retryDelay = (error: unknown, attempt: number, began: boolean, deadline: number) => {
    if (dialect === "sqlite") return began ? null : busyRetryDelay(error, attempt, deadline);
    const retry =
      isSerializationFailure(error) ||
      (!began && attempt === 0 && classifyDriverError(error) === "unavailable");
    return retry && attempt < maxTransactionRetries
      ? Math.random() * Math.min(100, 5 * 2 ** attempt)
      : null;
  };
  return async (operation, work) => {
    const deadline = Date.now() + busyTimeoutMs;
    for (let attempt = 0; ; attempt++) {
      let began = false;
      try {
        return await db.transaction().execute((trx) => {
          began = true;
          return work(trx);
        });
      } catch (error) {
        const delay = retryDelay(error, attempt, began, deadline);
        if (delay === null) throw toStoreError(error, operation);
        await sleep(delay);
      }
    }
  };
}

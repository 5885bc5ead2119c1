/**
 * @module
 * The refund half of the SQL store: inserting a refund and reading an attempt's refunds inside
 * the transaction that locked the attempt (so two refunds of one payment are checked one after
 * the other), and, outside it, finding a refund by its idempotency key, recording the provider's
 * answer and listing an order's refunds.
 */
import {
  LinkpayError,
  money,
  type RefundRecord,
  type RefundStatus,
  type StoreTransaction,
} from "@linkpay/core";
import type { Kysely, Selectable } from "kysely";
import type { SqlDialectName } from "../config/connection-url";
import type { LinkpayTables, RefundsTable } from "../schema/tables";
import { selectAttempts } from "./attempt-queries";
import { attemptFromRow, decodeInteger, decodeTime, encodeTime } from "./row-codec";

const STATUSES: readonly RefundStatus[] = ["pending", "succeeded", "requires_action", "failed"];

function refundFromRow(row: Selectable<RefundsTable>): RefundRecord {
  const status = STATUSES.find((known) => known === row.status);
  if (status === undefined) {
    throw new LinkpayError("STORE_UNAVAILABLE", "A stored refund has an unknown status", {
      details: { refundId: row.id },
    });
  }
  return {
    id: row.id,
    attemptId: row.attempt_id,
    orderRef: row.order_ref,
    amount: money(decodeInteger(row.amount), row.currency),
    reason: row.reason,
    actor: row.actor,
    idempotencyKey: row.idempotency_key,
    status,
    providerRefundId: row.provider_refund_id,
    failureCode: row.failure_code,
    createdAt: decodeTime(row.created_at),
    updatedAt: decodeTime(row.updated_at),
  };
}

/** An attempt's or an order's refunds, oldest first. */
async function refundsWhere(
  db: Kysely<LinkpayTables>,
  column: "attempt_id" | "order_ref",
  value: string,
): Promise<RefundRecord[]> {
  const rows = await db
    .selectFrom("refunds")
    .selectAll()
    .where(column, "=", value)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map(refundFromRow);
}

/** The refund primitives of one open transaction. */
export function refundTransactionOperations(
  trx: Kysely<LinkpayTables>,
  dialect: SqlDialectName,
): Pick<StoreTransaction, "insertRefund" | "refundsOf" | "confirmRefunds"> {
  return {
    async insertRefund(refund) {
      const result = await trx
        .insertInto("refunds")
        .values({
          id: refund.id,
          attempt_id: refund.attemptId,
          order_ref: refund.orderRef,
          amount: refund.amount.amount,
          currency: refund.amount.currency,
          reason: refund.reason,
          actor: refund.actor,
          idempotency_key: refund.idempotencyKey,
          status: refund.status,
          provider_refund_id: refund.providerRefundId,
          failure_code: refund.failureCode,
          created_at: encodeTime(dialect, refund.createdAt),
          updated_at: encodeTime(dialect, refund.updatedAt),
        })
        .onConflict((conflict) => conflict.column("idempotency_key").doNothing())
        .executeTakeFirst();
      return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },
    refundsOf: ({ attemptId }) => refundsWhere(trx, "attempt_id", attemptId),
    async confirmRefunds({ attemptId, now }) {
      const result = await trx
        .updateTable("refunds")
        .set({ status: "succeeded", updated_at: encodeTime(dialect, now) })
        .where("attempt_id", "=", attemptId)
        .where("status", "in", ["pending", "requires_action"])
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}

/** The refund operations outside a transaction. */
export function refundOperations(input: {
  readonly read: <T>(operation: string, query: () => Promise<T>) => Promise<T>;
  readonly db: Kysely<LinkpayTables>;
  readonly dialect: SqlDialectName;
}) {
  const { read, db, dialect } = input;
  return {
    findRefund: ({ idempotencyKey }: { readonly idempotencyKey: string }) =>
      read("findRefund", async () => {
        const row = await db
          .selectFrom("refunds")
          .selectAll()
          .where("idempotency_key", "=", idempotencyKey)
          .executeTakeFirst();
        return row === undefined ? null : refundFromRow(row);
      }),
    updateRefund: (update: {
      readonly id: string;
      readonly status: RefundStatus;
      readonly providerRefundId: string | null;
      readonly failureCode: string | null;
      readonly now: Date;
    }) =>
      read("updateRefund", async () => {
        const row = await db
          .updateTable("refunds")
          .set({
            status: update.status,
            provider_refund_id: update.providerRefundId,
            failure_code: update.failureCode,
            updated_at: encodeTime(dialect, update.now),
          })
          .where("id", "=", update.id)
          .returningAll()
          .executeTakeFirst();
        if (row === undefined) {
          throw new LinkpayError("REFUND_NOT_FOUND", `No refund ${update.id}`, {
            details: { id: update.id },
          });
        }
        return refundFromRow(row);
      }),
    findAttemptsAwaitingRefund: ({
      requestedBefore,
      limit,
    }: {
      readonly requestedBefore: Date;
      readonly limit: number;
    }) =>
      read("findAttemptsAwaitingRefund", async () => {
        const asked = db
          .selectFrom("refunds")
          .select((eb) => [
            "attempt_id",
            eb.fn.sum<number | string | bigint>("amount").as("asked"),
            eb.fn.max("created_at").as("newest"),
          ])
          .where("status", "!=", "failed")
          .groupBy("attempt_id")
          .as("asked");
        const rows = await selectAttempts(db, dialect, false)
          .innerJoin(asked, "asked.attempt_id", "attempts.id")
          .whereRef("attempts.refunded_amount", "<", "asked.asked")
          .where("asked.newest", "<", encodeTime(dialect, requestedBefore))
          .orderBy("attempts.updated_at")
          .limit(limit)
          .execute();
        return rows.map(attemptFromRow);
      }),
    listRefunds: ({ orderRef }: { readonly orderRef: string }) =>
      read("listRefunds", () => refundsWhere(db, "order_ref", orderRef)),
  };
}

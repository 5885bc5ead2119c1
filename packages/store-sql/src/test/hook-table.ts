/**
 * @module
 * A merchant table the test hooks write in the store's transaction (`hook_calls`): one row per
 * hook run, so "each hook ran exactly once" is counted by the database itself.
 */
import type { HookContext, PaymentHook, PaymentHooks } from "@linkpay/core";
import type { Kysely } from "kysely";
import type { SqlTransactionHandle } from "../store/sql-transaction-handle";

/** The merchant's tables in these tests. */
export type HookTables = {
  hook_calls: { order_ref: string; effect: string; event_id: string; refunded_amount: number };
};

/** Creates `hook_calls` (unprefixed, as a merchant's own table would be). */
export async function createHookTable(db: Kysely<object>): Promise<void> {
  await db.schema
    .createTable("hook_calls")
    .ifNotExists()
    .addColumn("order_ref", "text", (c) => c.notNull())
    .addColumn("effect", "text", (c) => c.notNull())
    .addColumn("event_id", "text", (c) => c.notNull())
    .addColumn("refunded_amount", "bigint", (c) => c.notNull())
    .execute();
}

/** Every recorded hook run. */
export async function hookCalls(db: Kysely<object>) {
  return db
    .withTables<HookTables>()
    .selectFrom("hook_calls")
    .select(["order_ref", "effect", "event_id"])
    .execute();
}

/** Options of {@link recordingHooks}. */
export interface RecordingHookOptions {
  /** Called inside the transaction after the row is written (before commit). */
  readonly afterWrite?: ((context: HookContext<SqlTransactionHandle>) => Promise<void>) | undefined;
}

/** Hooks that insert a `hook_calls` row through the store's transaction. */
export function recordingHooks(
  options: RecordingHookOptions = {},
): PaymentHooks<SqlTransactionHandle> {
  const record =
    (effect: string): PaymentHook<SqlTransactionHandle> =>
    async (context) => {
      await context.tx.db
        .withTables<HookTables>()
        .insertInto("hook_calls")
        .values({
          order_ref: context.attempt.orderRef,
          effect,
          event_id: context.event.eventId,
          refunded_amount: context.attempt.refundedAmount.amount,
        })
        .execute();
      await options.afterWrite?.(context);
    };
  return {
    onPaid: record("paid"),
    onRefunded: record("refunded"),
    onFailed: record("failed"),
    onExpired: record("expired"),
    onCanceled: record("canceled"),
  };
}

/**
 * @module
 * The measured path: core's `applyEvent` on the SQL store, with a hook that writes the
 * merchant's row in the same transaction.
 */
import { applyEvent, type PaymentHooks } from "@linkpay/core";
import { sql } from "kysely";
import type { SqlStore } from "../store/sql-store";
import type { SqlTransactionHandle } from "../store/sql-transaction";
import type { BenchItem } from "./bench-workload";

const hooks: PaymentHooks<SqlTransactionHandle> = {
  // The merchant's own write, the way the README suggests (Kysely's parameterized `sql`).
  onPaid: async ({ attempt, event, tx }) => {
    await sql`insert into bench_hook_calls (order_ref, event_id)
      values (${attempt.orderRef}, ${event.eventId})`.execute(tx.db);
  },
};

/** Applies one item's event through the store; throws unless it changed the attempt. */
export async function applyThroughStore(store: SqlStore, item: BenchItem): Promise<void> {
  const result = await applyEvent({ store, hooks, event: item.event, now: new Date() });
  if (result.outcome !== "processed" || !result.changed) {
    throw new Error(`unexpected outcome ${JSON.stringify(result)}`);
  }
}

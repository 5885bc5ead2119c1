/**
 * @module
 * The measured path: `payments.handleWebhook` on the SQL store, with a bench-only provider that
 * hands back each item's prebuilt event for its body (no signature to check, so the ratio still
 * isolates the store), and a hook that writes the merchant's row in the same transaction.
 */
import {
  createPayments,
  type PaymentEvent,
  type PaymentHooks,
  type PaymentProvider,
  type Payments,
} from "@linkpay/core";
import { type SqlStore, type SqlTransactionHandle, sql } from "@linkpay/store-sql";
import type { BenchItem } from "./bench-workload";

const hooks: PaymentHooks<SqlTransactionHandle> = {
  // The merchant's own write, the way the README suggests (Kysely's parameterized `sql`).
  onPaid: async ({ attempt, event, tx }) => {
    await sql`insert into bench_hook_calls (order_ref, event_id)
      values (${attempt.orderRef}, ${event.eventId})`.execute(tx.db);
  },
};

const events = new Map<string, PaymentEvent>();

/** Trusts the body's event id: bench only, never a real provider. */
const benchProvider: PaymentProvider = {
  id: "fake",
  checkoutOrigins: ["https://pay.bench.test"],
  createCheckout: () => Promise.reject(new Error("not used by the bench")),
  retrieveCheckout: () => Promise.reject(new Error("not used by the bench")),
  parseWebhook: async ({ rawBody }) => {
    const event = events.get(String(rawBody));
    if (event === undefined) throw new Error("unknown bench event");
    return event;
  },
};

const paymentsByStore = new WeakMap<SqlStore, Payments>();

function paymentsFor(store: SqlStore): Payments {
  let payments = paymentsByStore.get(store);
  if (payments === undefined) {
    payments = createPayments({
      providers: [benchProvider],
      store,
      hooks,
      urls: { success: "https://shop.bench.test/ok", cancel: "https://shop.bench.test/cancel" },
    });
    paymentsByStore.set(store, payments);
  }
  return payments;
}

/** Applies one item's event through the store; throws unless it changed the attempt. */
export async function applyThroughStore(store: SqlStore, item: BenchItem): Promise<void> {
  events.set(item.event.eventId, item.event);
  const result = await paymentsFor(store).handleWebhook({
    provider: benchProvider.id,
    rawBody: item.event.eventId,
    headers: {},
  });
  events.delete(item.event.eventId);
  if (result.outcome !== "processed" || !result.changed) {
    throw new Error(`unexpected outcome ${JSON.stringify(result)}`);
  }
}

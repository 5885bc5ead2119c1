/**
 * @module
 * The benchmark's workload: open attempts with sessions, and for each one a `payment.succeeded`
 * event, so every applied event does the full write path (event row, attempt update, audit row,
 * the hook's own row). The store run and the baseline run get disjoint attempts.
 */
import { money, type PaymentEvent } from "@linkpay/core";
import type { SqlStore } from "@linkpay/store-sql";

/** The merchant table the benchmark hooks write. */
export type BenchTables = { bench_hook_calls: { order_ref: string; event_id: string } };

/** One attempt and the event that pays it. */
export interface BenchItem {
  readonly attemptId: string;
  readonly orderRef: string;
  readonly sessionId: string;
  readonly event: PaymentEvent;
}

/** The items of one run (`label` keeps runs apart). */
export function benchItems(label: string, count: number): BenchItem[] {
  return Array.from({ length: count }, (_, i) => {
    const orderRef = `BENCH-${label}-${i}`;
    const sessionId = `cs_bench_${label}_${i}`;
    const raw = {
      id: `evt_${label}_${i}`,
      type: "payment.succeeded",
      created: 1_764_000_000 + i,
      data: { session_id: sessionId, order_ref: orderRef, amount: 8_800, currency: "JPY" },
      livemode: false,
      request: { id: null, idempotency_key: `linkpay-checkout-${orderRef}` },
    };
    return {
      attemptId: `att-${label}-${i}`,
      orderRef,
      sessionId,
      event: {
        kind: "payment.succeeded",
        provider: "fake",
        eventId: raw.id,
        providerSessionId: sessionId,
        orderRef,
        amount: money(8_800, "JPY"),
        occurredAt: new Date(),
        raw,
      },
    };
  });
}

/** Creates the hook table and stores every item's attempt with its session. */
export async function seedBench(store: SqlStore, items: readonly BenchItem[]): Promise<void> {
  await store.db.schema
    .createTable("bench_hook_calls")
    .ifNotExists()
    .addColumn("order_ref", "text", (c) => c.notNull())
    .addColumn("event_id", "text", (c) => c.notNull())
    .execute();
  const now = new Date();
  const lanes = store.dialect === "postgres" ? 8 : 1;
  let next = 0;
  const lane = async () => {
    for (let item = items[next++]; item !== undefined; item = items[next++]) {
      await store.createAttempt({
        id: item.attemptId,
        orderRef: item.orderRef,
        sequence: 1,
        provider: "fake",
        amount: money(8_800, "JPY"),
        expiresAt: new Date(now.getTime() + 86_400_000),
        now,
      });
      await store.attachSession({
        attemptId: item.attemptId,
        providerSessionId: item.sessionId,
        hostedUrl: `https://pay.fake.test/pay/${item.sessionId}`,
        expiresAt: new Date(now.getTime() + 86_400_000),
        now,
      });
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
}

/** What one {@link measure} run took. */
export interface Measured {
  /** Items per second of wall-clock time. */
  readonly perSecond: number;
  /** This process's CPU time (user + system) per item, in µs. */
  readonly cpuMicros: number;
}

/** Runs `work` over `items` with `lanes` concurrent lanes; returns its rate and CPU per item. */
export async function measure<T>(
  items: readonly T[],
  lanes: number,
  work: (item: T) => Promise<void> | void,
): Promise<Measured> {
  let next = 0;
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const lane = async () => {
    for (let item = items[next++]; item !== undefined; item = items[next++]) await work(item);
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  return {
    perSecond: items.length / seconds,
    cpuMicros: (used.user + used.system) / Math.max(items.length, 1),
  };
}

/**
 * @module
 * A batch of orders with overlapping, duplicated and reordered events for the multi-process and
 * crash tests, and the check that every order ended right. Each order is paid; some are refunded
 * in part, some in full (over two refund events). The final state does not depend on the order
 * the events arrive in, so any interleaving across processes must reach it.
 */
import { money, type PaymentStatus } from "@linkpay/core";
import { createFakeProvider } from "@linkpay/core/testing";
import type { SqlStore } from "../store/sql-store";
import { hookCalls } from "./hook-table";

/** One order of the scenario and how it must end. */
export interface ScenarioOrder {
  readonly orderRef: string;
  readonly attemptId: string;
  readonly sessionId: string;
  readonly amount: number;
  readonly events: readonly {
    readonly eventId: string;
    readonly type: string;
    readonly refundedAmount?: number;
  }[];
  readonly expected: { readonly status: PaymentStatus; readonly refundedAmount: number };
}

/** A signed delivery as the worker reads it from a JSON file. */
export interface SerializedDelivery {
  readonly rawBody: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** Builds `count` orders with their events. */
export function buildScenario(label: string, count: number): ScenarioOrder[] {
  return Array.from({ length: count }, (_, i) => {
    const orderRef = `${label}-${i}`;
    const amount = 1_000 + i * 10;
    const half = Math.floor(amount / 2);
    const events: { eventId: string; type: string; refundedAmount?: number }[] = [
      { eventId: `${orderRef}-completed`, type: "checkout.completed" },
      { eventId: `${orderRef}-succeeded`, type: "payment.succeeded" },
    ];
    if (i % 3 >= 1)
      events.push({
        eventId: `${orderRef}-refund-1`,
        type: "payment.refunded",
        refundedAmount: half,
      });
    if (i % 3 === 2)
      events.push({
        eventId: `${orderRef}-refund-2`,
        type: "payment.refunded",
        refundedAmount: amount,
      });
    if (i % 5 === 0) events.push({ eventId: `${orderRef}-noise`, type: "customer.updated" });
    const expected =
      i % 3 === 0
        ? { status: "paid" as const, refundedAmount: 0 }
        : i % 3 === 1
          ? { status: "partially_refunded" as const, refundedAmount: half }
          : { status: "refunded" as const, refundedAmount: amount };
    return {
      orderRef,
      attemptId: `att-${orderRef}`,
      sessionId: `sess-${orderRef}`,
      amount,
      events,
      expected,
    };
  });
}

/** Stores the scenario's attempts, each with its session. */
export async function seedAttempts(
  store: SqlStore,
  orders: readonly ScenarioOrder[],
): Promise<void> {
  const now = new Date();
  for (const order of orders) {
    const attempt = await store.createAttempt({
      id: order.attemptId,
      orderRef: order.orderRef,
      sequence: 1,
      provider: "fake",
      amount: money(order.amount, "JPY"),
      expiresAt: new Date(now.getTime() + 3_600_000),
      now,
    });
    await store.attachSession({
      attemptId: attempt.id,
      providerSessionId: order.sessionId,
      hostedUrl: `https://pay.fake.test/pay/${order.sessionId}`,
      expiresAt: attempt.expiresAt,
      now,
    });
  }
}

/** Every event of every order, signed, `copies` times each, in a shuffled order. */
export function scenarioDeliveries(
  orders: readonly ScenarioOrder[],
  copies: number,
  random: () => number = Math.random,
): SerializedDelivery[] {
  const fake = createFakeProvider();
  const all: SerializedDelivery[] = [];
  for (const order of orders) {
    for (const event of order.events) {
      const delivery = fake.deliver({
        ...event,
        sessionId: order.sessionId,
        orderRef: order.orderRef,
        amount: order.amount,
        currency: "JPY",
      });
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(delivery.headers)) {
        if (typeof value === "string") headers[name] = value;
      }
      for (let copy = 0; copy < copies; copy++) {
        all.push({ rawBody: Buffer.from(delivery.rawBody).toString("utf8"), headers });
      }
    }
  }
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const [a, b] = [all[i], all[j]];
    if (a && b) [all[i], all[j]] = [b, a];
  }
  return all;
}

/** What is wrong with the stored outcome (empty when every order ended right, hooks ran once). */
export async function scenarioProblems(
  store: SqlStore,
  orders: readonly ScenarioOrder[],
): Promise<string[]> {
  const problems: string[] = [];
  const calls = await hookCalls(store.db);
  const byEvent = new Map<string, number>();
  for (const call of calls)
    byEvent.set(
      `${call.effect}:${call.event_id}`,
      (byEvent.get(`${call.effect}:${call.event_id}`) ?? 0) + 1,
    );
  for (const [key, count] of byEvent)
    if (count > 1) problems.push(`hook ${key} ran ${count} times`);
  for (const order of orders) {
    const attempt = await store.findLatestAttempt({ orderRef: order.orderRef });
    const state = { status: attempt?.status, refundedAmount: attempt?.refundedAmount.amount };
    if (JSON.stringify(state) !== JSON.stringify(order.expected)) {
      problems.push(
        `${order.orderRef}: ${JSON.stringify(state)} ≠ ${JSON.stringify(order.expected)}`,
      );
    }
    const mine = calls.filter((c) => c.order_ref === order.orderRef);
    const paid = mine.filter((c) => c.effect === "paid").length;
    const refunds = mine.filter((c) => c.effect === "refunded").length;
    const maxRefunds = order.events.filter((e) => e.type === "payment.refunded").length;
    if (paid !== 1) problems.push(`${order.orderRef}: paid hook ran ${paid} times`);
    if (refunds < Math.min(1, maxRefunds) || refunds > maxRefunds) {
      problems.push(`${order.orderRef}: refunded hook ran ${refunds} times`);
    }
    for (const event of order.events) {
      if (!(await store.findEvent({ provider: "fake", eventId: event.eventId }))) {
        problems.push(`${event.eventId} was never recorded`);
      }
    }
    const audit = await store.listAudit({ attemptId: order.attemptId });
    if (audit.at(-1)?.to !== order.expected.status)
      problems.push(`${order.orderRef}: audit ends wrong`);
  }
  return problems;
}

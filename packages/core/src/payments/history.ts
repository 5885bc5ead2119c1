/**
 * @module
 * `payments.history`: what an operator screen needs to answer "what happened to this order's
 * payment": every attempt, every provider event recorded for them (ids, kinds, when received, and
 * what core did with it), every state change with its cause, and every refund with who asked and
 * what the provider answered, on one timeline. Payloads are left out: they are the provider's
 * raw data, kept in the store for audit, not for screens.
 */
import type { Money } from "../money";
import type { RefundRecord, RefundStatus } from "../refunds";
import type { PaymentEventKind, PaymentStatus } from "../state-machine";
import type { CheckoutAttempt, EventOutcome, PaymentStore } from "../store";

/** One thing that happened to an order's payment. */
export type HistoryEntry =
  | {
      readonly type: "attempt_created";
      readonly at: Date;
      readonly attemptId: string;
      readonly sequence: number;
      readonly provider: string;
      readonly amount: Money;
    }
  | {
      readonly type: "event_received";
      readonly at: Date;
      readonly attemptId: string;
      readonly provider: string;
      readonly eventId: string;
      readonly kind: PaymentEventKind | "ignored";
      readonly outcome: EventOutcome;
      /** Why a rejected or no-op event changed nothing. */
      readonly reason: string | null;
    }
  | {
      readonly type: "status_changed";
      readonly at: Date;
      readonly attemptId: string;
      readonly from: PaymentStatus;
      readonly to: PaymentStatus;
      /** `provider:eventId` of the event that caused it. */
      readonly cause: string;
    }
  | {
      readonly type: "refund_requested";
      readonly at: Date;
      readonly attemptId: string;
      readonly refundId: string;
      readonly amount: Money;
      readonly actor: string;
      readonly reason: string;
    }
  | {
      readonly type: "refund_answered";
      readonly at: Date;
      readonly attemptId: string;
      readonly refundId: string;
      readonly status: RefundStatus;
      readonly providerRefundId: string | null;
      readonly failureCode: string | null;
    };

/** An order's payment history. */
export interface OrderHistory {
  readonly orderRef: string;
  /** Oldest first; empty for an order linkpay never saw. */
  readonly attempts: readonly CheckoutAttempt[];
  readonly refunds: readonly RefundRecord[];
  /** Everything above, in time order (same instant: the order listed in {@link HistoryEntry}). */
  readonly timeline: readonly HistoryEntry[];
}

const RANK: Record<HistoryEntry["type"], number> = {
  attempt_created: 0,
  event_received: 1,
  status_changed: 2,
  refund_requested: 3,
  refund_answered: 4,
};

/** Reads an order's history from the store. */
export async function orderHistory(
  store: PaymentStore<unknown>,
  orderRef: string,
): Promise<OrderHistory> {
  const [attempts, refunds] = await Promise.all([
    store.listAttempts({ orderRef }),
    store.listRefunds({ orderRef }),
  ]);
  const timeline: HistoryEntry[] = [];
  for (const attempt of attempts) {
    timeline.push({
      type: "attempt_created",
      at: attempt.createdAt,
      attemptId: attempt.id,
      sequence: attempt.sequence,
      provider: attempt.provider,
      amount: attempt.amount,
    });
    const [events, audit] = await Promise.all([
      store.listEvents({ attemptId: attempt.id }),
      store.listAudit({ attemptId: attempt.id }),
    ]);
    for (const event of events) {
      timeline.push({
        type: "event_received",
        at: event.receivedAt,
        attemptId: attempt.id,
        provider: event.provider,
        eventId: event.eventId,
        kind: event.kind,
        outcome: event.outcome,
        reason: event.reason,
      });
    }
    for (const entry of audit) {
      timeline.push({ type: "status_changed", ...entry });
    }
  }
  for (const refund of refunds) {
    timeline.push({
      type: "refund_requested",
      at: refund.createdAt,
      attemptId: refund.attemptId,
      refundId: refund.id,
      amount: refund.amount,
      actor: refund.actor,
      reason: refund.reason,
    });
    if (refund.providerRefundId !== null || refund.status !== "pending") {
      timeline.push({
        type: "refund_answered",
        at: refund.updatedAt,
        attemptId: refund.attemptId,
        refundId: refund.id,
        status: refund.status,
        providerRefundId: refund.providerRefundId,
        failureCode: refund.failureCode,
      });
    }
  }
  // A stable sort: entries of the same instant keep the order they were listed in, by type.
  timeline.sort((a, b) => a.at.getTime() - b.at.getTime() || RANK[a.type] - RANK[b.type]);
  return { orderRef, attempts, refunds, timeline };
}

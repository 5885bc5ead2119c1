/**
 * @module
 * The payment state machine: a pure function from (state, event) to (new state, effects).
 *
 * Why it is shaped this way: providers deliver events duplicated, late and out of order, so the
 * machine is monotonic. A state only moves "up" (open → processing → closed; money taken beats
 * every unpaid outcome; refunds only grow), and anything else is a no-op with a reason. A refund
 * that arrives before the payment it refunds proves the payment happened, so it counts as both.
 */
import type { PaymentEventKind, PaymentStatus } from "./payment-status";

/** The part of an attempt the state machine reads and writes. */
export interface PaymentState {
  readonly status: PaymentStatus;
  /** The attempt's total, in minor units. */
  readonly amount: number;
  /** Refunded so far, in minor units (0 until refunded). */
  readonly refundedAmount: number;
}

/** The part of an event the state machine reads. */
export interface PaymentStateEvent {
  readonly kind: PaymentEventKind;
  /** For `payment.refunded`: the cumulative amount refunded so far, in minor units. */
  readonly refundedAmount?: number | undefined;
}

/**
 * A merchant-visible consequence of a state change; each maps to one hook. `pending`: the payment
 * was started and completes later (a konbini slip was issued).
 */
export type PaymentEffect = "pending" | "paid" | "failed" | "expired" | "canceled" | "refunded";

/** Why an event changed nothing. */
export type NoopReason =
  | "already_in_state"
  | "stale_event"
  | "already_closed"
  | "already_paid"
  | "refund_not_larger"
  | "refund_exceeds_amount";

/** What applying one event to one state gives. */
export type TransitionResult =
  | {
      readonly changed: true;
      readonly state: PaymentState;
      readonly effects: readonly PaymentEffect[];
      /** Set when the change is legitimate but surprising and a person should look. */
      readonly alert?: "paid_after_closed" | undefined;
    }
  | { readonly changed: false; readonly state: PaymentState; readonly reason: NoopReason };

const rank: Record<PaymentStatus, number> = {
  open: 0,
  processing: 1,
  canceled: 2,
  expired: 2,
  failed: 2,
  paid: 3,
  partially_refunded: 4,
  refunded: 4,
};

function noop(state: PaymentState, reason: NoopReason): TransitionResult {
  return { changed: false, state, reason };
}

function moveTo(
  state: PaymentState,
  status: PaymentStatus,
  effects: readonly PaymentEffect[],
): TransitionResult {
  const alert = status === "paid" && rank[state.status] === 2 ? "paid_after_closed" : undefined;
  return { changed: true, state: { ...state, status }, effects, alert };
}

function applyRefund(state: PaymentState, refunded: number | undefined): TransitionResult {
  if (refunded === undefined || refunded <= state.refundedAmount) {
    return noop(state, "refund_not_larger");
  }
  if (refunded > state.amount) return noop(state, "refund_exceeds_amount");
  const status = refunded === state.amount ? "refunded" : "partially_refunded";
  const effects: PaymentEffect[] =
    rank[state.status] < rank.paid ? ["paid", "refunded"] : ["refunded"];
  const alert = rank[state.status] === 2 ? "paid_after_closed" : undefined;
  return { changed: true, state: { ...state, status, refundedAmount: refunded }, effects, alert };
}

/**
 * Applies one normalized event to a payment state.
 *
 * @example
 * transition({ status: "open", amount: 5000, refundedAmount: 0 }, { kind: "payment.succeeded" })
 * // → { changed: true, state: { status: "paid", … }, effects: ["paid"] }
 */
export function transition(state: PaymentState, event: PaymentStateEvent): TransitionResult {
  const current = rank[state.status];
  switch (event.kind) {
    case "checkout.completed":
    case "payment.pending":
      if (state.status === "processing") return noop(state, "already_in_state");
      return current === 0 ? moveTo(state, "processing", ["pending"]) : noop(state, "stale_event");
    case "payment.succeeded":
      if (state.status === "paid") return noop(state, "already_in_state");
      if (current > rank.paid) return noop(state, "stale_event");
      return moveTo(state, "paid", ["paid"]);
    case "payment.failed":
      return closeUnpaid(state, "failed");
    case "checkout.expired":
      return closeUnpaid(state, "expired");
    case "checkout.canceled":
      return closeUnpaid(state, "canceled");
    case "payment.refunded":
      return applyRefund(state, event.refundedAmount);
  }
}

function closeUnpaid(
  state: PaymentState,
  status: "failed" | "expired" | "canceled",
): TransitionResult {
  if (state.status === status) return noop(state, "already_in_state");
  const current = rank[state.status];
  if (current >= rank.paid) return noop(state, "already_paid");
  if (current === 2) return noop(state, "already_closed");
  return moveTo(state, status, [status]);
}

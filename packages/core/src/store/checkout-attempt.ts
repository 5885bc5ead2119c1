/**
 * @module
 * The records a payment store keeps.
 */
import { type Money, money } from "../money";
import type { PaymentEventKind, PaymentStatus } from "../state-machine";

/** One order's attempt to pay at one provider. */
export interface CheckoutAttempt {
  readonly id: string;
  readonly orderRef: string;
  /** 1 for an order's first attempt; a new attempt after a failed or expired one gets the next. */
  readonly sequence: number;
  readonly provider: string;
  /** Set once the provider created the hosted session. */
  readonly providerSessionId: string | null;
  readonly hostedUrl: string | null;
  readonly amount: Money;
  readonly status: PaymentStatus;
  readonly refundedAmount: Money;
  readonly expiresAt: Date;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** Incremented on every write; guards against lost updates. */
  readonly version: number;
}

/** What is needed to create an attempt (it starts `open`, version 1). */
export interface NewCheckoutAttempt {
  readonly id: string;
  readonly orderRef: string;
  readonly sequence: number;
  readonly provider: string;
  readonly amount: Money;
  readonly expiresAt: Date;
  readonly now: Date;
}

/** The attempt a store creates from {@link NewCheckoutAttempt}: open, nothing refunded, version 1. */
export function newCheckoutAttempt(input: NewCheckoutAttempt): CheckoutAttempt {
  return {
    id: input.id,
    orderRef: input.orderRef,
    sequence: input.sequence,
    provider: input.provider,
    providerSessionId: null,
    hostedUrl: null,
    amount: input.amount,
    status: "open",
    refundedAmount: money(0, input.amount.currency),
    expiresAt: input.expiresAt,
    createdAt: input.now,
    updatedAt: input.now,
    version: 1,
  };
}

/** What happened to a received event. */
export type EventOutcome = "processed" | "ignored" | "rejected";

/** A provider event as recorded (once per provider + event id). */
export interface ReceivedEvent {
  readonly provider: string;
  readonly eventId: string;
  readonly kind: PaymentEventKind | "ignored";
  readonly attemptId: string | null;
  readonly receivedAt: Date;
  readonly outcome: EventOutcome;
  /** For `rejected` and no-op events: why. */
  readonly reason: string | null;
  /** SHA-256 of the raw payload, hex. */
  readonly payloadDigest: string;
  /** The provider's payload, kept for audit. */
  readonly payload: unknown;
}

/** One state change of an attempt, append-only. */
export interface AuditEntry {
  readonly attemptId: string;
  readonly from: PaymentStatus;
  readonly to: PaymentStatus;
  /** What caused it: `provider:eventId`. */
  readonly cause: string;
  readonly at: Date;
}

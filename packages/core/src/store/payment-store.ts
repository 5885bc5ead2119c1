/**
 * @module
 * The persistence contract. A SQL store implements `transaction` with one database transaction;
 * the core drives the algorithm (dedupe → lock → verify → transition → hooks) on top of it, so
 * every store behaves the same.
 */

import type { RefundRecord, RefundStatus } from "../refunds";
import type {
  AuditEntry,
  CheckoutAttempt,
  NewCheckoutAttempt,
  ReceivedEvent,
} from "./checkout-attempt";

/** The operations available inside one atomic unit of work. */
export interface StoreTransaction<THandle = unknown> {
  /**
   * The store's own transaction handle (e.g. a Kysely transaction), handed to merchant hooks so
   * their writes commit or roll back together with the payment state.
   */
  readonly handle: THandle;
  /**
   * Finds and locks the attempt an event is about: by provider session id, or else the order's
   * latest attempt at that provider that has no session id yet (the webhook overtook `startCheckout`).
   */
  lockAttemptForEvent(input: {
    readonly provider: string;
    readonly providerSessionId: string;
    readonly orderRef: string;
  }): Promise<CheckoutAttempt | null>;
  /** Finds and locks an attempt by id. */
  lockAttempt(input: { readonly attemptId: string }): Promise<CheckoutAttempt | null>;
  /** Records an event; returns false when this provider + event id was already recorded. */
  insertEvent(event: ReceivedEvent): Promise<boolean>;
  /** Writes an attempt whose `version` is one more than the stored one; else STORE_CONFLICT. */
  updateAttempt(attempt: CheckoutAttempt): Promise<void>;
  /** Appends a state change to the audit trail. */
  appendAudit(entry: AuditEntry): Promise<void>;
  /** Records a refund; returns false when its idempotency key was already recorded. */
  insertRefund(refund: RefundRecord): Promise<boolean>;
  /** The refunds of an attempt, oldest first (inside the transaction that locked it). */
  refundsOf(input: { readonly attemptId: string }): Promise<readonly RefundRecord[]>;
  /**
   * Marks the attempt's `pending` and `requires_action` refunds `succeeded` (the core calls it
   * once the provider's confirmed refunded total covers every refund asked); the number marked.
   */
  confirmRefunds(input: { readonly attemptId: string; readonly now: Date }): Promise<number>;
}

/** Where checkout attempts, received events and the audit trail are kept. */
export interface PaymentStore<THandle = unknown> {
  /**
   * Creates an `open` attempt; ATTEMPT_CONFLICT when the order already has one with that sequence.
   * With `alongside`, runs it in the same transaction right after the insert, with the store's
   * transaction handle and the new attempt: the merchant's writes (the order itself) and the
   * attempt commit together, and when `alongside` throws neither is stored and its error is
   * thrown as it was.
   */
  createAttempt(
    input: NewCheckoutAttempt,
    alongside?: (tx: THandle, attempt: CheckoutAttempt) => Promise<void>,
  ): Promise<CheckoutAttempt>;
  /** Records the provider's session on an attempt (idempotent for the same session id). */
  attachSession(input: {
    readonly attemptId: string;
    readonly providerSessionId: string;
    readonly hostedUrl: string;
    readonly expiresAt: Date;
    readonly now: Date;
  }): Promise<CheckoutAttempt>;
  /** Every attempt of the order, by sequence. */
  listAttempts(input: { readonly orderRef: string }): Promise<readonly CheckoutAttempt[]>;
  /** The order's most recent attempt (highest sequence), or null. */
  findLatestAttempt(input: { readonly orderRef: string }): Promise<CheckoutAttempt | null>;
  /** The attempt with this provider session, or null. */
  findAttemptBySession(input: {
    readonly provider: string;
    readonly providerSessionId: string;
  }): Promise<CheckoutAttempt | null>;
  /**
   * Claims up to `limit` attempts that are still `open`/`processing` and were last updated before
   * `updatedBefore`, for `leaseSeconds`: another caller does not get them until the lease ends.
   * Order: never claimed first, then by when the last lease ended (earliest first), then by
   * `updatedAt`.
   */
  claimStaleAttempts(input: {
    readonly updatedBefore: Date;
    readonly now: Date;
    readonly limit: number;
    readonly leaseSeconds: number;
  }): Promise<readonly CheckoutAttempt[]>;
  /**
   * Ends an attempt's lease from `claimStaleAttempts` early, when checking it changed nothing (the
   * provider still says "open"), so the next pass on any instance may check it again instead of
   * waiting out the lease. Releasing a lease another caller took since is harmless: events stay
   * exactly-once; it only allows an earlier check. The lease ends `at` (the check's time), which
   * the store keeps: `claimStaleAttempts` offers attempts never checked first, then those checked
   * longest ago, so a backlog larger than one pass's `limit` is checked in turn, not the same
   * oldest attempts every pass.
   */
  releaseClaim(input: { readonly attemptId: string; readonly at: Date }): Promise<void>;
  /** Runs `work` atomically: everything it wrote commits together, or nothing does. */
  transaction<T>(work: (tx: StoreTransaction<THandle>) => Promise<T>): Promise<T>;
  /** The recorded event, or null (for audit and tests). */
  findEvent(input: {
    readonly provider: string;
    readonly eventId: string;
  }): Promise<ReceivedEvent | null>;
  /** The events recorded for an attempt (processed, no-op or rejected), by time received. */
  listEvents(input: { readonly attemptId: string }): Promise<readonly ReceivedEvent[]>;
  /** An attempt's state changes, oldest first. */
  listAudit(input: { readonly attemptId: string }): Promise<readonly AuditEntry[]>;
  /** The refund recorded with this idempotency key, or null. */
  findRefund(input: { readonly idempotencyKey: string }): Promise<RefundRecord | null>;
  /** Records the provider's answer to a refund (status, its refund id, a failure code). */
  updateRefund(input: {
    readonly id: string;
    readonly status: RefundStatus;
    readonly providerRefundId: string | null;
    readonly failureCode: string | null;
    readonly now: Date;
  }): Promise<RefundRecord>;
  /**
   * Paid attempts whose refunds asked for here (not failed) add up to more than the provider has
   * confirmed, the newest such refund created before `requestedBefore`: reconciliation asks the
   * provider about them, so a refund whose webhook was lost is still confirmed. At most `limit`,
   * least recently updated first.
   */
  findAttemptsAwaitingRefund(input: {
    readonly requestedBefore: Date;
    readonly limit: number;
  }): Promise<readonly CheckoutAttempt[]>;
  /** The refunds of an order, oldest first. */
  listRefunds(input: { readonly orderRef: string }): Promise<readonly RefundRecord[]>;
}

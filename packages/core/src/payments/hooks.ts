/**
 * @module
 * Merchant hooks: each runs exactly once per state change, inside the store's transaction.
 */
import type { PaymentEvent } from "../provider";
import type { PaymentEffect } from "../state-machine";
import type { CheckoutAttempt } from "../store";

/** What a hook receives. */
export interface HookContext<THandle = unknown> {
  /** The attempt after the change. */
  readonly attempt: CheckoutAttempt;
  /** The event that caused it (a synthetic `reconcile:` event when reconciliation found it). */
  readonly event: PaymentEvent;
  /** The store's transaction handle: write the booking change with it to commit atomically. */
  readonly tx: THandle;
}

/** A merchant hook. Throwing rolls back the state change so the provider's retry runs it again. */
export type PaymentHook<THandle = unknown> = (
  context: HookContext<THandle>,
) => Promise<void> | void;

/** The merchant's reactions to payment state changes. */
export interface PaymentHooks<THandle = unknown> {
  /**
   * The payment was started and completes later (a konbini slip was issued): keep what is held
   * until `event.pendingPayment.expiresAt` and tell the shopper how to pay. Runs once, when the
   * attempt enters `processing`; `event.pendingPayment` is undefined when the provider gave no
   * instructions.
   */
  readonly onPending?: PaymentHook<THandle> | undefined;
  /** The money was taken: fulfil the order. */
  readonly onPaid?: PaymentHook<THandle> | undefined;
  /** The payment failed (e.g. an unpaid konbini voucher): release what was held. */
  readonly onFailed?: PaymentHook<THandle> | undefined;
  /** The checkout expired unpaid: release what was held. */
  readonly onExpired?: PaymentHook<THandle> | undefined;
  /** The checkout was canceled: release what was held. */
  readonly onCanceled?: PaymentHook<THandle> | undefined;
  /** Money was refunded; `attempt.refundedAmount` is the new cumulative total. */
  readonly onRefunded?: PaymentHook<THandle> | undefined;
}

/** The hook that handles an effect. */
export function hookFor<THandle>(
  hooks: PaymentHooks<THandle>,
  effect: PaymentEffect,
): PaymentHook<THandle> | undefined {
  switch (effect) {
    case "pending":
      return hooks.onPending;
    case "paid":
      return hooks.onPaid;
    case "failed":
      return hooks.onFailed;
    case "expired":
      return hooks.onExpired;
    case "canceled":
      return hooks.onCanceled;
    case "refunded":
      return hooks.onRefunded;
  }
}

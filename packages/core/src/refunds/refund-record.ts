/**
 * @module
 * A refund as linkpay keeps it: recorded before the provider is asked (so a crash between the two
 * leaves a trace, and a retry with the same idempotency key asks the provider again with the same
 * key, refunding once), then updated with the provider's answer. The attempt's `refundedAmount`
 * and status move only with the provider's confirmation (webhook or reconciliation), as for every
 * other state change; the refund record says who asked for what, when, why, and what the provider
 * answered.
 */
import type { Money } from "../money";

/**
 * Where a refund stands at the provider.
 * - `pending`: recorded; the provider has not answered yet, or is still processing it.
 * - `succeeded`: the provider refunded it.
 * - `requires_action`: the shopper must act first (konbini at Stripe: the customer is e-mailed
 *   for the bank account to send the money to).
 * - `failed`: the provider refused or could not refund; nothing was refunded.
 */
export type RefundStatus = "pending" | "succeeded" | "requires_action" | "failed";

/** A refund request and the provider's answer. */
export interface RefundRecord {
  readonly id: string;
  readonly attemptId: string;
  readonly orderRef: string;
  readonly amount: Money;
  /** Why (free text from the operator or the policy, e.g. `cancelled 5 days before pick-up`). */
  readonly reason: string;
  /** Who asked (a staff account, `shopper`, `system`). */
  readonly actor: string;
  /** The caller's key: the same key never refunds twice. */
  readonly idempotencyKey: string;
  readonly status: RefundStatus;
  /** The provider's refund id, once it answered. */
  readonly providerRefundId: string | null;
  /** The error code when it failed. */
  readonly failureCode: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/**
 * @module
 * The normalized events and views a provider hands to the core. Providers map their raw webhooks
 * to this small set; anything they do not understand becomes `ignored`.
 */
import type { Money } from "../money";
import type { PaymentEventKind, PaymentStatus } from "../state-machine";

/** One store chain where a konbini slip can be paid, and the numbers the shopper gives there. */
export interface KonbiniStore {
  /** The chain, lower case as the provider names it (e.g. `familymart`, `lawson`). */
  readonly chain: string;
  /** The number the shopper enters or shows at the till. */
  readonly paymentCode?: string | undefined;
  /** The second number some chains ask for. */
  readonly confirmationNumber?: string | undefined;
}

/**
 * What the shopper must still do to pay, while a payment is pending: for konbini, the slip.
 * Provider-neutral: every provider maps its own slip onto this.
 */
export interface PendingPayment {
  readonly method: "konbini";
  /** After this moment the slip can no longer be paid. */
  readonly expiresAt: Date;
  /** The provider's page with the slip and how to pay, when it has one. */
  readonly instructionsUrl?: string | undefined;
  /** Where to pay, with each chain's numbers (empty when the provider gave none). */
  readonly stores: readonly KonbiniStore[];
}

/** A verified provider event that concerns one checkout attempt. */
export interface PaymentEvent {
  readonly kind: PaymentEventKind;
  /** The provider's id (e.g. `stripe`). */
  readonly provider: string;
  /** The provider's unique id for this event; the store records it once. */
  readonly eventId: string;
  /** The provider's id of the checkout session ("" only for an attempt that never got one). */
  readonly providerSessionId: string;
  /** The merchant's order reference, echoed back by the provider. */
  readonly orderRef: string;
  /**
   * linkpay's attempt id, when the provider echoes it back (session metadata). Then the event
   * applies only to that attempt: one that arrives before its session is attached (found by
   * `orderRef`) waits for it instead of landing on another attempt of the same order reference
   * (another linkpay shop on the same PSP account may use the same references).
   */
  readonly attemptId?: string | undefined;
  /** The amount the provider says the checkout is for. */
  readonly amount: Money;
  /** For `payment.refunded`: the cumulative amount refunded so far. */
  readonly refundedAmount?: Money | undefined;
  /** When the provider says the event happened. */
  readonly occurredAt: Date;
  /** For `payment.pending`: what the shopper must still do (a konbini slip), when known. */
  readonly pendingPayment?: PendingPayment | undefined;
  /** The provider's payload as received, kept for audit. */
  readonly raw: unknown;
  /** See {@link IgnoredEvent.payloadDigest}. */
  readonly payloadDigest?: string | undefined;
}

/** A verified provider event that linkpay does not act on. */
export interface IgnoredEvent {
  readonly kind: "ignored";
  readonly provider: string;
  readonly eventId: string;
  /** The provider's own event type, for logs. */
  readonly type: string;
  /** Why it is ignored (e.g. `unhandled_type`, `not_ours`). */
  readonly reason: string;
  readonly raw: unknown;
  /**
   * SHA-256 (hex) of the payload's bytes exactly as received, when the event came from a webhook
   * whose bytes the adapter verified; the store keeps it as the event's `payloadDigest`. Absent
   * (an event read from the provider's API), the digest is taken of `raw` serialized as JSON.
   */
  readonly payloadDigest?: string | undefined;
}

/** What `parseWebhook` returns: a verified, normalized event. */
export type ProviderEvent = PaymentEvent | IgnoredEvent;

/** The provider's current view of one checkout session (for reconciliation and return pages). */
export interface CheckoutView {
  readonly provider: string;
  readonly providerSessionId: string;
  readonly orderRef: string;
  readonly amount: Money;
  /** The status the provider reports, mapped onto linkpay's states. */
  readonly status: PaymentStatus;
  /** Refunded so far (zero of the currency when nothing was refunded). */
  readonly refundedAmount: Money;
  readonly expiresAt: Date;
  /** The e-mail the session was created for (or the shopper gave), when the provider knows it. */
  readonly customerEmail?: string | undefined;
  /** While `processing`: what the shopper must still do (a konbini slip), when known. */
  readonly pendingPayment?: PendingPayment | undefined;
  readonly raw: unknown;
}

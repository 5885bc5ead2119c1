/**
 * @module
 * What the sandbox remembers about each object. Records hold the card's brand, last four digits
 * and expiry only: a full card number is never stored.
 */

/** Payment method types the sandbox supports. */
export type PaymentMethodType = "card" | "konbini";
/** Checkout page languages the sandbox supports (`auto` follows the browser). */
export type SessionLocale = "ja" | "en" | "auto";
/** Checkout Session statuses. */
export type SessionStatus = "open" | "complete" | "expired";
/** PaymentIntent statuses the sandbox moves through. */
export type PaymentIntentStatus =
  | "requires_payment_method"
  | "requires_action"
  | "processing"
  | "succeeded"
  | "canceled";

/** One line of a checkout session. */
export interface LineItemRecord {
  readonly id: string;
  readonly priceId: string;
  readonly productId: string;
  readonly name: string;
  readonly currency: string;
  readonly unitAmount: number;
  readonly quantity: number;
  readonly amountTotal: number;
}

/** A konbini payment slip. */
export interface KonbiniVoucher {
  readonly confirmationNumber: string;
  readonly paymentCode: string;
  /** Unix seconds after which the slip can no longer be paid. */
  readonly expiresAt: number;
  state: "pending" | "paid" | "expired";
}

/** A Checkout Session. */
export interface SessionRecord {
  readonly id: string;
  /** The account (`acct_…`) whose key created it; its PaymentIntent, charges and refunds follow. */
  readonly account: string;
  readonly seq: number;
  readonly created: number;
  readonly expiresAt: number;
  readonly currency: string;
  readonly lineItems: readonly LineItemRecord[];
  readonly amountSubtotal: number;
  readonly amountTotal: number;
  readonly clientReferenceId: string | null;
  readonly metadata: Readonly<Record<string, string>>;
  readonly customerEmail: string | null;
  readonly locale: SessionLocale | null;
  readonly successUrl: string | null;
  readonly cancelUrl: string | null;
  /** The payment methods offered. */
  readonly paymentMethodTypes: readonly PaymentMethodType[];
  /** `allowed_payment_method_types` as requested (null when not given). */
  readonly allowedPaymentMethodTypes: readonly PaymentMethodType[] | null;
  readonly paymentIntentMetadata: Readonly<Record<string, string>>;
  readonly paymentIntentDescription: string | null;
  /** `payment_method_options.konbini.expires_after_days` as requested (null: Stripe's 3 days). */
  readonly konbiniExpiresAfterDays: number | null;
  status: SessionStatus;
  paymentStatus: "unpaid" | "paid";
  paymentIntentId: string | null;
  konbini: KonbiniVoucher | null;
  /** How often the API was asked for this session (`GET /v1/checkout/sessions/:id`), and when last (ms). */
  retrievals: number;
  lastRetrievedAt: number | null;
}

/** What the sandbox keeps of a card: never the number, only brand, last four and expiry. */
export interface CardDetails {
  readonly brand: string;
  readonly last4: string;
  readonly expMonth: number;
  readonly expYear: number;
}

/** Why the last payment attempt failed. */
export interface PaymentErrorRecord {
  readonly type: "card_error" | "invalid_request_error";
  readonly code: string;
  readonly declineCode: string | null;
  readonly message: string;
}

/** A PaymentIntent, created when the shopper first tries to pay (as Checkout does). */
export interface PaymentIntentRecord {
  readonly id: string;
  readonly seq: number;
  readonly created: number;
  readonly sessionId: string;
  readonly amount: number;
  readonly currency: string;
  readonly metadata: Readonly<Record<string, string>>;
  readonly description: string | null;
  readonly paymentMethodTypes: readonly PaymentMethodType[];
  status: PaymentIntentStatus;
  amountReceived: number;
  latestChargeId: string | null;
  paymentMethodId: string | null;
  lastPaymentError: PaymentErrorRecord | null;
  canceledAt: number | null;
}

/** How a charge was paid. */
export type ChargeMethod =
  | { readonly type: "card"; readonly card: CardDetails }
  | { readonly type: "konbini"; readonly store: string };

/** A charge: one attempt to move money. */
export interface ChargeRecord {
  readonly id: string;
  readonly seq: number;
  readonly created: number;
  readonly paymentIntentId: string;
  readonly paymentMethodId: string;
  readonly amount: number;
  readonly currency: string;
  readonly status: "succeeded" | "failed";
  readonly method: ChargeMethod;
  readonly failure: PaymentErrorRecord | null;
  amountRefunded: number;
}

/** A refund of (part of) a charge. */
export interface RefundRecord {
  readonly id: string;
  readonly seq: number;
  readonly created: number;
  readonly chargeId: string;
  readonly paymentIntentId: string;
  readonly amount: number;
  readonly currency: string;
  readonly reason: "duplicate" | "fraudulent" | "requested_by_customer" | null;
  readonly metadata: Readonly<Record<string, string>>;
}

/** A 3-D Secure challenge waiting for the shopper's answer. */
export interface ChallengeRecord {
  readonly id: string;
  readonly sessionId: string;
  readonly card: CardDetails;
}

/**
 * @module
 * What the KOMOJU mode remembers. Times are unix milliseconds (rendered as ISO 8601). A card
 * payment keeps brand, last four digits and expiry only; a full card number is never stored.
 */

/** KOMOJU payment types the sandbox offers. */
export type KomojuPaymentType = "credit_card" | "konbini" | "paypay";
/** The hosted page's languages. */
export type KomojuLocale = "ja" | "en";
/** Session statuses. */
export type KomojuSessionStatus = "pending" | "completed" | "cancelled";
/** Payment statuses. */
export type KomojuPaymentStatus =
  | "pending"
  | "authorized"
  | "captured"
  | "cancelled"
  | "expired"
  | "refunded"
  | "failed";
/** Konbini chains a slip can be issued for. */
export type KomojuStore =
  | "lawson"
  | "family-mart"
  | "seven-eleven"
  | "ministop"
  | "daily-yamazaki"
  | "seicomart";

/** The chains, in the order the page offers them. */
export const KOMOJU_STORES: readonly KomojuStore[] = [
  "seven-eleven",
  "lawson",
  "family-mart",
  "ministop",
  "daily-yamazaki",
  "seicomart",
];

/** One line of a session. */
export interface KomojuLineItem {
  readonly description: string;
  readonly amount: number;
  readonly quantity: number;
}

/** How a payment is (being) paid. */
export type KomojuPaymentDetails =
  | {
      readonly type: "credit_card";
      readonly brand: string;
      readonly lastDigits: string;
      readonly month: number;
      readonly year: number;
    }
  | {
      readonly type: "konbini";
      readonly store: KomojuStore;
      readonly receipt: string;
      readonly confirmationCode: string | null;
    }
  | { readonly type: "paypay" };

/** A refund of (part of) a payment. */
export interface KomojuRefundRecord {
  readonly id: string;
  readonly amount: number;
  readonly description: string | null;
  readonly createdAt: number;
}

/** A payment: one attempt to pay a session. */
export interface KomojuPaymentRecord {
  readonly id: string;
  readonly seq: number;
  readonly sessionId: string;
  readonly createdAt: number;
  readonly amount: number;
  readonly currency: string;
  readonly details: KomojuPaymentDetails;
  /** Konbini: the slip's deadline. */
  readonly paymentDeadline: number | null;
  status: KomojuPaymentStatus;
  capturedAt: number | null;
  amountRefunded: number;
  readonly refunds: KomojuRefundRecord[];
}

/** A hosted-page session. */
export interface KomojuSessionRecord {
  readonly id: string;
  readonly seq: number;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly amount: number;
  /** Upper case, as KOMOJU writes it (`JPY`). */
  readonly currency: string;
  readonly returnUrl: string;
  readonly defaultLocale: KomojuLocale;
  readonly email: string | null;
  readonly paymentTypes: readonly KomojuPaymentType[];
  readonly metadata: Readonly<Record<string, string>>;
  readonly externalOrderNum: string;
  /** `payment_data.payment_deadline` as requested (the konbini slip's deadline). */
  readonly paymentDeadline: number | null;
  readonly lineItems: readonly KomojuLineItem[];
  status: KomojuSessionStatus;
  expired: boolean;
  completedAt: number | null;
  cancelledAt: number | null;
  /** The latest payment (a declined card's stays until the shopper tries again). */
  paymentId: string | null;
}

/** Card details as a payment keeps them. */
export type KomojuCardDetails = Extract<KomojuPaymentDetails, { type: "credit_card" }>;

/** A 3-D Secure challenge waiting for the shopper's answer. */
export interface KomojuPendingStep {
  readonly id: string;
  readonly sessionId: string;
  readonly card: KomojuCardDetails;
}

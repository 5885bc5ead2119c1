/**
 * @module
 * The JSON the KOMOJU mode answers and sends, as KOMOJU writes it (snake_case, ISO 8601 times).
 */
import type {
  KomojuLineItem,
  KomojuLocale,
  KomojuPaymentStatus,
  KomojuPaymentType,
  KomojuSessionStatus,
  KomojuStore,
} from "../state/komoju-records";

/** `payment_details` of a payment. */
export type KomojuPaymentDetailsObject =
  | {
      readonly type: "credit_card";
      readonly brand: string;
      readonly last_four_digits: string;
      readonly month: number;
      readonly year: number;
    }
  | {
      readonly type: "konbini";
      readonly store: KomojuStore;
      readonly receipt: string;
      readonly confirmation_code: string | null;
      readonly instructions_url: string;
    }
  | { readonly type: "paypay"; readonly redirect_url: string };

/** A refund in a payment's `refunds`. */
export interface KomojuRefundObject {
  readonly id: string;
  readonly resource: "refund";
  readonly amount: number;
  readonly currency: string;
  readonly payment: string;
  readonly description: string | null;
  readonly created_at: string;
}

/** A payment. */
export interface KomojuPaymentObject {
  readonly id: string;
  readonly resource: "payment";
  readonly session: string;
  readonly status: KomojuPaymentStatus;
  readonly amount: number;
  readonly tax: 0;
  readonly payment_method_fee: 0;
  readonly total: number;
  readonly currency: string;
  readonly amount_refunded: number;
  readonly payment_details: KomojuPaymentDetailsObject;
  readonly payment_deadline: string | null;
  readonly captured_at: string | null;
  readonly created_at: string;
  readonly external_order_num: string;
  readonly metadata: Readonly<Record<string, string>>;
  readonly refunds: readonly KomojuRefundObject[];
  readonly locale: KomojuLocale;
}

/** A session. */
export interface KomojuSessionObject {
  readonly id: string;
  readonly resource: "session";
  readonly mode: "payment";
  readonly amount: number;
  readonly currency: string;
  readonly session_url: string;
  readonly return_url: string;
  readonly default_locale: KomojuLocale;
  readonly email: string | null;
  readonly payment_methods: readonly { readonly type: KomojuPaymentType }[];
  readonly status: KomojuSessionStatus;
  readonly expired: boolean;
  readonly created_at: string;
  readonly expires_at: string;
  readonly completed_at: string | null;
  readonly cancelled_at: string | null;
  readonly metadata: Readonly<Record<string, string>>;
  readonly payment_data: {
    readonly external_order_num: string;
    readonly capture: "auto";
    readonly payment_deadline: string | null;
  };
  readonly line_items: readonly KomojuLineItem[];
  readonly payment: KomojuPaymentObject | null;
}

/** Event types the KOMOJU mode sends. */
export type KomojuEventType =
  | "payment.authorized"
  | "payment.captured"
  | "payment.failed"
  | "payment.expired"
  | "payment.cancelled"
  | "payment.refund.created"
  | "payment.refunded";

/** An event about a payment. */
export interface KomojuPaymentEvent {
  readonly id: string;
  readonly type: KomojuEventType;
  readonly resource: "event";
  readonly data: KomojuPaymentObject;
  readonly created_at: string;
  readonly reason: null;
}

/** The `ping` KOMOJU sends when a webhook is set up. */
export interface KomojuPingEvent {
  readonly id: string;
  readonly type: "ping";
  readonly resource: "event";
  readonly data: Readonly<Record<string, never>>;
  readonly created_at: string;
}

/** Any event the KOMOJU mode sends. */
export type KomojuEvent = KomojuPaymentEvent | KomojuPingEvent;

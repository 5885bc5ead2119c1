/**
 * @module
 * The Stripe-shaped objects the sandbox answers with. Each is a `Pick` of the official SDK's type,
 * so every field name and value type is checked against what Stripe documents; fields the sandbox
 * can expand are narrowed to the sandbox's own shapes.
 */
import type Stripe from "stripe";

/** A page of a Stripe list: `{ object: "list", data, has_more, url }`. */
export interface ListObject<T> {
  readonly object: "list";
  readonly data: T[];
  readonly has_more: boolean;
  readonly url: string;
}

/** A card as shown on a charge: brand, last four digits and expiry — never the number. */
export type CardDetailsObject = Pick<
  Stripe.Charge.PaymentMethodDetails.Card,
  "brand" | "last4" | "exp_month" | "exp_year" | "funding" | "country"
>;

/** How a charge was paid. */
export type PaymentMethodDetailsObject =
  | { type: "card"; card: CardDetailsObject }
  | { type: "konbini"; konbini: Stripe.Charge.PaymentMethodDetails.Konbini };

/** A charge. */
export type ChargeObject = Pick<
  Stripe.Charge,
  | "id"
  | "object"
  | "amount"
  | "amount_captured"
  | "amount_refunded"
  | "captured"
  | "created"
  | "currency"
  | "description"
  | "failure_code"
  | "failure_message"
  | "livemode"
  | "metadata"
  | "paid"
  | "payment_method"
  | "refunded"
  | "status"
> & {
  payment_intent: string;
  payment_method_details: PaymentMethodDetailsObject;
};

/** Why the last payment attempt failed. */
export type LastPaymentErrorObject = Pick<
  Stripe.PaymentIntent.LastPaymentError,
  "type" | "code" | "decline_code" | "message"
>;

/** What the shopper must do next (a 3-D Secure redirect or a konbini slip). */
export type NextActionObject = Pick<
  Stripe.PaymentIntent.NextAction,
  "type" | "redirect_to_url" | "konbini_display_details"
>;

/** A PaymentIntent. */
export type PaymentIntentObject = Pick<
  Stripe.PaymentIntent,
  | "id"
  | "object"
  | "allowed_payment_method_types"
  | "amount"
  | "amount_capturable"
  | "amount_received"
  | "canceled_at"
  | "cancellation_reason"
  | "capture_method"
  | "confirmation_method"
  | "created"
  | "currency"
  | "description"
  | "livemode"
  | "metadata"
  | "payment_method"
  | "payment_method_types"
  | "status"
> & {
  latest_charge: string | ChargeObject | null;
  last_payment_error: LastPaymentErrorObject | null;
  next_action: NextActionObject | null;
};

/** The price of a line item. */
export type PriceObject = Pick<
  Stripe.Price,
  | "id"
  | "object"
  | "active"
  | "created"
  | "currency"
  | "livemode"
  | "metadata"
  | "nickname"
  | "type"
  | "unit_amount"
> & { product: string };

/** A line item of a checkout session. */
export type LineItemObject = Pick<
  Stripe.LineItem,
  | "id"
  | "object"
  | "amount_discount"
  | "amount_subtotal"
  | "amount_tax"
  | "amount_total"
  | "currency"
  | "description"
  | "quantity"
> & { price: PriceObject };

/** A Checkout Session. */
export type CheckoutSessionObject = Pick<
  Stripe.Checkout.Session,
  | "id"
  | "object"
  | "allowed_payment_method_types"
  | "amount_subtotal"
  | "amount_total"
  | "cancel_url"
  | "client_reference_id"
  | "created"
  | "currency"
  | "customer_email"
  | "expires_at"
  | "livemode"
  | "locale"
  | "metadata"
  | "mode"
  | "payment_method_types"
  | "payment_status"
  | "status"
  | "success_url"
  | "ui_mode"
  | "url"
> & {
  /** The konbini options the session was created with (null when none were given). */
  payment_method_options: { konbini?: { expires_after_days: number } } | null;
  payment_intent: string | PaymentIntentObject | null;
  line_items?: ListObject<LineItemObject>;
};

/** A refund. */
export type RefundObject = Pick<
  Stripe.Refund,
  "id" | "object" | "amount" | "created" | "currency" | "metadata" | "reason" | "status"
> & { charge: string; payment_intent: string };

/** Any object an event can carry. */
export type EventDataObject =
  | CheckoutSessionObject
  | PaymentIntentObject
  | ChargeObject
  | RefundObject;

/** An event. */
export type EventObject = Pick<
  Stripe.Event,
  "id" | "object" | "api_version" | "created" | "livemode" | "pending_webhooks" | "request" | "type"
> & { data: { object: EventDataObject } };

/**
 * @module
 * The Stripe event types the adapter acts on: register exactly these on the webhook endpoint.
 */
import type { PaymentEventKind } from "@linkpay/core";

/** Checkout Session events and the normalized kind each maps to (`completed` depends on payment). */
export const CHECKOUT_SESSION_EVENT_KINDS = {
  "checkout.session.completed": "payment.succeeded",
  "checkout.session.async_payment_succeeded": "payment.succeeded",
  "checkout.session.async_payment_failed": "payment.failed",
  "checkout.session.expired": "checkout.expired",
} as const satisfies Record<string, PaymentEventKind>;

/** A Checkout Session event type the adapter handles. */
export type CheckoutSessionEventType = keyof typeof CHECKOUT_SESSION_EVENT_KINDS;

/** Every event type the adapter handles; anything else is acknowledged and ignored. */
export const STRIPE_WEBHOOK_EVENTS = [
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
  "checkout.session.expired",
  "charge.refunded",
] as const;

/** True for a Checkout Session event type the adapter handles. */
export function isCheckoutSessionEventType(type: string): type is CheckoutSessionEventType {
  return Object.hasOwn(CHECKOUT_SESSION_EVENT_KINDS, type);
}

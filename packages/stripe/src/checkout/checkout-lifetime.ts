/**
 * @module
 * How long Stripe lets a Checkout Session stay open: `expires_at` must be 30 minutes to 24 hours
 * after the session is created (https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-expires_at).
 * Declared on the provider so core refuses a shorter or longer request before anything is stored,
 * and keeps head-room inside both bounds.
 */
import type { CheckoutLifetime } from "@linkpay/core";

/** Stripe's window for `expires_at`, in seconds after creation. */
export const STRIPE_CHECKOUT_LIFETIME: CheckoutLifetime = {
  minSeconds: 30 * 60,
  maxSeconds: 24 * 60 * 60,
};

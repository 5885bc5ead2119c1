/**
 * @module
 * @linkpay/stripe — the Stripe Checkout provider for linkpay, on the official `stripe` SDK:
 * hosted Checkout Sessions priced by the merchant, webhooks verified over the raw bytes with a
 * two-way replay window and secret rotation, and Stripe events mapped to linkpay's small set.
 */

export { konbiniCanCharge, STRIPE_KONBINI_AMOUNT } from "./checkout/check-konbini";
export { LINKPAY_METADATA_KEYS } from "./checkout/linkpay-metadata";
export { CHECKOUT_SESSION_ID_TEMPLATE, withSessionIdParameter } from "./checkout/success-url";
export { STRIPE_API_VERSION } from "./client/api-version";
export { createStripeCheckoutReader } from "./create-stripe-checkout-reader";
export { createStripeProvider, type StripeProvider } from "./create-stripe-provider";
export { STRIPE_CHECKOUT_ORIGIN, type StripeOptionIssue } from "./options/connection-options";
export { checkStripeProviderOptions } from "./options/resolve-options";
export type { StripeCheckoutReaderOptions } from "./options/stripe-checkout-reader-options";
export {
  STRIPE_PAYMENT_METHOD_TYPES,
  type StripePaymentMethodType,
  type StripeProviderOptions,
} from "./options/stripe-provider-options";
export { STRIPE_WEBHOOK_EVENTS } from "./webhooks/handled-events";
export { type SignStripeWebhookInput, signStripeWebhook } from "./webhooks/sign-stripe-webhook";
export { STRIPE_SIGNATURE_HEADER } from "./webhooks/signature-header";

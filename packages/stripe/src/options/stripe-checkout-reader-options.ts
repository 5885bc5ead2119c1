/**
 * @module
 * What `createStripeCheckoutReader` takes: the provider's connection options, without webhook
 * secrets, and the zod schema that checks their shape (the provider's, narrowed).
 */
import { type StripeProviderOptions, stripeProviderOptionsSchema } from "./stripe-provider-options";

/**
 * Options of `createStripeCheckoutReader`: `secretKey` is best a restricted key (`rk_test_…`,
 * `rk_live_…`) with read access to Checkout Sessions; `sk_…` keys work too.
 */
export type StripeCheckoutReaderOptions = Pick<
  StripeProviderOptions,
  "secretKey" | "apiBaseUrl" | "checkoutOrigins" | "id" | "timeoutMs" | "maxNetworkRetries"
>;

/** The shape of {@link StripeCheckoutReaderOptions}: unknown options (a typo) are refused. */
export const stripeCheckoutReaderOptionsSchema = stripeProviderOptionsSchema.pick({
  secretKey: true,
  apiBaseUrl: true,
  checkoutOrigins: true,
  id: true,
  timeoutMs: true,
  maxNetworkRetries: true,
});

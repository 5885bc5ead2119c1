/**
 * @module
 * Validates the checkout reader's options at construction, with the provider's own checks.
 */
import {
  checkConnection,
  checkKey,
  type ResolvedConnectionOptions,
  refuse,
  type StripeOptionIssue,
  schemaIssues,
} from "./connection-options";
import {
  type StripeCheckoutReaderOptions,
  stripeCheckoutReaderOptionsSchema,
} from "./stripe-checkout-reader-options";

const WHAT = "Stripe checkout reader options";

/** Throws CONFIG_INVALID naming every bad option (never quoting the key); else resolves. */
export function resolveReaderOptions(
  options: StripeCheckoutReaderOptions,
): ResolvedConnectionOptions {
  const parsed = stripeCheckoutReaderOptionsSchema.safeParse(options);
  if (!parsed.success) throw refuse(WHAT, schemaIssues(parsed.error));
  const issues: StripeOptionIssue[] = [];
  const livemode = checkKey(issues, parsed.data.secretKey);
  const connection = checkConnection(issues, parsed.data, livemode);
  if (connection === undefined) throw refuse(WHAT, issues);
  return connection;
}

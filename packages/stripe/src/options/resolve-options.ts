/**
 * @module
 * Validates {@link StripeProviderOptions} once, at construction, and fills in the defaults.
 */
import { createRedirectGuard, LinkpayError, type RedirectGuard } from "@linkpay/core";
import { parseApiBaseUrl, type StripeApiTarget } from "./api-base-url";
import { checkSecretKey, checkWebhookSecrets } from "./secret-key";
import {
  type StripePaymentMethodType,
  type StripeProviderOptions,
  stripeProviderOptionsSchema,
} from "./stripe-provider-options";

/** Stripe's hosted Checkout page. */
export const STRIPE_CHECKOUT_ORIGIN = "https://checkout.stripe.com";

/** Options after validation, with every default applied. */
export interface ResolvedStripeOptions {
  readonly id: string;
  readonly secretKey: string;
  readonly livemode: boolean;
  readonly webhookSecrets: readonly string[];
  readonly api: StripeApiTarget | undefined;
  /** Guards hosted URLs; its `allowedOrigins` are the provider's `checkoutOrigins`. */
  readonly guard: RedirectGuard;
  readonly paymentMethodTypes: readonly StripePaymentMethodType[];
  readonly webhookToleranceSeconds: number;
  readonly maxNetworkRetries: number;
  readonly timeoutMs: number | undefined;
  readonly now: () => Date;
}

/** Throws CONFIG_INVALID naming the first bad option (never quoting a secret); else resolves. */
export function resolveOptions(options: StripeProviderOptions): ResolvedStripeOptions {
  const parsed = stripeProviderOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      option: issue.path.join(".") || "options",
      message: issue.message,
    }));
    const text = issues.map((issue) => `${issue.option} ${issue.message}`).join("; ");
    throw new LinkpayError("CONFIG_INVALID", `Invalid Stripe provider options: ${text}`, {
      details: { issues },
    });
  }
  const value = parsed.data;
  const { livemode } = checkSecretKey(value.secretKey);
  return {
    id: value.id ?? "stripe",
    secretKey: value.secretKey,
    livemode,
    webhookSecrets: checkWebhookSecrets(value.webhookSecrets),
    api: value.apiBaseUrl === undefined ? undefined : parseApiBaseUrl(value.apiBaseUrl, livemode),
    // Local http origins (the sandbox) are allowed with test keys only.
    guard: createRedirectGuard({
      allowedOrigins: value.checkoutOrigins ?? [STRIPE_CHECKOUT_ORIGIN],
      allowInsecureLocalhost: !livemode,
    }),
    paymentMethodTypes: value.paymentMethodTypes ?? ["card"],
    webhookToleranceSeconds: value.webhookToleranceSeconds ?? 300,
    maxNetworkRetries: value.maxNetworkRetries ?? 2,
    timeoutMs: value.timeoutMs,
    now: value.now ?? (() => new Date()),
  };
}

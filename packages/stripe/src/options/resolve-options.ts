/**
 * @module
 * Validates {@link StripeProviderOptions} once, at construction, and fills in the defaults.
 */
import { createRedirectGuard, LinkpayError } from "@linkpay/core";
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
  /** The provider's `checkoutOrigins`, validated (core's redirect guard checks URLs against them). */
  readonly checkoutOrigins: readonly string[];
  readonly paymentMethodTypes: readonly StripePaymentMethodType[];
  readonly webhookToleranceSeconds: number;
  readonly maxNetworkRetries: number;
  readonly timeoutMs: number | undefined;
  readonly now: () => Date;
}

/** The origin of a URL for a message (the URL itself when it does not parse; never a secret). */
function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
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
  const api =
    value.apiBaseUrl === undefined ? undefined : parseApiBaseUrl(value.apiBaseUrl, livemode);
  if (value.apiBaseUrl !== undefined && value.checkoutOrigins === undefined) {
    // The default, Stripe's own checkout page, is never where another API server's sessions live:
    // every checkout would later fail with REDIRECT_NOT_ALLOWED, pointing the wrong way.
    throw new LinkpayError(
      "CONFIG_INVALID",
      `Invalid Stripe provider options: checkoutOrigins must be set when apiBaseUrl is: sessions ` +
        `created at ${value.apiBaseUrl} are not hosted on ${STRIPE_CHECKOUT_ORIGIN}. Pass the ` +
        `origin of that server's hosted pages, e.g. checkoutOrigins: ["${safeOrigin(value.apiBaseUrl)}"] ` +
        "for the sandbox, which serves them on its API origin",
      { details: { issues: [{ option: "checkoutOrigins", message: "required with apiBaseUrl" }] } },
    );
  }
  return {
    id: value.id ?? "stripe",
    secretKey: value.secretKey,
    livemode,
    webhookSecrets: checkWebhookSecrets(value.webhookSecrets),
    api,
    // Validated as core's guard will use them; local http origins (the sandbox) with test keys only.
    checkoutOrigins: createRedirectGuard({
      allowedOrigins: value.checkoutOrigins ?? [STRIPE_CHECKOUT_ORIGIN],
      allowInsecureLocalhost: !livemode,
    }).allowedOrigins,
    paymentMethodTypes: value.paymentMethodTypes ?? ["card"],
    webhookToleranceSeconds: value.webhookToleranceSeconds ?? 300,
    maxNetworkRetries: value.maxNetworkRetries ?? 2,
    timeoutMs: value.timeoutMs,
    now: value.now ?? (() => new Date()),
  };
}

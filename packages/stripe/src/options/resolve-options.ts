/**
 * @module
 * Validates {@link StripeProviderOptions} once, at construction, and fills in the defaults.
 */
import { createRedirectGuard, isLinkpayError, LinkpayError } from "@linkpay/core";
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

/** One problem with the provider options: the option and what is wrong (never its value). */
export interface StripeOptionIssue {
  readonly option: string;
  readonly message: string;
}

function refuse(issues: readonly StripeOptionIssue[]): LinkpayError {
  const text = issues.map((issue) => issue.message).join("; ");
  return new LinkpayError("CONFIG_INVALID", `Invalid Stripe provider options: ${text}`, {
    details: { issues },
  });
}

/** Runs a check; a CONFIG_INVALID it throws becomes an issue for `option`, so all are listed. */
function check<T>(issues: StripeOptionIssue[], option: string, run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    if (!isLinkpayError(error) || error.code !== "CONFIG_INVALID") throw error;
    const named = error.details?.option;
    const name = typeof named === "string" ? named : option;
    // Core's origin check speaks of "Allowed origin …": say which option it was.
    const message = error.message.startsWith(name) ? error.message : `${name}: ${error.message}`;
    issues.push({ option: name, message });
    return undefined;
  }
}

type Inspection =
  | { readonly ok: true; readonly value: ResolvedStripeOptions }
  | { readonly ok: false; readonly issues: readonly StripeOptionIssue[] };

/** Every check on the options, each problem collected rather than the first thrown. */
function inspectOptions(options: StripeProviderOptions): Inspection {
  const parsed = stripeProviderOptionsSchema.safeParse(options);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => {
        const option = issue.path.join(".") || "options";
        return { option, message: `${option} ${issue.message}` };
      }),
    };
  }
  const value = parsed.data;
  const issues: StripeOptionIssue[] = [];
  const key = check(issues, "secretKey", () => checkSecretKey(value.secretKey));
  // With a bad key, judge the rest as for a test key (the more lenient): the key is reported.
  const livemode = key?.livemode ?? false;
  const webhookSecrets = check(issues, "webhookSecrets", () =>
    checkWebhookSecrets(value.webhookSecrets),
  );
  const api =
    value.apiBaseUrl === undefined
      ? undefined
      : check(issues, "apiBaseUrl", () => parseApiBaseUrl(value.apiBaseUrl ?? "", livemode));
  if (value.apiBaseUrl !== undefined && value.checkoutOrigins === undefined) {
    // The default, Stripe's own checkout page, is never where another API server's sessions live:
    // every checkout would later fail with REDIRECT_NOT_ALLOWED, pointing the wrong way.
    issues.push({
      option: "checkoutOrigins",
      message:
        `checkoutOrigins must be set when apiBaseUrl is: sessions created at ${value.apiBaseUrl} ` +
        `are not hosted on ${STRIPE_CHECKOUT_ORIGIN}. Pass the origin of that server's hosted ` +
        `pages, e.g. checkoutOrigins: ["${safeOrigin(value.apiBaseUrl)}"] for the sandbox, which ` +
        "serves them on its API origin",
    });
  }
  // Validated as core's guard will use them; local http origins (the sandbox) with test keys only.
  const checkoutOrigins = check(issues, "checkoutOrigins", () =>
    createRedirectGuard({
      allowedOrigins: value.checkoutOrigins ?? [STRIPE_CHECKOUT_ORIGIN],
      allowInsecureLocalhost: !livemode,
    }),
  )?.allowedOrigins;
  if (issues.length > 0 || webhookSecrets === undefined || checkoutOrigins === undefined) {
    return { ok: false, issues };
  }
  const resolved: ResolvedStripeOptions = {
    id: value.id ?? "stripe",
    secretKey: value.secretKey,
    livemode,
    webhookSecrets,
    api,
    checkoutOrigins,
    paymentMethodTypes: value.paymentMethodTypes ?? ["card"],
    webhookToleranceSeconds: value.webhookToleranceSeconds ?? 300,
    maxNetworkRetries: value.maxNetworkRetries ?? 2,
    timeoutMs: value.timeoutMs,
    now: value.now ?? (() => new Date()),
  };
  return { ok: true, value: resolved };
}

/** Throws CONFIG_INVALID naming every bad option (never quoting a secret); else resolves. */
export function resolveOptions(options: StripeProviderOptions): ResolvedStripeOptions {
  const inspection = inspectOptions(options);
  if (!inspection.ok) throw refuse(inspection.issues);
  return inspection.value;
}

/**
 * Every problem `createStripeProvider` would refuse these options for, without creating
 * anything: for an app's start-up check, so the provider's own rules are the only ones and are
 * reported with the app's other settings. Empty when the options are good.
 *
 * @example
 * const issues = checkStripeProviderOptions({ secretKey: env.STRIPE_SECRET_KEY ?? "", webhookSecrets: env.STRIPE_WEBHOOK_SECRET ?? "" });
 * for (const issue of issues) problems.push(`${issue.option}: ${issue.message}`);
 */
export function checkStripeProviderOptions(
  options: StripeProviderOptions,
): readonly StripeOptionIssue[] {
  const inspection = inspectOptions(options);
  return inspection.ok ? [] : inspection.issues;
}

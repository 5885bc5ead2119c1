/**
 * @module
 * The option checks every Stripe client of the adapter shares (the provider and the read-only
 * checkout reader): the API key, the API base URL and the hosted page origins. Each problem is
 * collected with the option it concerns, so all are reported at once; no value is ever quoted.
 */
import { createRedirectGuard } from "@linkpay/core";
import {
  collectOptionIssue as check,
  type OptionIssue,
  refuseOptions as refuse,
  optionIssuesOf as schemaIssues,
} from "@linkpay/core/provider-kit";
import { parseApiBaseUrl, type StripeApiTarget } from "./api-base-url";
import { checkSecretKey } from "./secret-key";

/** Stripe's hosted Checkout page. */
export const STRIPE_CHECKOUT_ORIGIN = "https://checkout.stripe.com";

/** One problem with the options: the option and what is wrong (never its value). */
export type StripeOptionIssue = OptionIssue;

/** The options that say how to reach Stripe, as given. */
export interface ConnectionFields {
  readonly secretKey: string;
  readonly apiBaseUrl?: string | undefined;
  readonly checkoutOrigins?: readonly string[] | undefined;
  readonly id?: string | undefined;
  readonly maxNetworkRetries?: number | undefined;
  readonly timeoutMs?: number | undefined;
}

/** How to reach Stripe, validated, with every default applied. */
export interface ResolvedConnectionOptions {
  readonly id: string;
  readonly secretKey: string;
  readonly livemode: boolean;
  readonly api: StripeApiTarget | undefined;
  /** The hosted page origins, validated (core's redirect guard checks URLs against them). */
  readonly checkoutOrigins: readonly string[];
  readonly maxNetworkRetries: number;
  readonly timeoutMs: number | undefined;
}

/** The option-check helpers every adapter shares, from core's provider kit. */
export { check, refuse, schemaIssues };

/** Whether the key is a live one; a bad key is reported, and the rest judged as for a test key. */
export function checkKey(issues: StripeOptionIssue[], secretKey: string): boolean {
  return check(issues, "secretKey", () => checkSecretKey(secretKey))?.livemode ?? false;
}

/** The origin of a URL for a message (the URL itself when it does not parse; never a secret). */
function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/**
 * Checks the base URL and the hosted page origins for a key of `livemode` and fills in the
 * defaults; undefined when a problem was reported.
 */
export function checkConnection(
  issues: StripeOptionIssue[],
  value: ConnectionFields,
  livemode: boolean,
): ResolvedConnectionOptions | undefined {
  const { apiBaseUrl } = value;
  const api =
    apiBaseUrl === undefined
      ? undefined
      : check(issues, "apiBaseUrl", () => parseApiBaseUrl(apiBaseUrl, livemode));
  if (apiBaseUrl !== undefined && value.checkoutOrigins === undefined) {
    // The default, Stripe's own checkout page, is never where another API server's sessions live:
    // every checkout would later fail with REDIRECT_NOT_ALLOWED, pointing the wrong way.
    issues.push({
      option: "checkoutOrigins",
      message:
        `checkoutOrigins must be set when apiBaseUrl is: sessions created at ${apiBaseUrl} ` +
        `are not hosted on ${STRIPE_CHECKOUT_ORIGIN}. Pass the origin of that server's hosted ` +
        `pages, e.g. checkoutOrigins: ["${safeOrigin(apiBaseUrl)}"] for the sandbox, which ` +
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
  if (issues.length > 0 || checkoutOrigins === undefined) return undefined;
  return {
    id: value.id ?? "stripe",
    secretKey: value.secretKey,
    livemode,
    api,
    checkoutOrigins,
    maxNetworkRetries: value.maxNetworkRetries ?? 2,
    timeoutMs: value.timeoutMs,
  };
}

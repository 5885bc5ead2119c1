/**
 * @module
 * The option checks every Stripe client of the adapter shares (the provider and the read-only
 * checkout reader): the API key, the API base URL and the hosted page origins. Each problem is
 * collected with the option it concerns, so all are reported at once; no value is ever quoted.
 */
import { createRedirectGuard, isLinkpayError, LinkpayError } from "@linkpay/core";
import type * as z from "zod";
import { parseApiBaseUrl, type StripeApiTarget } from "./api-base-url";
import { checkSecretKey } from "./secret-key";

/** Stripe's hosted Checkout page. */
export const STRIPE_CHECKOUT_ORIGIN = "https://checkout.stripe.com";

/** One problem with the options: the option and what is wrong (never its value). */
export interface StripeOptionIssue {
  readonly option: string;
  readonly message: string;
}

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

/** The problems a zod schema found, each naming its option. */
export function schemaIssues(error: z.ZodError): StripeOptionIssue[] {
  return error.issues.map((issue) => {
    const option = issue.path.join(".") || "options";
    return { option, message: `${option} ${issue.message}` };
  });
}

/** CONFIG_INVALID listing every issue; `what` names the options (e.g. `Stripe provider options`). */
export function refuse(what: string, issues: readonly StripeOptionIssue[]): LinkpayError {
  const text = issues.map((issue) => issue.message).join("; ");
  return new LinkpayError("CONFIG_INVALID", `Invalid ${what}: ${text}`, { details: { issues } });
}

/** Runs a check; a CONFIG_INVALID it throws becomes an issue for `option`, so all are listed. */
export function check<T>(issues: StripeOptionIssue[], option: string, run: () => T): T | undefined {
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

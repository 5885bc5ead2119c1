/**
 * @module
 * Wraps stripe-node errors in LinkpayErrors: "misconfigured", "rejected", "no such session" and
 * "try again later" are kept apart, and Stripe's request id, type, code and status survive for diagnosis (never the key).
 */
import { type ErrorCode, isLinkpayError, LinkpayError } from "@linkpay/core";
import Stripe from "stripe";

type StripeError = InstanceType<typeof Stripe.errors.StripeError>;

const { errors } = Stripe;

// API keys and signing secrets, in case a message ever quotes one (Stripe masks keys, but be sure).
const SECRET_LIKE = /\b(?:sk|rk|pk)_(?:test|live)_[A-Za-z0-9*]+|\bwhsec_[A-Za-z0-9+/=_-]+/g;

/**
 * Operations whose 404 `resource_missing` means "no such object for this account" (Stripe answers
 * the same for an id never created and for another account's), with the code and a hint.
 */
const MISSING: Readonly<Record<string, { readonly code: ErrorCode; readonly hint: string }>> = {
  "checkout.sessions.retrieve": {
    code: "PROVIDER_SESSION_NOT_FOUND",
    hint: "no such Checkout Session for this key's account (never created, or another account's)",
  },
  "checkout.sessions.expire": {
    code: "PROVIDER_SESSION_NOT_FOUND",
    hint: "no such Checkout Session for this key's account (never created, or another account's)",
  },
};

function missingObject(error: StripeError, operation: string) {
  return error.statusCode === 404 && error.code === "resource_missing"
    ? MISSING[operation]
    : undefined;
}

function codeFor(error: StripeError, operation: string): ErrorCode {
  const missing = missingObject(error, operation);
  if (missing !== undefined) return missing.code;
  if (
    error instanceof errors.StripeAuthenticationError ||
    error instanceof errors.StripePermissionError
  ) {
    return "PROVIDER_AUTHENTICATION_FAILED";
  }
  if (error instanceof errors.StripeRateLimitError) return "PROVIDER_RATE_LIMITED";
  if (
    error instanceof errors.StripeInvalidRequestError ||
    error instanceof errors.StripeCardError ||
    error instanceof errors.StripeIdempotencyError
  ) {
    return "PROVIDER_REJECTED";
  }
  if (error instanceof errors.StripeAPIError || error instanceof errors.StripeConnectionError) {
    return "PROVIDER_UNAVAILABLE";
  }
  const status = error.statusCode;
  return status === undefined || status >= 500 ? "PROVIDER_UNAVAILABLE" : "PROVIDER_REJECTED";
}

/** Removes anything shaped like a Stripe key or signing secret from a message. */
export function redactSecrets(text: string): string {
  return text.replace(SECRET_LIKE, "[redacted]");
}

function definedOnly(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/**
 * The LinkpayError for an error thrown by a stripe-node call made for `operation`
 * (e.g. `checkout.sessions.create`). LinkpayErrors pass through unchanged.
 */
export function toLinkpayError(error: unknown, operation: string): LinkpayError {
  if (isLinkpayError(error)) return error;
  if (!(error instanceof errors.StripeError)) {
    // Not an API or network failure: the SDK refused the call itself, which retrying will not fix.
    const name = error instanceof Error ? error.name : typeof error;
    return new LinkpayError("PROVIDER_REJECTED", `Stripe ${operation} failed (${name})`, {
      cause: error,
      details: { operation, errorClass: name },
    });
  }
  const code = codeFor(error, operation);
  const reason = redactSecrets(error.message).slice(0, 500);
  const hint = missingObject(error, operation)?.hint;
  return new LinkpayError(
    code,
    `Stripe ${operation} failed: ${error.type}${error.code ? ` (${error.code})` : ""}: ${reason}` +
      (hint === undefined ? "" : ` (${hint})`),
    {
      cause: error,
      details: definedOnly({
        operation,
        requestId: error.requestId,
        type: error.rawType,
        errorClass: error.type,
        code: error.code,
        declineCode: error.decline_code || undefined,
        param: error.param,
        statusCode: error.statusCode,
      }),
    },
  );
}

/** Runs one SDK call, converting whatever it throws with {@link toLinkpayError}. */
export async function callStripe<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toLinkpayError(error, operation);
  }
}

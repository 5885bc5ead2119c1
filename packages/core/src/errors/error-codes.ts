/**
 * @module
 * The registry of linkpay error codes. Callers switch on `code`, never on message text.
 */

/** How a caller should react to an error, independent of its exact code. */
export type ErrorKind =
  /** The input was wrong; sending the same input again fails the same way. */
  | "invalid_input"
  /** A signature, timestamp or origin check failed: the message may be forged. */
  | "not_authentic"
  /** The merchant's configuration is wrong: a developer must fix it. */
  | "misconfigured"
  /** The thing asked for does not exist. */
  | "not_found"
  /** The request conflicts with the current state. */
  | "conflict"
  /** The payment provider answered with an error that retrying will not fix. */
  | "provider_rejected"
  /** A dependency (store, provider, hook) failed for now: try again later. */
  | "retryable";

interface CodeInfo {
  readonly kind: ErrorKind;
  readonly status: number;
}

const kinds = {
  invalid_input: 400,
  not_authentic: 400,
  misconfigured: 500,
  not_found: 404,
  conflict: 409,
  provider_rejected: 502,
  retryable: 503,
} as const satisfies Record<ErrorKind, number>;

function code(kind: ErrorKind, status: number = kinds[kind]): CodeInfo {
  return { kind, status };
}

/** Every error code linkpay raises, with its kind and HTTP status hint. */
export const ERROR_CODES = {
  // Money and input
  INVALID_AMOUNT: code("invalid_input"),
  UNKNOWN_CURRENCY: code("invalid_input"),
  /** A known currency the provider cannot charge (its unit there is unknown or unsupported). */
  CURRENCY_NOT_SUPPORTED: code("invalid_input"),
  CURRENCY_MISMATCH: code("invalid_input"),
  INVALID_CHECKOUT_REQUEST: code("invalid_input"),
  CARD_DATA_DETECTED: code("invalid_input"),
  INVALID_REFUND_REQUEST: code("invalid_input"),
  // Webhook authenticity
  WEBHOOK_SIGNATURE_MISSING: code("not_authentic"),
  WEBHOOK_SIGNATURE_MALFORMED: code("not_authentic"),
  WEBHOOK_SIGNATURE_INVALID: code("not_authentic"),
  WEBHOOK_TIMESTAMP_TOO_OLD: code("not_authentic"),
  WEBHOOK_TIMESTAMP_IN_FUTURE: code("not_authentic"),
  WEBHOOK_PAYLOAD_INVALID: code("invalid_input"),
  // Redirects
  REDIRECT_NOT_ALLOWED: code("provider_rejected"),
  // Configuration
  CONFIG_INVALID: code("misconfigured"),
  UNKNOWN_PROVIDER: code("not_found"),
  // State
  ATTEMPT_NOT_FOUND: code("not_found"),
  ATTEMPT_CONFLICT: code("conflict"),
  CHECKOUT_ALREADY_PAID: code("conflict"),
  CHECKOUT_CHANGED: code("conflict"),
  /** The attempt has no payment to refund (not paid, or already refunded in full). */
  REFUND_NOT_ALLOWED: code("conflict"),
  /** The refund is larger than what is left of the payment after earlier refunds. */
  REFUND_EXCEEDS_REMAINING: code("conflict"),
  /** An idempotency key already used for a different refund. */
  REFUND_KEY_REUSED: code("conflict"),
  /** The provider cannot refund this payment through its API. */
  REFUND_NOT_SUPPORTED: code("provider_rejected"),
  REFUND_NOT_FOUND: code("not_found"),
  // Provider
  PROVIDER_REJECTED: code("provider_rejected"),
  /**
   * The provider has no such session for this account: never created, or created with another
   * merchant's (account's) key. Not "unreachable": asking again gives the same answer.
   */
  PROVIDER_SESSION_NOT_FOUND: code("not_found"),
  PROVIDER_AUTHENTICATION_FAILED: code("misconfigured"),
  PROVIDER_UNAVAILABLE: code("retryable"),
  PROVIDER_RATE_LIMITED: code("retryable", 503),
  // Try again later
  ATTEMPT_NOT_READY: code("retryable"),
  STORE_UNAVAILABLE: code("retryable"),
  STORE_CONFLICT: code("retryable"),
  HOOK_FAILED: code("retryable"),
  /** The CSP report feed (`cspReportFeed`) did not answer, timed out, or answered 429 or 5xx. */
  CSP_REPORT_FEED_UNAVAILABLE: code("retryable"),
} as const satisfies Record<string, CodeInfo>;

/** A stable, UPPER_SNAKE error code. */
export type ErrorCode = keyof typeof ERROR_CODES;

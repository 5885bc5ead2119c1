/**
 * @module
 * The error codes this package adds to `@linkpay/core`'s registry: HTTP-level refusals that are
 * not payment errors (cross-site requests, oversized bodies, rate limits, unknown orders, a machine
 * client without its bearer token).
 */

/** Every code `@linkpay/express` answers with, beyond the core's, with its HTTP status. */
export const HTTP_ERROR_CODES = {
  /** The request came from another site (Fetch Metadata, Origin, Referer or CSRF token). */
  CROSS_SITE_REQUEST_REFUSED: 403,
  /** The request body is larger than the route allows. */
  PAYLOAD_TOO_LARGE: 413,
  /** The request body could not be read or parsed. */
  INVALID_BODY: 400,
  /** A query parameter is malformed or out of range. */
  INVALID_QUERY: 400,
  /** A route for machine clients (the CSP report feed) got no bearer token, or a wrong one. */
  AUTHENTICATION_REQUIRED: 401,
  /** A body parser ran before the webhook route, so the raw bytes the signature covers are gone. */
  WEBHOOK_RAW_BODY_UNAVAILABLE: 500,
  /** The shopper has no order here (no token, a forged one, or another order's session id). */
  ORDER_NOT_FOUND: 404,
  /** Too many requests from this client; try again later. */
  RATE_LIMITED: 429,
  /** No route matched. */
  NOT_FOUND: 404,
  /** Something unexpected failed; the request id leads to the log line. */
  INTERNAL_ERROR: 500,
} as const satisfies Record<string, number>;

/** A stable, UPPER_SNAKE code of `@linkpay/express`. */
export type HttpErrorCode = keyof typeof HTTP_ERROR_CODES;

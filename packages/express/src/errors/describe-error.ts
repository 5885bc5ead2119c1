/**
 * @module
 * Turns any thrown value into what a client may see: an HTTP status, a stable code and a fixed,
 * generic message. Never the error's own message, stack or details (they stay in the log).
 */
import { type ErrorKind, isLinkpayError } from "@linkpay/core";
import { isHttpError } from "./http-error";
import { HTTP_ERROR_CODES, type HttpErrorCode } from "./http-error-codes";

/** What a client is told about a failure. */
export interface PublicProblem {
  readonly status: number;
  /** A linkpay core code (`CARD_DATA_DETECTED`…) or an express one (`CROSS_SITE_REQUEST_REFUSED`…). */
  readonly code: string;
  /** A fixed sentence per code or kind: safe to show, reveals nothing about internals. */
  readonly message: string;
}

const KIND_MESSAGES: Readonly<Record<ErrorKind, string>> = {
  invalid_input: "The request is invalid.",
  not_authentic: "The request could not be authenticated.",
  misconfigured: "The payment service is not configured correctly.",
  not_found: "Not found.",
  conflict: "The request conflicts with the current state of the order.",
  provider_rejected: "The payment provider could not start the payment.",
  retryable: "The service is temporarily unavailable; please try again.",
};

const CODE_MESSAGES: Readonly<Record<string, string>> = {
  CARD_DATA_DETECTED:
    "Card numbers are entered on the payment provider's page only; remove it and try again.",
  CHECKOUT_ALREADY_PAID: "This order is already paid, or its payment is in progress.",
  CHECKOUT_CHANGED: "This order changed since its payment started; please start again.",
};

const HTTP_MESSAGES: Readonly<Record<HttpErrorCode, string>> = {
  CROSS_SITE_REQUEST_REFUSED: "This request was refused because it did not come from this site.",
  PAYLOAD_TOO_LARGE: "The request body is too large.",
  INVALID_BODY: "The request body could not be read.",
  INVALID_QUERY: "The query string is invalid.",
  AUTHENTICATION_REQUIRED: "A valid bearer token is required.",
  WEBHOOK_RAW_BODY_UNAVAILABLE: "The webhook endpoint is not configured correctly.",
  ORDER_NOT_FOUND: "No order was found for this link.",
  RATE_LIMITED: "Too many requests; please wait and try again.",
  NOT_FOUND: "Not found.",
  INTERNAL_ERROR: "Something went wrong on our side.",
};

/** The problem for an express-level code. */
export function problemFor(code: HttpErrorCode): PublicProblem {
  return { status: HTTP_ERROR_CODES[code], code, message: HTTP_MESSAGES[code] };
}

/** A body-parser error (`entity.too.large`, `entity.parse.failed`…), which carries `type`. */
function bodyParserCode(error: unknown): HttpErrorCode | undefined {
  if (!(error instanceof Error)) return undefined;
  const type: unknown = Reflect.get(error, "type");
  if (typeof type !== "string") return undefined;
  if (type === "entity.too.large") return "PAYLOAD_TOO_LARGE";
  const status: unknown = Reflect.get(error, "status");
  return typeof status === "number" && status >= 400 && status < 500 ? "INVALID_BODY" : undefined;
}

/** What a client may be told about `error` (500 `INTERNAL_ERROR` for anything unknown). */
export function describeError(error: unknown): PublicProblem {
  if (isLinkpayError(error)) {
    return {
      status: error.status,
      code: error.code,
      message: CODE_MESSAGES[error.code] ?? KIND_MESSAGES[error.kind],
    };
  }
  if (isHttpError(error)) return problemFor(error.code);
  // A path Express cannot percent-decode (`/bookings/%E0%A4%A`) names no page: 404, not 500.
  if (error instanceof URIError) return problemFor("NOT_FOUND");
  return problemFor(bodyParserCode(error) ?? "INTERNAL_ERROR");
}

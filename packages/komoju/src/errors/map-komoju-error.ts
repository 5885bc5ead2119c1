/**
 * @module
 * Turns a failed KOMOJU call (an HTTP error answer, a network failure, a time-out) into a
 * LinkpayError: "misconfigured", "rejected", "no such session" and "try again later" are kept
 * apart, and KOMOJU's status, code and param survive for diagnosis (never the key).
 */
import { type ErrorCode, LinkpayError } from "@linkpay/core";

// API keys, in case a message ever quotes one.
const SECRET_LIKE = /\b(?:sk|pk)_(?:test|live)_[A-Za-z0-9_-]+/g;

/** Removes anything shaped like a KOMOJU key from a message. */
export function redactSecrets(text: string): string {
  return text.replace(SECRET_LIKE, "[redacted]");
}

/** What KOMOJU answered with an error status. */
export interface KomojuErrorAnswer {
  readonly status: number;
  readonly code?: string | null | undefined;
  readonly message?: string | null | undefined;
  readonly param?: string | null | undefined;
}

/** True for the answers worth asking again (same idempotency key). */
function isRetryableStatus(status: number): boolean {
  // 409: a first request with the same idempotency key is still in flight.
  return status === 409 || status === 429 || status >= 500;
}

function codeFor(answer: KomojuErrorAnswer, sessionOperation: boolean): ErrorCode {
  const { status } = answer;
  if (status === 401 || status === 403) return "PROVIDER_AUTHENTICATION_FAILED";
  if (status === 404 && sessionOperation) return "PROVIDER_SESSION_NOT_FOUND";
  if (status === 429) return "PROVIDER_RATE_LIMITED";
  if (isRetryableStatus(status)) return "PROVIDER_UNAVAILABLE";
  return "PROVIDER_REJECTED";
}

const HINTS: Partial<Record<ErrorCode, string>> = {
  PROVIDER_AUTHENTICATION_FAILED:
    "check secretKey (a test key against live KOMOJU, or a revoked key?)",
  PROVIDER_SESSION_NOT_FOUND:
    "no such session for this key's account (never created, or another account's)",
};

function definedOnly(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value != null));
}

/**
 * The LinkpayError for an error answer to `operation` (e.g. `sessions.retrieve`); 404 means "no
 * such session" only for operations on a session.
 */
export function komojuAnswerError(
  operation: string,
  answer: KomojuErrorAnswer,
  options: { readonly sessionOperation: boolean },
): LinkpayError {
  const code = codeFor(answer, options.sessionOperation);
  const reason = redactSecrets(answer.message ?? "").slice(0, 500);
  const hint = HINTS[code];
  return new LinkpayError(
    code,
    `KOMOJU ${operation} failed: HTTP ${answer.status}` +
      (answer.code ? ` (${answer.code})` : "") +
      (reason ? `: ${reason}` : "") +
      (hint ? ` (${hint})` : ""),
    {
      details: definedOnly({
        operation,
        statusCode: answer.status,
        code: answer.code,
        param: answer.param,
      }),
    },
  );
}

/** The LinkpayError for a request that got no answer (network failure or time-out). */
export function komojuNetworkError(
  operation: string,
  cause: unknown,
  timeoutMs: number,
): LinkpayError {
  // fetch's time-out is a DOMException, which is not an Error in every realm: read its name.
  const name = typeof cause === "object" && cause !== null ? Reflect.get(cause, "name") : undefined;
  const timedOut = name === "TimeoutError";
  const what = timedOut
    ? `no answer within ${timeoutMs} ms`
    : `could not reach KOMOJU (${typeof name === "string" ? name : typeof cause})`;
  return new LinkpayError("PROVIDER_UNAVAILABLE", `KOMOJU ${operation} failed: ${what}`, {
    cause: cause instanceof Error ? new Error(redactSecrets(cause.message)) : undefined,
    details: { operation, reason: timedOut ? "timeout" : "network" },
  });
}

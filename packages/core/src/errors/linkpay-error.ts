/**
 * @module
 * The one error class of linkpay. Every error carries a stable `code`, a `kind` and an HTTP status hint.
 */
import { ERROR_CODES, type ErrorCode, type ErrorKind } from "./error-codes";

/** Options for {@link LinkpayError}. */
export interface LinkpayErrorOptions {
  /** The underlying error, kept for diagnosis (never shown to shoppers). */
  cause?: unknown;
  /** Structured, log-safe details (no secrets, no card data). */
  details?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * The base error of every linkpay package.
 *
 * @example
 * if (err instanceof LinkpayError && err.kind === "retryable") res.status(503);
 */
export class LinkpayError extends Error {
  override readonly name = "LinkpayError";
  /** Stable code to switch on. */
  readonly code: ErrorCode;
  /** What kind of failure this is; tells the caller how to react. */
  readonly kind: ErrorKind;
  /** The HTTP status a server should answer with. */
  readonly status: number;
  /** Structured, log-safe details. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, options: LinkpayErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    const info = ERROR_CODES[code];
    this.code = code;
    this.kind = info.kind;
    this.status = info.status;
    this.details = options.details ?? {};
  }

  /** True when the same call may succeed later (answer 503 so the sender retries). */
  get retryable(): boolean {
    return this.kind === "retryable";
  }
}

/** Narrows `error` to a {@link LinkpayError}, optionally with the given code. */
export function isLinkpayError(error: unknown, code?: ErrorCode): error is LinkpayError {
  return error instanceof LinkpayError && (code === undefined || error.code === code);
}

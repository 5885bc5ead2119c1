/**
 * @module
 * The one error class of `@linkpay/express`: an HTTP refusal with a stable code, thrown (or passed
 * to `next`) deep down and rendered by {@link errorHandler} in one place.
 */
import { HTTP_ERROR_CODES, type HttpErrorCode } from "./http-error-codes";

/** Options of {@link HttpError}. */
export interface HttpErrorOptions {
  /** The underlying error, kept for the log (never shown to clients). */
  readonly cause?: unknown;
  /** Log-safe details (no secrets, no card data). */
  readonly details?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * An HTTP-level refusal with a stable `code` and `status`.
 *
 * @example
 * next(new HttpError("ORDER_NOT_FOUND", "No order for this token"));
 */
export class HttpError extends Error {
  override readonly name = "HttpError";
  /** Stable code to switch on. */
  readonly code: HttpErrorCode;
  /** The HTTP status to answer with. */
  readonly status: number;
  /** Structured, log-safe details. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: HttpErrorCode, message: string, options: HttpErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = HTTP_ERROR_CODES[code];
    this.details = options.details ?? {};
  }
}

/** Narrows `error` to an {@link HttpError}, optionally with the given code. */
export function isHttpError(error: unknown, code?: HttpErrorCode): error is HttpError {
  return error instanceof HttpError && (code === undefined || error.code === code);
}

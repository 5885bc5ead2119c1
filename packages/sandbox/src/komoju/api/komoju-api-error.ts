/**
 * @module
 * Errors of the KOMOJU mode, answered in KOMOJU's shape:
 * `{ "error": { "code", "message", "param" } }` with KOMOJU's statuses (401 `unauthorized`,
 * 404 `not_found`, 400 `missing_parameter`/`bad_request`, 422 `invalid_parameter`, …).
 */

/** The body of a KOMOJU error response. */
export interface KomojuErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly param: string | null;
  };
}

/**
 * An error answered in KOMOJU's shape.
 *
 * @example
 * throw new KomojuApiError(422, "invalid_parameter", "amount must be positive", "amount");
 */
export class KomojuApiError extends Error {
  override readonly name = "KomojuApiError";

  constructor(
    /** The HTTP status. */
    readonly status: number,
    /** KOMOJU's error code. */
    readonly code: string,
    message: string,
    /** The parameter at fault (dotted path), or null. */
    readonly param: string | null = null,
  ) {
    super(message);
  }

  /** The response body. */
  toBody(): KomojuErrorBody {
    return { error: { code: this.code, message: this.message, param: this.param } };
  }
}

/** A 404 `not_found` for an unknown or foreign id. */
export function komojuNotFound(resource: string, id: string): KomojuApiError {
  return new KomojuApiError(404, "not_found", `The requested ${resource} (${id}) was not found.`);
}

/** A 422 `invalid_parameter` naming `param`. */
export function invalidParameter(message: string, param: string | null = null): KomojuApiError {
  return new KomojuApiError(422, "invalid_parameter", message, param);
}

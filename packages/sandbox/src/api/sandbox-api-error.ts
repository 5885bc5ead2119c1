/**
 * @module
 * The sandbox's one error class. It carries everything Stripe puts in an error response
 * (`type`, `code`, `param`, HTTP status), so the official SDK maps it to the same error classes
 * it would raise against Stripe (`StripeInvalidRequestError`, `StripeAuthenticationError`, …).
 */

/** The `type` values Stripe writes in error bodies (the ones the sandbox produces). */
export type StripeErrorType =
  | "invalid_request_error"
  | "idempotency_error"
  | "rate_limit_error"
  | "api_error"
  | "card_error";

/** What goes into {@link SandboxApiError}. */
export interface SandboxApiErrorInit {
  /** HTTP status: 400, 401, 404, 409, 429 or 500, as Stripe answers. */
  readonly status: number;
  readonly type: StripeErrorType;
  readonly message: string;
  /** Stripe's machine-readable code, e.g. `resource_missing` or `parameter_missing`. */
  readonly code?: string | undefined;
  /** The request parameter at fault, in Stripe's bracket notation (`line_items[0][quantity]`). */
  readonly param?: string | undefined;
}

/** The JSON body of a Stripe error response. */
export interface StripeErrorBody {
  readonly error: {
    readonly type: StripeErrorType;
    readonly message: string;
    readonly code?: string;
    readonly param?: string;
    readonly doc_url?: string;
  };
}

/**
 * An error answered in Stripe's shape (`{ error: { type, code?, message, param? } }`).
 *
 * @example
 * throw invalidRequest("Missing required param: mode.", { param: "mode", code: "parameter_missing" });
 */
export class SandboxApiError extends Error {
  override readonly name = "SandboxApiError";
  /** The HTTP status to answer with. */
  readonly status: number;
  /** Stripe's error `type`. */
  readonly type: StripeErrorType;
  /** Stripe's error `code`, when there is one. */
  readonly code: string | undefined;
  /** The parameter at fault, when there is one. */
  readonly param: string | undefined;

  constructor(init: SandboxApiErrorInit) {
    super(init.message);
    this.status = init.status;
    this.type = init.type;
    this.code = init.code;
    this.param = init.param;
  }

  /** The response body, as Stripe writes it. */
  toBody(): StripeErrorBody {
    return {
      error: {
        type: this.type,
        message: this.message,
        ...(this.code === undefined
          ? {}
          : { code: this.code, doc_url: `https://stripe.com/docs/error-codes/${this.code}` }),
        ...(this.param === undefined ? {} : { param: this.param }),
      },
    };
  }
}

/** Options of {@link invalidRequest}. */
export interface InvalidRequestOptions {
  readonly param?: string | undefined;
  readonly code?: string | undefined;
  readonly status?: number | undefined;
}

/** A 400 `invalid_request_error` (or another status given in `options`). */
export function invalidRequest(
  message: string,
  options: InvalidRequestOptions = {},
): SandboxApiError {
  return new SandboxApiError({
    status: options.status ?? 400,
    type: "invalid_request_error",
    message,
    code: options.code,
    param: options.param,
  });
}

/** A 404 `resource_missing` for an object named in the path, e.g. `No such checkout.session: 'cs_…'`. */
export function resourceMissing(objectName: string, id: string, param: string): SandboxApiError {
  return invalidRequest(`No such ${objectName}: '${id}'`, {
    status: 404,
    code: "resource_missing",
    param,
  });
}

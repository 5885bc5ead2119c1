/**
 * @module
 * Errors of `@linkpay/express`: the {@link HttpError} class with its code registry, and the
 * mapping from any error to what a client may see.
 */
export { describeError, type PublicProblem, problemFor } from "./describe-error";
export { HttpError, type HttpErrorOptions, isHttpError } from "./http-error";
export { HTTP_ERROR_CODES, type HttpErrorCode } from "./http-error-codes";

/**
 * @module
 * The one place errors become responses: Stripe-shaped bodies with Stripe's statuses. Anything
 * unexpected is a 500 `api_error` (logged, redacted), never a stack trace.
 */
import type { Logger } from "@linkpay/core";
import type { ErrorRequestHandler, RequestHandler } from "express";
import { invalidRequest, SandboxApiError } from "./sandbox-api-error";

/** The Stripe-shaped error for anything thrown while handling a request. */
export function toApiError(error: unknown): SandboxApiError {
  if (error instanceof SandboxApiError) return error;
  const status = Reflect.get(Object(error), "status");
  if (typeof status === "number" && status >= 400 && status < 500) {
    return invalidRequest(
      status === 413 ? "The request body is too large." : "The request body could not be parsed.",
      { status },
    );
  }
  return new SandboxApiError({
    status: 500,
    type: "api_error",
    message: "An unknown error occurred.",
  });
}

/** Error middleware answering in Stripe's shape. */
export function stripeErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const apiError = toApiError(error);
    if (apiError.status >= 500 && !(error instanceof SandboxApiError)) {
      logger.error({ error, method: req.method, path: req.path }, "unexpected error");
    }
    res.status(apiError.status).json(apiError.toBody());
  };
}

/** Stripe's 404 for an unknown API route. */
export function unknownRoute(): RequestHandler {
  return (req) => {
    throw invalidRequest(
      `Unrecognized request URL (${req.method}: ${req.originalUrl.split("?")[0]}).`,
      {
        status: 404,
      },
    );
  };
}

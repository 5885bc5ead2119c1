/**
 * @module
 * The one place errors of the KOMOJU mode become responses, in KOMOJU's shape. Errors raised by
 * the shared Stripe-side middleware (API faults, the card-number guard, body parsing) are
 * translated; anything unexpected is a logged 500 `internal_server_error`.
 */
import type { Logger } from "@linkpay/core";
import type { ErrorRequestHandler, RequestHandler } from "express";
import { SandboxApiError } from "../../api/sandbox-api-error";
import { KomojuApiError } from "./komoju-api-error";

const CODE_OF_STATUS: Readonly<Record<number, string>> = {
  400: "bad_request",
  401: "unauthorized",
  404: "not_found",
  413: "bad_request",
  422: "invalid_parameter",
  429: "too_many_requests",
  500: "internal_server_error",
};

/** The KOMOJU-shaped error for anything thrown while handling a request. */
export function toKomojuError(error: unknown): KomojuApiError {
  if (error instanceof KomojuApiError) return error;
  if (error instanceof SandboxApiError) {
    const code = error.status >= 429 ? CODE_OF_STATUS[error.status] : error.code;
    return new KomojuApiError(
      error.status,
      code ?? CODE_OF_STATUS[error.status] ?? "bad_request",
      error.message,
      error.param?.replace(/\[([^\]]*)\]/g, ".$1") ?? null,
    );
  }
  const status = Reflect.get(Object(error), "status");
  if (typeof status === "number" && status >= 400 && status < 500) {
    const message =
      status === 413 ? "The request body is too large." : "The request body is not valid JSON.";
    return new KomojuApiError(status, "bad_request", message);
  }
  return new KomojuApiError(500, "internal_server_error", "An unknown error occurred.");
}

/** Error middleware answering in KOMOJU's shape. */
export function komojuErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const komojuError = toKomojuError(error);
    if (komojuError.status >= 500 && !(error instanceof SandboxApiError)) {
      logger.error({ error, method: req.method, path: req.path }, "unexpected error");
    }
    res.status(komojuError.status).json(komojuError.toBody());
  };
}

/** KOMOJU's 404 for an unknown route. */
export function komojuUnknownRoute(): RequestHandler {
  return (req) => {
    throw new KomojuApiError(
      404,
      "not_found",
      `No such endpoint: ${req.method} ${req.originalUrl.split("?")[0]}`,
    );
  };
}

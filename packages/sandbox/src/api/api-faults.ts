/**
 * @module
 * The API faults as middleware: a slow answer (`apiDelayMs`) and failed calls (`apiError`) with
 * the bodies Stripe sends for a 500 and a 429.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { RequestHandler } from "express";
import type { FaultState } from "../faults/fault-state";
import { SandboxApiError } from "./sandbox-api-error";

/** Middleware applying the global API faults to each call. */
export function apiFaults(faults: FaultState): RequestHandler {
  return async (_req, _res, next) => {
    const delay = faults.apiDelayMs();
    if (delay > 0) await sleep(delay);
    const status = faults.takeApiError();
    if (status === 429) {
      throw new SandboxApiError({
        status,
        type: "rate_limit_error",
        code: "rate_limit",
        message: "Request rate limit exceeded. Retry after a short wait (sandbox fault: apiError).",
      });
    }
    if (status === 500) {
      throw new SandboxApiError({
        status,
        type: "api_error",
        message: "An unknown error occurred (sandbox fault: apiError).",
      });
    }
    next();
  };
}

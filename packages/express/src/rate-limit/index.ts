/**
 * @module
 * Rate limits for the routes that cost something: starting a checkout (a provider API call and a
 * stored attempt) and the return page (one provider lookup per visit), on express-rate-limit with
 * IETF `RateLimit` headers. The store is pluggable: the default memory store counts per process;
 * several instances share a Redis store (see docs/express.md).
 */
import type { Logger } from "@linkpay/core";
import type { Request, RequestHandler } from "express";
import { rateLimit as expressRateLimit, type Store } from "express-rate-limit";
import { HttpError } from "../errors";
import { requestLogger } from "../logging";

/** Options of {@link rateLimit} and its presets. */
export interface RateLimitOptions {
  /** The window in milliseconds. */
  readonly windowMs?: number | undefined;
  /** Requests allowed per client and window. */
  readonly limit?: number | undefined;
  /** Where hits are counted (default: in memory, per process). One store per limiter. */
  readonly store?: Store | undefined;
  /** Who a client is (default: its IP, IPv6 grouped by /56; set `trust proxy` behind a proxy). */
  readonly keyGenerator?: ((req: Request) => string | Promise<string>) | undefined;
  /** Where to log when {@link requestLogging} is not mounted. */
  readonly logger?: Logger | undefined;
}

/** A named rate limiter: 429 `RATE_LIMITED` (through `next`, for {@link errorHandler}) beyond the limit. */
export function rateLimit(
  name: string,
  defaults: { readonly windowMs: number; readonly limit: number },
  options: RateLimitOptions = {},
): RequestHandler {
  return expressRateLimit({
    windowMs: options.windowMs ?? defaults.windowMs,
    limit: options.limit ?? defaults.limit,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    identifier: name,
    ...(options.store === undefined ? {} : { store: options.store }),
    ...(options.keyGenerator === undefined ? {} : { keyGenerator: options.keyGenerator }),
    handler: (req, _res, next) => {
      requestLogger(req, options.logger).warn({ limiter: name }, "rate limit reached");
      next(new HttpError("RATE_LIMITED", `Rate limit ${name} reached`));
    },
  });
}

/**
 * Limits checkout starts per client (default 20 per 10 minutes).
 *
 * @example
 * app.post("/checkout", checkoutRateLimit(), rejectCardData(), csrf, checkoutHandler({ ... }));
 */
export function checkoutRateLimit(options: RateLimitOptions = {}): RequestHandler {
  return rateLimit("checkout", { windowMs: 10 * 60_000, limit: 20 }, options);
}

/**
 * Limits return-page visits per client (default 60 per minute), each of which may ask the provider.
 *
 * @example
 * app.get("/checkout/return", returnRateLimit(), returnHandler({ ... }));
 */
export function returnRateLimit(options: RateLimitOptions = {}): RequestHandler {
  return rateLimit("return", { windowMs: 60_000, limit: 60 }, options);
}

/**
 * @module
 * Rate limits for the routes that cost something: starting a checkout (a provider API call and a
 * stored attempt) and the return page (one provider lookup per visit), on express-rate-limit with
 * IETF `RateLimit` headers. Where hits are counted is pluggable: by default in this process's
 * memory; with several instances, in a shared store: linkpay's SQL store (`createSqlStore`, on
 * PostgreSQL) or any express-rate-limit store such as Redis's (see docs/express.md).
 */
import type { Logger, RateLimitStore } from "@linkpay/core";
import type { Request, RequestHandler } from "express";
import {
  type ClientRateLimitInfo,
  rateLimit as expressRateLimit,
  type Options,
  type Store,
} from "express-rate-limit";
import { HttpError } from "../errors";
import { requestLogger } from "../logging";

/** Options of {@link rateLimit} and its presets. */
export interface RateLimitOptions {
  /** The window in milliseconds. */
  readonly windowMs?: number | undefined;
  /** Requests allowed per client and window. */
  readonly limit?: number | undefined;
  /**
   * Where hits are counted (default: in memory, per process, so N instances allow N times the
   * limit). Pass the SQL store (`createSqlStore`, a {@link RateLimitStore}) to count in the
   * database every instance shares: limiters keep apart by their name. Or pass an
   * express-rate-limit `Store` (e.g. `rate-limit-redis`), a new one per limiter, with its own prefix.
   */
  readonly store?: Store | RateLimitStore | undefined;
  /** Who a client is (default: its IP, IPv6 grouped by /56; set `trust proxy` behind a proxy). */
  readonly keyGenerator?: ((req: Request) => string | Promise<string>) | undefined;
  /** Where to log when {@link requestLogging} is not mounted. */
  readonly logger?: Logger | undefined;
  /** The clock for a {@link RateLimitStore} (tests). */
  readonly now?: (() => Date) | undefined;
}

function isRateLimitStore(store: Store | RateLimitStore): store is RateLimitStore {
  return "hitRateLimit" in store && typeof store.hitRateLimit === "function";
}

/** An express-rate-limit store counting in a {@link RateLimitStore}, under `name:` + the client key. */
class SharedStore implements Store {
  readonly localKeys = false;
  readonly prefix: string;
  #windowMs = 60_000;

  constructor(
    private readonly shared: RateLimitStore,
    name: string,
    private readonly now: () => Date,
  ) {
    this.prefix = `${name}:`;
  }

  init(options: Options): void {
    this.#windowMs = options.windowMs;
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const count = await this.shared.hitRateLimit({
      key: this.prefix + key,
      windowMs: this.#windowMs,
      at: this.now(),
    });
    return { totalHits: count.hits, resetTime: count.resetAt };
  }

  async decrement(key: string): Promise<void> {
    await this.shared.undoRateLimitHit({ key: this.prefix + key, at: this.now() });
  }

  async resetKey(key: string): Promise<void> {
    await this.shared.resetRateLimit({ key: this.prefix + key });
  }
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
    ...(options.store === undefined
      ? {}
      : {
          store: isRateLimitStore(options.store)
            ? new SharedStore(options.store, name, options.now ?? (() => new Date()))
            : options.store,
        }),
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

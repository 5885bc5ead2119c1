/**
 * @module
 * Hit counters in fixed windows, keyed by whatever is limited (a client address, an account): the
 * shared state behind rate limits and sign-in lock-outs. In one process a memory store is enough;
 * with several instances every instance must count in the same place, or N instances allow N
 * times the limit. `createSqlStore` implements it on PostgreSQL and SQLite.
 */
import { createHash } from "node:crypto";
import { LinkpayError } from "../errors";

/** Where a key stands after a hit. */
export interface RateLimitCount {
  /** Hits in the current window, this one included. */
  readonly hits: number;
  /** When the current window ends and the count starts again from zero. */
  readonly resetAt: Date;
}

/** Counts hits per key in fixed windows, atomically across every process that shares it. */
export interface RateLimitStore {
  /**
   * Counts one hit for `key` at `at` and returns the count. A key with no window running (never
   * hit, or its window ended at or before `at`) starts a new window of `windowMs` with one hit.
   * Concurrent hits on one key, from any process, are each counted once.
   */
  hitRateLimit(input: {
    readonly key: string;
    readonly windowMs: number;
    readonly at: Date;
  }): Promise<RateLimitCount>;
  /**
   * Takes one hit back from the window running at `at` (a request that turned out not to count);
   * never below zero, and nothing when the window has ended.
   */
  undoRateLimitHit(input: { readonly key: string; readonly at: Date }): Promise<void>;
  /** Forgets `key`: its next hit starts a new window. */
  resetRateLimit(input: { readonly key: string }): Promise<void>;
}

const KEY_LIMIT = 200;

/**
 * A hit's key as stores keep it: keys longer than 200 characters (an
 * address typed into a sign-in form can be any length) are kept as their SHA-256, so a store's
 * rows stay small whatever clients send.
 */
export function storedRateLimitKey(key: string): string {
  return key.length <= KEY_LIMIT ? key : `sha256:${createHash("sha256").update(key).digest("hex")}`;
}

/** Refuses a window that is not a whole number of milliseconds of at least 1. */
export function checkRateLimitWindow(windowMs: number): number {
  if (!Number.isSafeInteger(windowMs) || windowMs < 1) {
    throw new LinkpayError(
      "CONFIG_INVALID",
      `windowMs must be a whole number of milliseconds of at least 1, not ${String(windowMs)}`,
      { details: { field: "windowMs" } },
    );
  }
  return windowMs;
}

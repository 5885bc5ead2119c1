/**
 * @module
 * An in-memory {@link RateLimitStore}: one process only, counts lost on restart. Ended windows
 * are dropped as new hits arrive, so memory follows the clients of the current window.
 */
import {
  checkRateLimitWindow,
  type RateLimitCount,
  type RateLimitStore,
  storedRateLimitKey,
} from "./rate-limit-store";

interface Window {
  hits: number;
  readonly resetAt: number;
}

/**
 * Creates an empty in-memory rate-limit store.
 *
 * @example
 * const limits = createMemoryRateLimitStore();
 * const { hits } = await limits.hitRateLimit({ key: "sign-in:ann", windowMs: 900_000, at: new Date() });
 */
export function createMemoryRateLimitStore(): RateLimitStore {
  const windows = new Map<string, Window>();
  let nextSweep = Number.NEGATIVE_INFINITY;

  function sweep(now: number): void {
    if (now < nextSweep) return;
    for (const [key, window] of windows) if (window.resetAt <= now) windows.delete(key);
    nextSweep = now + 60_000;
  }

  return {
    async hitRateLimit(input): Promise<RateLimitCount> {
      const windowMs = checkRateLimitWindow(input.windowMs);
      const key = storedRateLimitKey(input.key);
      const now = input.at.getTime();
      sweep(now);
      const running = windows.get(key);
      const window =
        running !== undefined && running.resetAt > now
          ? running
          : { hits: 0, resetAt: now + windowMs };
      window.hits += 1;
      windows.set(key, window);
      return { hits: window.hits, resetAt: new Date(window.resetAt) };
    },
    async undoRateLimitHit({ key, at }) {
      const window = windows.get(storedRateLimitKey(key));
      if (window !== undefined && window.resetAt > at.getTime() && window.hits > 0)
        window.hits -= 1;
    },
    async resetRateLimit({ key }) {
      windows.delete(storedRateLimitKey(key));
    },
  };
}

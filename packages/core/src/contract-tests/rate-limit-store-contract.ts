/**
 * @module
 * The rate-limit store contract: every {@link RateLimitStore} runs it against itself, so a limit
 * counts the same in memory, on SQLite and on PostgreSQL: fixed windows, every concurrent hit
 * counted once, keys apart, hits taken back never below zero, long keys accepted.
 */
import { describe, expect, it } from "@jest/globals";
import { isLinkpayError } from "../errors";
import type { RateLimitStore } from "../rate-limits";

/** What a store under test supplies: a fresh, empty store per call. */
export interface RateLimitStoreHarness {
  readonly store: RateLimitStore;
  /** Frees connections after the test. */
  close?(): Promise<void>;
}

const AT = new Date("2026-12-05T09:00:00.123Z");
const later = (ms: number) => new Date(AT.getTime() + ms);
const WINDOW = 60_000;

/** Registers the rate-limit store contract tests for one store. */
export function describeRateLimitStoreContract(
  name: string,
  setup: () => Promise<RateLimitStoreHarness>,
): void {
  describe(`RateLimitStore contract: ${name}`, () => {
    async function withStore(test: (store: RateLimitStore) => Promise<void>): Promise<void> {
      const harness = await setup();
      try {
        await test(harness.store);
      } finally {
        await harness.close?.();
      }
    }

    it("counts hits in a fixed window that ends windowMs after the first hit", () =>
      withStore(async (store) => {
        const hit = (ms: number) =>
          store.hitRateLimit({ key: "k", windowMs: WINDOW, at: later(ms) });
        expect(await hit(0)).toEqual({ hits: 1, resetAt: later(WINDOW) });
        expect(await hit(1_000)).toEqual({ hits: 2, resetAt: later(WINDOW) });
        expect(await hit(WINDOW - 1)).toEqual({ hits: 3, resetAt: later(WINDOW) });
        // The window has ended: the count starts again, with a new window from this hit.
        expect(await hit(WINDOW)).toEqual({ hits: 1, resetAt: later(2 * WINDOW) });
      }));

    it("counts every one of many concurrent hits once", () =>
      withStore(async (store) => {
        const counts = await Promise.all(
          Array.from({ length: 40 }, () =>
            store.hitRateLimit({ key: "burst", windowMs: WINDOW, at: AT }),
          ),
        );
        expect(counts.map((count) => count.hits).sort((a, b) => a - b)).toEqual(
          Array.from({ length: 40 }, (_, i) => i + 1),
        );
      }));

    it("keeps keys apart", () =>
      withStore(async (store) => {
        await store.hitRateLimit({ key: "checkout:198.51.100.7", windowMs: WINDOW, at: AT });
        await store.hitRateLimit({ key: "checkout:198.51.100.7", windowMs: WINDOW, at: AT });
        const other = await store.hitRateLimit({
          key: "checkout:198.51.100.8",
          windowMs: WINDOW,
          at: AT,
        });
        expect(other.hits).toBe(1);
      }));

    it("takes a hit back, never below zero, within the same window", () =>
      withStore(async (store) => {
        await store.hitRateLimit({ key: "k", windowMs: WINDOW, at: AT });
        await store.hitRateLimit({ key: "k", windowMs: WINDOW, at: AT });
        await store.undoRateLimitHit({ key: "k", at: later(1) });
        await store.undoRateLimitHit({ key: "k", at: later(1) });
        await store.undoRateLimitHit({ key: "k", at: later(1) });
        await store.undoRateLimitHit({ key: "never-hit", at: later(1) });
        expect(await store.hitRateLimit({ key: "k", windowMs: WINDOW, at: later(2) })).toEqual({
          hits: 1,
          resetAt: later(WINDOW),
        });
      }));

    it("forgets a key on reset", () =>
      withStore(async (store) => {
        await store.hitRateLimit({ key: "k", windowMs: WINDOW, at: AT });
        await store.hitRateLimit({ key: "k", windowMs: WINDOW, at: AT });
        await store.resetRateLimit({ key: "k" });
        await store.resetRateLimit({ key: "never-hit" });
        expect(await store.hitRateLimit({ key: "k", windowMs: WINDOW, at: later(5) })).toEqual({
          hits: 1,
          resetAt: later(WINDOW + 5),
        });
      }));

    it("accepts keys of any length and tells long keys apart", () =>
      withStore(async (store) => {
        const long = (end: string) => `sign-in:${"a".repeat(5_000)}${end}@example.com`;
        await store.hitRateLimit({ key: long("x"), windowMs: WINDOW, at: AT });
        const again = await store.hitRateLimit({ key: long("x"), windowMs: WINDOW, at: AT });
        const other = await store.hitRateLimit({ key: long("y"), windowMs: WINDOW, at: AT });
        expect([again.hits, other.hits]).toEqual([2, 1]);
        await store.undoRateLimitHit({ key: long("x"), at: AT });
        await store.resetRateLimit({ key: long("y") });
        const [x, y] = await Promise.all([
          store.hitRateLimit({ key: long("x"), windowMs: WINDOW, at: AT }),
          store.hitRateLimit({ key: long("y"), windowMs: WINDOW, at: AT }),
        ]);
        expect([x.hits, y.hits]).toEqual([2, 1]);
      }));

    it("refuses a window that is not a whole number of milliseconds", () =>
      withStore(async (store) => {
        for (const windowMs of [0, -1, 1.5, Number.NaN]) {
          const error = await store.hitRateLimit({ key: "k", windowMs, at: AT }).then(
            () => undefined,
            (caught: unknown) => caught,
          );
          expect(isLinkpayError(error, "CONFIG_INVALID")).toBe(true);
        }
      }));
  });
}

/**
 * @module
 * The CSP report store contract: every {@link CspReportStore} runs it against itself, so a report
 * is kept the same way in memory, on SQLite and on PostgreSQL: deduplicated by fingerprint,
 * bounded by distinct entries, times exact to the millisecond, absent fields left absent.
 */
import { describe, expect, it } from "@jest/globals";
import type { CspReportStore, CspViolation } from "../csp-reports";
import { cspViolationFingerprint } from "../csp-reports";

/** What a store under test supplies: a fresh, empty store with the given bound per call. */
export interface CspReportStoreHarness {
  readonly store: CspReportStore;
  /** Frees connections after the test. */
  close?(): Promise<void>;
}

const AT = new Date("2026-12-05T09:00:00.123Z");
const later = (seconds: number) => new Date(AT.getTime() + seconds * 1000);

const skimmer: CspViolation = {
  documentUrl: "https://shop.example/bookings/new",
  blockedUrl: "https://skimmer.example/s.js",
  directive: "script-src-elem",
  disposition: "enforce",
};

function violation(n: number): CspViolation {
  return { ...skimmer, blockedUrl: `https://skimmer.example/${n}.js` };
}

/** Registers the CSP report store contract tests for one store. */
export function describeCspReportStoreContract(
  name: string,
  setup: (options: { readonly maxEntries: number }) => Promise<CspReportStoreHarness>,
): void {
  describe(`CspReportStore contract: ${name}`, () => {
    async function withStore(
      maxEntries: number,
      test: (store: CspReportStore) => Promise<void>,
    ): Promise<void> {
      const harness = await setup({ maxEntries });
      try {
        await test(harness.store);
      } finally {
        await harness.close?.();
      }
    }

    it("keeps a new violation once, with its fields and exact times", () =>
      withStore(10, async (store) => {
        const withSource: CspViolation = {
          ...skimmer,
          blockedUrl: "inline",
          sourceFile: "https://shop.example/bookings/new",
          line: 12,
          column: 7,
        };
        const [recorded] = await store.recordCspViolations({ violations: [withSource], at: AT });
        const expected = {
          ...withSource,
          fingerprint: cspViolationFingerprint(withSource),
          count: 1,
          firstSeenAt: AT,
          lastSeenAt: AT,
        };
        expect(recorded).toEqual(expected);
        expect(await store.listCspViolations()).toEqual([expected]);
      }));

    it("leaves absent fields absent", () =>
      withStore(10, async (store) => {
        await store.recordCspViolations({ violations: [skimmer], at: AT });
        const [stored] = await store.listCspViolations();
        expect(stored).toBeDefined();
        expect(Object.keys(stored ?? {}).sort()).toEqual(
          [...Object.keys(skimmer), "fingerprint", "count", "firstSeenAt", "lastSeenAt"].sort(),
        );
      }));

    it("counts the same violation instead of keeping it again, within a batch and across", () =>
      withStore(10, async (store) => {
        const first = await store.recordCspViolations({ violations: [skimmer, skimmer], at: AT });
        expect(first.map((entry) => entry.count)).toEqual([1, 2]);
        const [again] = await store.recordCspViolations({ violations: [skimmer], at: later(60) });
        expect(again).toMatchObject({ count: 3, firstSeenAt: AT, lastSeenAt: later(60) });
        expect(await store.listCspViolations()).toHaveLength(1);
      }));

    it("keeps violations that differ in any one field apart", () =>
      withStore(20, async (store) => {
        const inline: CspViolation = { ...skimmer, blockedUrl: "inline", line: 3, column: 9 };
        const variants: CspViolation[] = [
          skimmer,
          { ...skimmer, documentUrl: "https://shop.example/" },
          { ...skimmer, directive: "connect-src" },
          { ...skimmer, disposition: "report" },
          { ...skimmer, sourceFile: "https://shop.example/app.js" },
          inline,
          { ...inline, line: 4 },
          { ...inline, column: 10 },
        ];
        await store.recordCspViolations({ violations: variants, at: AT });
        expect(await store.listCspViolations()).toHaveLength(variants.length);
      }));

    it("counts a blocked URL reported at another position as the same violation", () =>
      withStore(10, async (store) => {
        const first = { ...skimmer, sourceFile: "https://shop.example/", line: 1, column: 173 };
        await store.recordCspViolations({ violations: [first], at: AT });
        const [again] = await store.recordCspViolations({
          violations: [{ ...first, column: 203 }],
          at: later(1),
        });
        expect(again).toMatchObject({ count: 2, column: 173 });
        expect(await store.listCspViolations()).toHaveLength(1);
      }));

    it("lists the most recently seen first, since a time, up to a limit", () =>
      withStore(10, async (store) => {
        for (const n of [1, 2, 3]) {
          await store.recordCspViolations({ violations: [violation(n)], at: later(n) });
        }
        await store.recordCspViolations({ violations: [violation(1)], at: later(4) });
        const order = (list: readonly CspViolation[]) => list.map((entry) => entry.blockedUrl);
        expect(order(await store.listCspViolations())).toEqual([
          violation(1).blockedUrl,
          violation(3).blockedUrl,
          violation(2).blockedUrl,
        ]);
        expect(order(await store.listCspViolations({ limit: 1 }))).toEqual([
          violation(1).blockedUrl,
        ]);
        expect(order(await store.listCspViolations({ since: later(3) }))).toEqual([
          violation(1).blockedUrl,
          violation(3).blockedUrl,
        ]);
      }));

    it("keeps at most its bound of distinct violations, dropping the least recently seen", () =>
      withStore(3, async (store) => {
        for (const n of [1, 2, 3]) {
          await store.recordCspViolations({ violations: [violation(n)], at: later(n) });
        }
        // Seen again: 1 is now the most recent, so 2 is the one to go.
        await store.recordCspViolations({ violations: [violation(1)], at: later(4) });
        await store.recordCspViolations({
          violations: [violation(4), violation(5)],
          at: later(5),
        });
        const kept = (await store.listCspViolations()).map((entry) => entry.blockedUrl).sort();
        expect(kept).toEqual(
          [violation(1), violation(4), violation(5)].map((v) => v.blockedUrl).sort(),
        );
      }));
  });
}

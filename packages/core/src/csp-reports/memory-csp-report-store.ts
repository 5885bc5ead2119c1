/**
 * @module
 * An in-memory {@link CspReportStore}: the default of the report route when no durable store is
 * given (one process only; entries are lost on restart).
 */
import { LinkpayError } from "../errors";
import {
  CSP_REPORT_STORE_LIMIT,
  type CspReportStore,
  cspViolationFingerprint,
  type StoredCspViolation,
} from "./csp-report-store";

/** Options of {@link createMemoryCspReportStore}. */
export interface MemoryCspReportStoreOptions {
  /** Distinct violations kept (default {@link CSP_REPORT_STORE_LIMIT}). */
  readonly maxEntries?: number | undefined;
}

function checkLimit(value: number | undefined, field: string): number {
  const limit = value ?? CSP_REPORT_STORE_LIMIT;
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new LinkpayError("CONFIG_INVALID", `${field} must be a whole number of at least 1`, {
      details: { field },
    });
  }
  return limit;
}

/**
 * Creates an empty in-memory CSP report store.
 *
 * @example
 * const reports = createMemoryCspReportStore({ maxEntries: 200 });
 * app.use(cspReportRoute({ store: reports }));
 */
export function createMemoryCspReportStore(
  options: MemoryCspReportStoreOptions = {},
): CspReportStore {
  const maxEntries = checkLimit(options.maxEntries, "maxEntries");
  // A Map keeps insertion order: deleting and re-inserting on each report keeps it ordered by
  // last sighting, so the first key is always the one to drop.
  const entries = new Map<string, StoredCspViolation>();

  return {
    async recordCspViolations({ violations, at }) {
      return violations.map((violation) => {
        const fingerprint = cspViolationFingerprint(violation);
        const known = entries.get(fingerprint);
        // A known violation keeps its first report's fields (its position, say).
        const stored: StoredCspViolation = known
          ? { ...known, count: known.count + 1, lastSeenAt: new Date(at.getTime()) }
          : { ...violation, fingerprint, count: 1, firstSeenAt: at, lastSeenAt: at };
        entries.delete(fingerprint);
        entries.set(fingerprint, stored);
        for (const oldest of entries.keys()) {
          if (entries.size <= maxEntries) break;
          entries.delete(oldest);
        }
        return stored;
      });
    },
    async listCspViolations({ since, limit = 100 } = {}) {
      return [...entries.values()]
        .reverse()
        .filter((entry) => since === undefined || entry.lastSeenAt >= since)
        .slice(0, limit);
    },
  };
}

/**
 * @module
 * The record of Content-Security-Policy violations that shoppers' browsers report. On a page that
 * leads to payment, a violation is how an injected skimming script or a swapped "go to payment"
 * link shows up in the browser, so the reports are kept, not only logged: one entry per distinct
 * violation (the same one from a thousand shoppers is one entry with a count), with a bound on
 * how many distinct entries are kept, so a flood of invented reports cannot grow the store.
 */
import { createHash } from "node:crypto";

/**
 * One violation as a browser reported it, already reduced by the reader: URLs without query or
 * fragment (they may carry tokens or typed data), card numbers masked, long values clipped.
 */
export interface CspViolation {
  /** The page the violation happened on (origin and path). */
  readonly documentUrl: string;
  /** What was blocked: a URL (origin and path) or a keyword such as `inline` or `eval`. */
  readonly blockedUrl: string;
  /** The directive that was violated, e.g. `script-src-elem`. */
  readonly directive: string;
  /** `enforce` (blocked) or `report` (a report-only policy: it ran). */
  readonly disposition: "enforce" | "report";
  /** The script that caused the violation, when the browser says. */
  readonly sourceFile?: string | undefined;
  readonly line?: number | undefined;
  readonly column?: number | undefined;
}

/** A kept violation: the first and last time it was reported and how many reports it had. */
export interface StoredCspViolation extends CspViolation {
  /** Identifies the distinct violation (see {@link cspViolationFingerprint}); line and column are the first report's. */
  readonly fingerprint: string;
  readonly count: number;
  readonly firstSeenAt: Date;
  readonly lastSeenAt: Date;
}

/** Where CSP violation reports are kept. `createSqlStore` implements it beside the payment store. */
export interface CspReportStore {
  /**
   * Records reported violations: a new one is kept with count 1, a known one gets its count and
   * last-seen time raised. When more distinct violations than the store's bound are kept, the ones
   * seen least recently are dropped. Returns each violation as now stored, in input order.
   */
  recordCspViolations(input: {
    readonly violations: readonly CspViolation[];
    readonly at: Date;
  }): Promise<readonly StoredCspViolation[]>;
  /** Kept violations, most recently seen first (default limit 100). */
  listCspViolations(input?: {
    /** Only those seen at or after this time. */
    readonly since?: Date | undefined;
    readonly limit?: number | undefined;
  }): Promise<readonly StoredCspViolation[]>;
}

/** How many distinct violations a store keeps by default. */
export const CSP_REPORT_STORE_LIMIT = 1_000;

/**
 * The fingerprint of a violation: its page, what was blocked, the directive, the disposition and
 * the source file. The line and column count only for what has no URL of its own (`inline`,
 * `eval`): they tell one inline script from another, while for a blocked URL Chromium reports
 * whichever position triggered the load (the preload scanner's or the parser's), which differs
 * from one visit to the next.
 */
export function cspViolationFingerprint(violation: CspViolation): string {
  const positioned = !/^[a-z][a-z0-9+.-]*:/i.test(violation.blockedUrl);
  const fields = [
    violation.documentUrl,
    violation.blockedUrl,
    violation.directive,
    violation.disposition,
    violation.sourceFile ?? "",
    positioned ? (violation.line ?? "") : "",
    positioned ? (violation.column ?? "") : "",
  ];
  return createHash("sha256").update(JSON.stringify(fields)).digest("hex");
}

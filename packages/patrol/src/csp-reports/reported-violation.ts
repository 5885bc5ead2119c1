/**
 * @module
 * What the CSP report feed of `@linkpay/express` (`cspReportFeed`) answers, checked with zod: the
 * patrol takes nothing from the site on trust, and a proxy's login page or an older feed must
 * fail here, with the field named, not later as `undefined`.
 */
import * as z from "zod";

/** One distinct violation shoppers' browsers reported, as the feed lists it. */
export interface ReportedViolation {
  /** The page (origin and path, no query). */
  readonly documentUrl: string;
  /** What was blocked: origin and path, a scheme (`data:`), a keyword (`inline`, `eval`) or "". */
  readonly blockedUrl: string;
  /** The violated directive, e.g. `script-src-elem`. */
  readonly directive: string;
  /** `enforce`: the browser blocked it; `report`: a report-only policy, so it ran. */
  readonly disposition: "enforce" | "report";
  readonly sourceFile?: string | undefined;
  readonly line?: number | undefined;
  readonly column?: number | undefined;
  /** Identifies the violation across reads. */
  readonly fingerprint: string;
  /** Reports of it since it was first seen. */
  readonly count: number;
  readonly firstSeenAt: Date;
  readonly lastSeenAt: Date;
}

const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value));
const position = z.number().int().nonnegative().optional();

const reportedViolation = z.object({
  documentUrl: z.string(),
  blockedUrl: z.string(),
  directive: z.string().min(1),
  disposition: z.enum(["enforce", "report"]),
  sourceFile: z.string().optional(),
  line: position,
  column: position,
  fingerprint: z.string().min(1),
  count: z.number().int().min(1),
  firstSeenAt: instant,
  lastSeenAt: instant,
}) satisfies z.ZodType<ReportedViolation>;

/** The feed's answer. */
export const cspReportFeedAnswer = z.object({
  violations: z.array(reportedViolation).max(1_000),
  generatedAt: instant,
});

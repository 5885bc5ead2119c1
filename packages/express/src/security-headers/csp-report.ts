/**
 * @module
 * Reads CSP violation reports in both formats browsers send: `report-uri`
 * (`application/csp-report`, one `csp-report` object) and `report-to`
 * (`application/reports+json`, an array of `csp-violation` reports), into one short summary.
 */
import { redactString } from "@linkpay/core";
import * as z from "zod";

/** One violation, as logged. */
export interface CspViolation {
  readonly documentUrl?: string | undefined;
  readonly blockedUrl?: string | undefined;
  readonly directive?: string | undefined;
  readonly sourceFile?: string | undefined;
  readonly line?: number | undefined;
  readonly disposition?: string | undefined;
}

const text = z.string().optional().catch(undefined);
const count = z.number().int().optional().catch(undefined);

const legacyReport = z.object({
  "csp-report": z.object({
    "document-uri": text,
    "blocked-uri": text,
    "effective-directive": text,
    "violated-directive": text,
    "source-file": text,
    "line-number": count,
    disposition: text,
  }),
});

const reportingApiReport = z.object({
  type: z.literal("csp-violation"),
  body: z.object({
    documentURL: text,
    blockedURL: text,
    effectiveDirective: text,
    sourceFile: text,
    lineNumber: count,
    disposition: text,
  }),
});

const MAX_FIELD = 300;
const MAX_REPORTS = 20;

function clip(value: string | undefined): string | undefined {
  return value === undefined ? undefined : redactString(value.slice(0, MAX_FIELD));
}

/** The violations in a report body (empty when it is neither format). */
export function readCspReports(body: unknown): CspViolation[] {
  const legacy = legacyReport.safeParse(body);
  if (legacy.success) {
    const report = legacy.data["csp-report"];
    return [
      {
        documentUrl: clip(report["document-uri"]),
        blockedUrl: clip(report["blocked-uri"]),
        directive: clip(report["effective-directive"] ?? report["violated-directive"]),
        sourceFile: clip(report["source-file"]),
        line: report["line-number"],
        disposition: clip(report.disposition),
      },
    ];
  }
  if (!Array.isArray(body)) return [];
  return body.slice(0, MAX_REPORTS).flatMap((item: unknown) => {
    const parsed = reportingApiReport.safeParse(item);
    if (!parsed.success) return [];
    const report = parsed.data.body;
    return [
      {
        documentUrl: clip(report.documentURL),
        blockedUrl: clip(report.blockedURL),
        directive: clip(report.effectiveDirective),
        sourceFile: clip(report.sourceFile),
        line: report.lineNumber,
        disposition: clip(report.disposition),
      },
    ];
  });
}

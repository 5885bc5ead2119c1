/**
 * @module
 * Reads CSP violation reports in every shape browsers send, by shape rather than by label:
 * `report-uri` (one `{"csp-report": …}` object, `application/csp-report`), the Reporting API
 * (`application/reports+json`, an array of `csp-violation` reports) and a single Reporting API
 * report on its own. Each violation is reduced before anyone keeps it: URLs lose their query and
 * fragment (a page URL may carry an access token, a blocked URL the data a skimmer sends out),
 * card numbers are masked, long values clipped.
 */
import { type CspViolation, redactString } from "@linkpay/core";
import * as z from "zod";

const text = z.string().optional().catch(undefined);
const count = z.number().int().nonnegative().optional().catch(undefined);

const legacyReport = z.object({
  "csp-report": z.object({
    "document-uri": text,
    "blocked-uri": text,
    "effective-directive": text,
    "violated-directive": text,
    "source-file": text,
    "line-number": count,
    "column-number": count,
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
    columnNumber: count,
    disposition: text,
  }),
});

const MAX_FIELD = 300;
const MAX_REPORTS = 20;

/** Origin and path of a URL; only the scheme of other URLs (`data:`); keywords as they are. */
function withoutQuery(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return value;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return url.protocol;
  return `${url.origin}${url.pathname}`;
}

function reduce(value: string | undefined): string | undefined {
  if (value === undefined || value === "") return undefined;
  return redactString(withoutQuery(value.slice(0, 4 * MAX_FIELD)).slice(0, MAX_FIELD));
}

interface RawViolation {
  readonly documentUrl: string | undefined;
  readonly blockedUrl: string | undefined;
  readonly directive: string | undefined;
  readonly disposition: string | undefined;
  readonly sourceFile: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
}

/** A violation without a page or a directive says nothing anyone can act on: dropped. */
function toViolation(raw: RawViolation): CspViolation[] {
  const documentUrl = reduce(raw.documentUrl);
  // Old browsers name the directive with its sources ("script-src 'self'"): keep the name.
  const directive = reduce(raw.directive?.trim().split(/\s+/)[0]);
  if (documentUrl === undefined || directive === undefined) return [];
  const sourceFile = reduce(raw.sourceFile);
  return [
    {
      documentUrl,
      blockedUrl: reduce(raw.blockedUrl) ?? "",
      directive,
      disposition: raw.disposition === "report" ? "report" : "enforce",
      ...(sourceFile === undefined ? {} : { sourceFile }),
      ...(raw.line === undefined ? {} : { line: raw.line }),
      ...(raw.column === undefined ? {} : { column: raw.column }),
    },
  ];
}

function fromReportingApi(item: unknown): CspViolation[] {
  const parsed = reportingApiReport.safeParse(item);
  if (!parsed.success) return [];
  const body = parsed.data.body;
  return toViolation({
    documentUrl: body.documentURL,
    blockedUrl: body.blockedURL,
    directive: body.effectiveDirective,
    disposition: body.disposition,
    sourceFile: body.sourceFile,
    line: body.lineNumber,
    column: body.columnNumber,
  });
}

/** The violations in a report body (empty when it is none of the shapes). */
export function readCspReports(body: unknown): CspViolation[] {
  const legacy = legacyReport.safeParse(body);
  if (legacy.success) {
    const report = legacy.data["csp-report"];
    return toViolation({
      documentUrl: report["document-uri"],
      blockedUrl: report["blocked-uri"],
      directive: report["effective-directive"] ?? report["violated-directive"],
      disposition: report.disposition,
      sourceFile: report["source-file"],
      line: report["line-number"],
      column: report["column-number"],
    });
  }
  if (Array.isArray(body)) return body.slice(0, MAX_REPORTS).flatMap(fromReportingApi);
  return fromReportingApi(body);
}

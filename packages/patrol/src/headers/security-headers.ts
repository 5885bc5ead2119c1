/**
 * @module
 * `securityHeaders`: the security-relevant headers of a document response, normalized so that
 * two responses of an unchanged site record equal. Values are lower-cased only where browsers
 * compare them case-insensitively (HSTS, X-Frame-Options, X-Content-Type-Options, Cache-Control);
 * structured headers (COOP, COEP, CORP, Permissions-Policy, Integrity-Policy) and Referrer-Policy
 * are matched case-sensitively by browsers, so a change of case is a change.
 */
import type { SecurityHeaders } from "../model/snapshot";
import { parseCsp } from "./parse-csp";

/** The headers recorded in `SecurityHeaders.other`. */
export const OTHER_SECURITY_HEADERS = [
  "cache-control",
  "cross-origin-embedder-policy",
  "cross-origin-opener-policy",
  "cross-origin-resource-policy",
  "integrity-policy",
  "integrity-policy-report-only",
  "permissions-policy",
  "referrer-policy",
  "strict-transport-security",
  "x-content-type-options",
  "x-frame-options",
] as const;

const CASE_INSENSITIVE = new Set([
  "cache-control",
  "strict-transport-security",
  "x-content-type-options",
  "x-frame-options",
]);

function normalize(name: string, raw: string): string {
  // Several header lines arrive joined by ", " (playwright's allHeaders) or "\n".
  let value = raw.replace(/\s*\n\s*/g, ", ");
  // Browsers honour only the first Strict-Transport-Security header (RFC 6797, 8.1).
  if (name === "strict-transport-security") value = value.split(",")[0] ?? "";
  value = value
    .replace(/\s+/g, " ")
    .replace(/\s*,\s*/g, ", ")
    .replace(/\s*;\s*/g, "; ")
    .replace(/^[\s;,]+|[\s;,]+$/g, "");
  return CASE_INSENSITIVE.has(name) ? value.toLowerCase() : value;
}

function policy(value: string | undefined): Record<string, string[]> | null {
  if (value === undefined) return null;
  const parsed = parseCsp(value);
  // A header with no directive restricts nothing: for the browser it is not there.
  return Object.keys(parsed).length > 0 ? parsed : null;
}

/**
 * The security headers of a response, from its headers with lower-case names (playwright's
 * `response.allHeaders()`, which joins repeated headers with `", "`; `"\n"` is accepted too).
 *
 * @example
 * securityHeaders(await response.allHeaders());
 * // { csp: { "default-src": ["'self'"], … }, cspReportOnly: null, other: { "x-frame-options": "deny" } }
 */
export function securityHeaders(headers: Readonly<Record<string, string>>): SecurityHeaders {
  const other: Record<string, string> = {};
  for (const name of OTHER_SECURITY_HEADERS) {
    const raw = headers[name];
    const value = raw === undefined ? "" : normalize(name, raw);
    if (value !== "") other[name] = value;
  }
  return {
    csp: policy(headers["content-security-policy"]),
    cspReportOnly: policy(headers["content-security-policy-report-only"]),
    other,
  };
}

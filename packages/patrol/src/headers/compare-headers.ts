/**
 * @module
 * `compareHeaders`: what changed in a page's security headers between two runs, as findings.
 * Each removed protection is a finding of its own (PCI DSS v4 11.6.1).
 */
import type { Finding } from "../model/findings";
import type { SecurityHeaders } from "../model/snapshot";
import { compareCsp, compareReportOnly } from "./compare-csp";
import { headerFinding } from "./header-finding";
import { judgeHeaderChange, xFrameOptionsForbids } from "./other-header-change";

/** Input of {@link compareHeaders}. */
export interface CompareHeadersInput {
  /** The page (`/book`) or journey step the headers came with. */
  readonly where: string;
  readonly before: SecurityHeaders;
  readonly after: SecurityHeaders;
}

function compareOther(where: string, before: SecurityHeaders, after: SecurityHeaders): Finding[] {
  const frameAncestors = Object.keys(after.csp ?? {}).some((key) =>
    /^frame-ancestors(#\d+)?$/.test(key),
  );
  const names = [...new Set([...Object.keys(before.other), ...Object.keys(after.other)])].sort();
  const findings: Finding[] = [];
  for (const name of names) {
    const was = before.other[name];
    const now = after.other[name];
    if (was === now) continue;
    if (was === undefined) {
      findings.push(
        headerFinding({
          severity: "info",
          code: "HEADER_CHANGED",
          where,
          subject: name,
          message: `${name} added.`,
          before: was,
          after: now,
        }),
      );
      continue;
    }
    const { severity, reason } = judgeHeaderChange(name, was, now, { frameAncestors });
    findings.push(
      headerFinding({
        severity,
        code: now === undefined ? "HEADER_REMOVED" : "HEADER_CHANGED",
        where,
        subject: name,
        message: `${name} ${now === undefined ? "removed" : "changed"}: ${reason}.`,
        before: was,
        after: now,
      }),
    );
  }
  return findings;
}

/**
 * Compares a page's security headers. Severities: CSP removed, or weakened so that an attacker's
 * script, connection, frame, plugin, form post or `<base>` gets through, or framing opened to any
 * site: critical. Integrity-Policy removed is critical HEADER_REMOVED too: it made browsers refuse
 * scripts without SRI, the very control against a swapped script, and nothing else stands in.
 * Likewise X-Frame-Options losing DENY/SAMEORIGIN while CSP sets no `frame-ancestors`. Other
 * weakenings and any report-only change: warning. Tightening or neutral changes: info.
 *
 * @example
 * const findings = compareHeaders({ where: "/book", before: last.headers, after: now.headers });
 */
export function compareHeaders(input: CompareHeadersInput): Finding[] {
  const { where, before, after } = input;
  return [
    ...compareCsp({
      where,
      before: before.csp,
      after: after.csp,
      xFrameOptionsForbids: xFrameOptionsForbids(after.other["x-frame-options"]),
    }),
    ...compareReportOnly({ where, before: before.cspReportOnly, after: after.cspReportOnly }),
    ...compareOther(where, before, after),
  ];
}

/**
 * @module
 * The enforced and the report-only Content-Security-Policy of a page, before and after. Policies
 * of a multi-policy header are compared by position; a policy that disappears counts as all its
 * directives removed (conservative: another policy may still cover them).
 */
import type { Finding } from "../model/findings";
import { compareFrameAncestors } from "./compare-frame-ancestors";
import { comparePolicy } from "./compare-policy";
import { type Policy, policySuffix, splitPolicies } from "./csp-policy-list";
import { headerFinding } from "./header-finding";

/** Input of {@link compareCsp}. */
export interface CompareCspInput {
  readonly where: string;
  readonly before: Policy | null;
  readonly after: Policy | null;
  /** Whether the response after the change has X-Frame-Options DENY or SAMEORIGIN. */
  readonly xFrameOptionsForbids: boolean;
}

/** Findings for the enforced policy: CSP_REMOVED, CSP_WEAKENED, FRAME_ANCESTORS_REMOVED, CSP_CHANGED. */
export function compareCsp(input: CompareCspInput): Finding[] {
  const { where, before, after, xFrameOptionsForbids } = input;
  const subject = "content-security-policy";
  if (before === null) {
    if (after === null) return [];
    return [
      headerFinding({
        severity: "info",
        code: "CSP_CHANGED",
        where,
        subject,
        message: "CSP added.",
        before,
        after,
      }),
    ];
  }
  const was = splitPolicies(before);
  if (after === null) {
    const removed = headerFinding({
      severity: "critical",
      code: "CSP_REMOVED",
      where,
      subject,
      message: "CSP removed: any script, connection, frame and form target is allowed again.",
      before,
      after,
    });
    // Framing has its own code (alert rules match on it), so its loss is reported as well.
    const framing = [...was].map(([index, policy]) =>
      compareFrameAncestors({
        where,
        suffix: policySuffix(index),
        before: policy,
        after: {},
        xFrameOptionsForbids,
      }),
    );
    return [removed, ...framing.filter((finding) => finding !== null)];
  }
  const now = splitPolicies(after);
  const indexes = [...new Set([...was.keys(), ...now.keys()])].sort((a, b) => a - b);
  return indexes.flatMap((index) =>
    comparePolicy({
      where,
      suffix: policySuffix(index),
      before: was.get(index) ?? {},
      after: now.get(index) ?? {},
      xFrameOptionsForbids,
    }),
  );
}

/** Input of {@link compareReportOnly}. */
export interface CompareReportOnlyInput {
  readonly where: string;
  readonly before: Policy | null;
  readonly after: Policy | null;
}

/**
 * Findings for the report-only policy, `where` marked `(report-only)`: it blocks nothing, but it
 * is how a site tries a policy out and what tells it of violations, so any change or removal is a
 * warning CSP_CHANGED (adding one is info).
 */
export function compareReportOnly(input: CompareReportOnlyInput): Finding[] {
  const where = `${input.where} (report-only)`;
  const { before, after } = input;
  if (before === null || after === null) {
    if (before === after) return [];
    return [
      headerFinding({
        severity: before === null ? "info" : "warning",
        code: "CSP_CHANGED",
        where,
        subject: "content-security-policy-report-only",
        message: `Report-only CSP ${before === null ? "added" : "removed"}.`,
        before,
        after,
      }),
    ];
  }
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names
    .filter((name) => JSON.stringify(before[name]) !== JSON.stringify(after[name]))
    .map((name) =>
      headerFinding({
        severity: "warning",
        code: "CSP_CHANGED",
        where,
        subject: name,
        message: `Report-only CSP ${name} ${before[name] === undefined ? "added" : after[name] === undefined ? "removed" : "changed"}.`,
        before: before[name],
        after: after[name],
      }),
    );
}

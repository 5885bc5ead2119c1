/**
 * @module
 * One enforced policy before and after: first what an attacker gains (scripts, connections,
 * frames, plugins, form posts, `<base>`), judged on effective sources so fallbacks count; then
 * framing; then every other declared directive that changed, as a warning or for information.
 */
import type { Finding } from "../model/findings";
import { compareFrameAncestors } from "./compare-frame-ancestors";
import { directiveWeakening } from "./csp-directive-change";
import { effectiveSources } from "./csp-fallbacks";
import type { Policy } from "./csp-policy-list";
import { widenings } from "./csp-widenings";
import { headerFinding } from "./header-finding";

/** Checked on every comparison: what they govern is reachable through fallbacks too. */
const GUARDED = ["script-src", "connect-src", "frame-src", "object-src", "form-action", "base-uri"];
/** Checked only when declared on either side; otherwise they mirror a directive above. */
const GUARDED_WHEN_DECLARED = ["script-src-elem", "script-src-attr", "worker-src", "child-src"];

/** Input of {@link comparePolicy}. */
export interface ComparePolicyInput {
  readonly where: string;
  /** `""`, or `#n` for the n-th policy of the header (appended to subjects). */
  readonly suffix: string;
  readonly before: Policy;
  readonly after: Policy;
  /** Whether the response after the change has X-Frame-Options DENY or SAMEORIGIN. */
  readonly xFrameOptionsForbids: boolean;
}

function sameSources(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return a?.length === b?.length && (a ?? []).every((source, index) => source === b?.[index]);
}

function guardedFindings(input: ComparePolicyInput): Finding[] {
  const { before, after } = input;
  const findings: Finding[] = [];
  for (const name of [...GUARDED, ...GUARDED_WHEN_DECLARED]) {
    const optional = GUARDED_WHEN_DECLARED.includes(name);
    if (optional && before[name] === undefined && after[name] === undefined) continue;
    const was = effectiveSources(before, name);
    const now = effectiveSources(after, name);
    const found = widenings(name, was?.sources ?? null, now?.sources ?? null);
    if (found.length === 0) continue;
    const serious = found.some((widening) => widening.serious);
    const label = now !== null && now.from !== name ? `${name} (via ${now.from})` : name;
    const reasons = found.map((widening) => widening.reason).join("; ");
    findings.push(
      headerFinding({
        severity: serious ? "critical" : "warning",
        code: serious ? "CSP_WEAKENED" : "CSP_CHANGED",
        where: input.where,
        subject: `${name}${input.suffix}`,
        message: `CSP ${label} ${serious ? "weakened" : "changed"}: ${reasons}.`,
        before: was?.sources,
        after: now?.sources,
      }),
    );
  }
  return findings;
}

/** Findings for one policy of the header, compared with the policy in the same place before. */
export function comparePolicy(input: ComparePolicyInput): Finding[] {
  const { before, after, suffix } = input;
  const findings = guardedFindings(input);
  const framing = compareFrameAncestors(input);
  if (framing) findings.push(framing);
  const reported = new Set(findings.map((finding) => finding.subject));
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const name of names) {
    if (reported.has(`${name}${suffix}`) || sameSources(before[name], after[name])) continue;
    const verb =
      before[name] === undefined ? "added" : after[name] === undefined ? "removed" : "changed";
    const weakening = directiveWeakening(name, before, after);
    findings.push(
      headerFinding({
        severity: weakening === null ? "info" : "warning",
        code: "CSP_CHANGED",
        where: input.where,
        subject: `${name}${suffix}`,
        message: weakening === null ? `CSP ${name} ${verb}.` : `CSP ${name} ${verb}: ${weakening}.`,
        before: before[name],
        after: after[name],
      }),
    );
  }
  return findings;
}

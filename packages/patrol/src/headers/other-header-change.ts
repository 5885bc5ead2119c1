/**
 * @module
 * How serious a change to one of `SecurityHeaders.other` is. A removed or changed protection is a
 * warning by default; it is critical where nothing else stands in (Integrity-Policy, X-Frame-Options
 * with no `frame-ancestors`), and info where it only tightens or never protected anything.
 */
import type { Severity } from "../model/findings";

/** A change's severity and the reason a person reads. */
export interface HeaderJudgement {
  readonly severity: Severity;
  readonly reason: string;
}

/** What else protects the page after the change. */
export interface HeaderContext {
  /** Whether the enforced CSP after the change sets `frame-ancestors`. */
  readonly frameAncestors: boolean;
}

/** Referrer policies from the one that sends least to the one that sends most. */
const REFERRER_POLICIES = [
  "no-referrer",
  "same-origin",
  "strict-origin",
  "strict-origin-when-cross-origin",
  "origin",
  "origin-when-cross-origin",
  "no-referrer-when-downgrade",
  "unsafe-url",
];
/** The browsers' default, which an absent or unknown value leaves in force. */
const DEFAULT_REFERRER_POLICY = "strict-origin-when-cross-origin";

/** The referrer policy browsers apply: the last known token (Referrer Policy, section 8.1). */
function referrerPolicy(value: string | undefined): string {
  const known = (value ?? "").split(", ").filter((token) => REFERRER_POLICIES.includes(token));
  return known.at(-1) ?? DEFAULT_REFERRER_POLICY;
}

/** Whether an X-Frame-Options value forbids framing by other sites (DENY or SAMEORIGIN only). */
export function xFrameOptionsForbids(value: string | undefined): boolean {
  const tokens = (value ?? "").split(", ").filter((token) => token !== "");
  return tokens.length > 0 && tokens.every((token) => token === "deny" || token === "sameorigin");
}

function hsts(value: string | undefined): { maxAge: number; subdomains: boolean } {
  const directives = (value ?? "").split("; ");
  const maxAge = directives.find((directive) => directive.startsWith("max-age="));
  return {
    maxAge: Number(maxAge?.slice("max-age=".length).replaceAll('"', "") ?? 0) || 0,
    subdomains: directives.includes("includesubdomains"),
  };
}

type Judge = (before: string, after: string | undefined, context: HeaderContext) => HeaderJudgement;

const JUDGES: Readonly<Record<string, Judge>> = {
  "strict-transport-security": (before, after) => {
    if (after === undefined)
      return { severity: "warning", reason: "browsers may connect over http again" };
    const was = hsts(before);
    const now = hsts(after);
    const lost = [
      ...(now.maxAge < was.maxAge ? [`max-age lowered from ${was.maxAge} to ${now.maxAge}`] : []),
      ...(was.subdomains && !now.subdomains ? ["includeSubDomains dropped"] : []),
    ];
    return lost.length > 0
      ? { severity: "warning", reason: lost.join("; ") }
      : { severity: "info", reason: "not weakened" };
  },
  "x-frame-options": (before, after, context) => {
    if (xFrameOptionsForbids(before) && !xFrameOptionsForbids(after) && !context.frameAncestors) {
      const lost = after === undefined ? "" : "no longer DENY or SAMEORIGIN, and ";
      return {
        severity: "critical",
        reason: `${lost}CSP sets no frame-ancestors: any site can frame the page`,
      };
    }
    return { severity: "warning", reason: "framing rules changed" };
  },
  "referrer-policy": (before, after) => {
    const was = referrerPolicy(before);
    const now = referrerPolicy(after);
    if (REFERRER_POLICIES.indexOf(now) > REFERRER_POLICIES.indexOf(was)) {
      return {
        severity: "warning",
        reason: `weakened from ${was} to ${now}: more of the URL reaches other sites`,
      };
    }
    return { severity: "info", reason: `now ${now}, which sends no more than ${was}` };
  },
  "integrity-policy": (_before, after) =>
    after === undefined
      ? {
          severity: "critical",
          reason: "browsers run scripts without integrity metadata (SRI) again",
        }
      : { severity: "warning", reason: "which scripts must carry integrity metadata changed" },
  "cache-control": (before, after) => {
    const noStore = (value: string | undefined) => (value ?? "").split(", ").includes("no-store");
    return noStore(before) && !noStore(after)
      ? {
          severity: "warning",
          reason: "no-store dropped: pages with order state or CSRF tokens may be cached",
        }
      : { severity: "info", reason: "no-store unchanged" };
  },
};

/** The severity and reason of a change of header `name` (`after` undefined: removed). */
export function judgeHeaderChange(
  name: string,
  before: string,
  after: string | undefined,
  context: HeaderContext,
): HeaderJudgement {
  const judge = JUDGES[name];
  if (judge) return judge(before, after, context);
  return {
    severity: "warning",
    reason: after === undefined ? "a protection is gone" : "a protection changed",
  };
}

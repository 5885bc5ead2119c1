/**
 * @module
 * `findingsFromCspReports`: turns the violations shoppers' browsers reported into findings. What
 * could take a card is critical: a script the page does not load itself, a form posting elsewhere,
 * a request or a frame to another origin (how injected code sends data out); the rest (styles,
 * images, fonts…) is a warning, worth a look but not a skimmer by itself.
 */
import type { Finding, Severity } from "../model/findings";
import type { ReportedViolation } from "./reported-violation";

/** Directives whose violation may be a skimmer at work, with what it would mean. */
const CRITICAL: Readonly<Record<string, string>> = {
  "script-src": "a script the page does not load itself, the mark of an injected skimmer",
  "script-src-elem": "a script the page does not load itself, the mark of an injected skimmer",
  "script-src-attr": "an inline event handler the page does not have, the mark of injected code",
  // Workers run scripts; child-src and base-uri stand in for frame-src and script/form targets.
  "worker-src": "a worker script the page does not start itself",
  "child-src": "a frame or worker the page does not load itself",
  "base-uri": "a <base> element, which re-points the page's relative scripts and forms",
  "form-action": "a form posting somewhere other than this site or the payment page",
  "connect-src": "a request to another origin, the way injected code sends typed data out",
  "frame-src": "a frame the page does not load itself, e.g. a fake card form",
};

// Under default-src the directive does not say what was loaded: these look like scripts. An
// `inline` may also be a style, but a missed script costs more than a second look at a style.
const SCRIPT_LIKE = /^(inline|eval|wasm-eval)$|\.(m|c)?js$/i;

/** Why a violation is critical, or undefined when it is a warning. */
function criticalReason({ directive, blockedUrl }: ReportedViolation): string | undefined {
  const name = directive.toLowerCase();
  if (name === "default-src" && SCRIPT_LIKE.test(blockedUrl)) return CRITICAL["script-src"];
  return CRITICAL[name];
}

/** The page key a finding is placed under: the page's path, as the patrol names its pages. */
function pathOf(documentUrl: string): string {
  try {
    return new URL(documentUrl).pathname;
  } catch {
    return documentUrl;
  }
}

/** Options of {@link findingsFromCspReports}. */
export interface FindingsFromCspReportsOptions {
  readonly violations: readonly ReportedViolation[];
  /** Where a violation's finding is placed (default: its page's path, e.g. `/book`). */
  readonly where?: ((violation: ReportedViolation) => string) | undefined;
}

/**
 * One `CSP_VIOLATION_REPORTED` finding per reported violation: critical for scripts, forms,
 * connections and frames, a warning for the rest; its subject is the blocked URL and directive.
 *
 * @example
 * const findings = findingsFromCspReports({ violations: await readCspReports({ url, token }) });
 */
export function findingsFromCspReports(options: FindingsFromCspReportsOptions): Finding[] {
  const where = options.where ?? ((violation) => pathOf(violation.documentUrl));
  return options.violations.map((violation): Finding => {
    const reason = criticalReason(violation);
    const severity: Severity = reason === undefined ? "warning" : "critical";
    const blocked = violation.blockedUrl === "" ? "(unnamed)" : violation.blockedUrl;
    const outcome =
      violation.disposition === "report" ? "ran (the policy only reports)" : "was blocked";
    const times = violation.count === 1 ? "once" : `${violation.count} times`;
    return {
      severity,
      code: "CSP_VIOLATION_REPORTED",
      where: where(violation),
      subject: `${blocked} ${violation.directive}`,
      message:
        `Shoppers' browsers on ${violation.documentUrl} reported ${blocked} under ${violation.directive} ` +
        `${times} (last ${violation.lastSeenAt.toISOString()}); it ${outcome}` +
        (reason === undefined ? "." : `: ${reason}.`),
      after: {
        count: violation.count,
        disposition: violation.disposition,
        firstSeenAt: violation.firstSeenAt.toISOString(),
        lastSeenAt: violation.lastSeenAt.toISOString(),
        ...(violation.sourceFile === undefined ? {} : { sourceFile: violation.sourceFile }),
      },
    };
  });
}

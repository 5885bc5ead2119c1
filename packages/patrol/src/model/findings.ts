/**
 * @module
 * What a patrol run concludes: findings, each with a severity, a stable code and the place it was
 * seen. The codes are part of the public contract (alert rules and approvals match on them).
 */

/** How bad a finding is. `critical` means a shopper's card may be at risk now. */
export type Severity = "critical" | "warning" | "info";

/** Severities from the worst down; a report's verdict is the worst of its findings. */
export const SEVERITIES: readonly Severity[] = ["critical", "warning", "info"];

/** Stable codes of findings. */
export const FINDING_CODES = [
  // The redirect to the payment page (the heart of the patrol).
  "REDIRECT_OFF_LIST",
  "REDIRECT_EXTRA_HOP",
  "REDIRECT_SCRIPT_NAVIGATION",
  "REDIRECT_NOT_REACHED",
  "SESSION_UNKNOWN",
  "SESSION_NOT_OPEN",
  "SESSION_WRONG_AMOUNT",
  "SESSION_WRONG_BOOKING",
  "SESSION_UNREADABLE",
  // Scripts.
  "SCRIPT_ADDED",
  "SCRIPT_CHANGED",
  "SCRIPT_REMOVED",
  "SCRIPT_INTEGRITY_REMOVED",
  "INLINE_SCRIPT_ADDED",
  "EVENT_HANDLER_ADDED",
  "IFRAME_ADDED",
  // Forms and navigation.
  "CARD_INPUT",
  "FORM_ACTION_OFF_SITE",
  "FORM_CHANGED",
  "NAVIGATION_OFF_SITE",
  "LINK_ORIGIN_ADDED",
  "THIRD_PARTY_ORIGIN_ADDED",
  // Headers and cookies.
  "CSP_REMOVED",
  "CSP_WEAKENED",
  "CSP_CHANGED",
  "FRAME_ANCESTORS_REMOVED",
  "HEADER_REMOVED",
  "HEADER_CHANGED",
  "COOKIE_FLAGS_WEAKENED",
  // The run itself, the files on the server, reports from shoppers' browsers.
  "PAGE_UNREACHABLE",
  "PAGE_STATUS_CHANGED",
  "JOURNEY_FAILED",
  "FILE_ADDED",
  "FILE_CHANGED",
  "FILE_REMOVED",
  "CSP_VIOLATION_REPORTED",
  "CSP_FEED_UNREADABLE",
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];

/** One thing a run noticed. */
export interface Finding {
  readonly severity: Severity;
  readonly code: FindingCode;
  /** Where: a page path (`/book`), a journey name (`journey:book a car`) or a file path. */
  readonly where: string;
  /** One sentence for people: what changed and why it matters. */
  readonly message: string;
  /**
   * What the finding is about (a script URL, a header name, a session id): with `code` and
   * `where`, it identifies the finding for approvals. Never a secret or a token.
   */
  readonly subject: string;
  /** Before and after, where there is a before. */
  readonly before?: unknown;
  readonly after?: unknown;
}

/** The exit code of a run whose worst finding is `worst`: 0 clean (info only), 1 warnings, 2 critical. */
export function exitCodeFor(findings: readonly Finding[]): 0 | 1 | 2 {
  if (findings.some((finding) => finding.severity === "critical")) return 2;
  if (findings.some((finding) => finding.severity === "warning")) return 1;
  return 0;
}

/** The key approvals match on: code, place and subject. */
export function findingKey(finding: Pick<Finding, "code" | "where" | "subject">): string {
  return `${finding.code} ${finding.where} ${finding.subject}`;
}

/** A run's verdict: its worst finding's severity, `clean` when none is worse than info. */
export type Verdict = "clean" | "warning" | "critical";

/** The verdict of `findings`. */
export function verdictOf(findings: readonly Finding[]): Verdict {
  const worst = worstSeverity(findings);
  return worst === undefined || worst === "info" ? "clean" : worst;
}

/** The worst severity among `findings`, or undefined when there are none. */
export function worstSeverity(findings: readonly Finding[]): Severity | undefined {
  return SEVERITIES.find((severity) => findings.some((finding) => finding.severity === severity));
}

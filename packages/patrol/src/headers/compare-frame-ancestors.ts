/**
 * @module
 * Framing: `frame-ancestors` decides who may frame the page (clickjacking a payment form), and
 * has no fallback. X-Frame-Options stands in only where no `frame-ancestors` is set: CSP3
 * browsers ignore it beside one, so a `frame-ancestors *` is open framing whatever XFO says.
 */
import type { Finding } from "../model/findings";
import type { Policy } from "./csp-policy-list";
import { covers, isSchemeSource } from "./csp-sources";
import { widenings } from "./csp-widenings";
import { headerFinding } from "./header-finding";

/** Input of {@link compareFrameAncestors}. */
export interface CompareFrameAncestorsInput {
  readonly where: string;
  /** `""`, or `#n` for the n-th policy of the header. */
  readonly suffix: string;
  readonly before: Policy;
  readonly after: Policy;
  /** Whether the response after the change has X-Frame-Options DENY or SAMEORIGIN. */
  readonly xFrameOptionsForbids: boolean;
}

/**
 * The finding for a widened `frame-ancestors`, or `null`: critical FRAME_ANCESTORS_REMOVED when
 * any site may now frame the page, warning CSP_CHANGED when X-Frame-Options still forbids it or
 * only a named host or `'self'` was added.
 */
export function compareFrameAncestors(input: CompareFrameAncestorsInput): Finding | null {
  const before = input.before["frame-ancestors"] ?? null;
  const after = input.after["frame-ancestors"] ?? null;
  const found = widenings("frame-ancestors", before, after);
  if (before === null || found.length === 0) return null;
  const subject = `frame-ancestors${input.suffix}`;
  const base = { where: input.where, subject, before, after };
  const opened = after?.filter(
    (source) => (source === "*" || isSchemeSource(source)) && !covers(before, source),
  );
  if (after === null && input.xFrameOptionsForbids) {
    return headerFinding({
      ...base,
      severity: "warning",
      code: "CSP_CHANGED",
      message: "CSP frame-ancestors removed; X-Frame-Options still forbids framing.",
    });
  }
  if (after === null || (opened !== undefined && opened.length > 0)) {
    const what =
      after === null
        ? "removed with no X-Frame-Options DENY or SAMEORIGIN"
        : `now allows ${opened?.join(" ")}`;
    const xfo =
      after !== null && input.xFrameOptionsForbids
        ? " (browsers ignore X-Frame-Options beside it)"
        : "";
    return headerFinding({
      ...base,
      severity: "critical",
      code: "FRAME_ANCESTORS_REMOVED",
      message: `CSP frame-ancestors ${what}: any site can frame the page${xfo}.`,
    });
  }
  return headerFinding({
    ...base,
    severity: "warning",
    code: "CSP_CHANGED",
    message: `CSP frame-ancestors changed: ${found.map((widening) => widening.reason).join("; ")}.`,
  });
}

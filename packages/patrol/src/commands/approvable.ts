/**
 * @module
 * Which findings a person may approve into the baseline. Drift (a new script, a changed header)
 * can be a legitimate release; what no release may bring — a card field on the merchant's page, a
 * form or redirect leaving for an unknown origin, a payment session that is not this merchant's,
 * a file nobody deployed — must be fixed, never approved. Shoppers' CSP reports are not part of
 * the snapshot: approving a run acknowledges them (anyone can post a report, so they must not
 * be able to block an approval).
 */
import type { Finding, FindingCode } from "../model/findings";

const NEVER_APPROVABLE: ReadonlySet<FindingCode> = new Set<FindingCode>([
  "REDIRECT_OFF_LIST",
  "REDIRECT_EXTRA_HOP",
  "REDIRECT_SCRIPT_NAVIGATION",
  "REDIRECT_NOT_REACHED",
  "SESSION_UNKNOWN",
  "SESSION_NOT_OPEN",
  "SESSION_WRONG_AMOUNT",
  "SESSION_WRONG_BOOKING",
  "CARD_INPUT",
  "FORM_ACTION_OFF_SITE",
  "NAVIGATION_OFF_SITE",
  "JOURNEY_FAILED",
  "FILE_ADDED",
  "FILE_CHANGED",
  "FILE_REMOVED",
]);

/** Whether `finding` may be accepted into the baseline (info findings need no approval). */
export function isApprovable(finding: Finding): boolean {
  return !NEVER_APPROVABLE.has(finding.code) || finding.severity === "info";
}

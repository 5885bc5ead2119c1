/**
 * @module
 * The plain-text e-mail of an alert: a subject that can be read in a notification, then the
 * findings worst first, each with its code, place, subject and message.
 */
import { type Finding, SEVERITIES } from "../model/findings";
import { type PatrolAlert, summarizeAlert } from "./patrol-alert";

/** The subject prefix used when none is configured. */
export const DEFAULT_SUBJECT_PREFIX = "[linkpay patrol]";

/** Subject and text of an alert e-mail. */
export interface AlertEmail {
  readonly subject: string;
  readonly text: string;
}

/** Formats an alert: `[linkpay patrol] CRITICAL on https://shop.example: 2 findings`. */
export function formatAlertEmail(
  alert: PatrolAlert,
  subjectPrefix: string = DEFAULT_SUBJECT_PREFIX,
): AlertEmail {
  const summary = summarizeAlert(alert);
  const findings = [...alert.findings].sort(
    (a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity),
  );
  const text = [
    `The linkpay patrol reports ${summary}.`,
    "",
    `Run: ${alert.runId}`,
    `At:  ${alert.at.toISOString()}`,
    ...findings.flatMap(formatFinding),
    "",
  ].join("\n");
  return { subject: `${subjectPrefix} ${summary}`.trim(), text };
}

function formatFinding(finding: Finding): string[] {
  return [
    "",
    `${finding.severity.toUpperCase()}  ${finding.code}  ${finding.where}`,
    `  ${finding.message}`,
    `  subject: ${finding.subject}`,
  ];
}

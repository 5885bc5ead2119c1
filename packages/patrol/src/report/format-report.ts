/**
 * @module
 * The report as people read it in a terminal: a verdict line, then one row per finding (worst
 * first) with severity, code, place and message.
 */
import { type Finding, SEVERITIES } from "../model/findings";

/** Findings sorted worst first, then by place and code. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
      a.where.localeCompare(b.where) ||
      a.code.localeCompare(b.code),
  );
}

/** A plain-text table of `findings` under a verdict line. */
export function formatReport(report: {
  readonly site: string;
  readonly runId: string;
  readonly verdict: string;
  readonly findings: readonly Finding[];
}): string {
  const rows = sortFindings(report.findings).map((f) => [
    f.severity.toUpperCase(),
    f.code,
    f.where,
    f.message,
  ]);
  const header = `linkpay patrol ${report.runId} on ${report.site}: ${report.verdict.toUpperCase()} (${count(report.findings, "critical")} critical, ${count(report.findings, "warning")} warning, ${count(report.findings, "info")} info)`;
  if (rows.length === 0) return `${header}\n`;
  const widths = [0, 1, 2].map((column) =>
    Math.min(40, Math.max(...rows.map((row) => (row[column] ?? "").length))),
  );
  const lines = rows.map((row) =>
    row.map((cell, column) => (column < 3 ? cell.padEnd(widths[column] ?? 0) : cell)).join("  "),
  );
  return `${header}\n${lines.join("\n")}\n`;
}

function count(findings: readonly Finding[], severity: Finding["severity"]): number {
  return findings.filter((finding) => finding.severity === severity).length;
}

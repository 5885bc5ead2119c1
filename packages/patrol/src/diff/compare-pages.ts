/**
 * @module
 * Compares a run's pages with the baseline's, page by page: scripts, iframes, forms, links and
 * third-party origins, headers and cookies. Absolute checks (card fields, off-site forms) run on
 * every page whether or not it has a baseline.
 */
import { compareCookies, compareHeaders } from "../headers";
import type { Finding } from "../model/findings";
import type { FormRecord, PageSnapshot } from "../model/snapshot";
import { absoluteFindings } from "./absolute-checks";
import { compareScripts } from "./compare-scripts";

/** Options of {@link comparePages}. */
export interface ComparePagesOptions {
  readonly baseline: readonly PageSnapshot[] | undefined;
  readonly pages: readonly PageSnapshot[];
  readonly site: string;
  readonly checkoutOrigins: readonly string[];
}

const added = (before: readonly string[], after: readonly string[]) =>
  after.filter((value) => !before.includes(value));
const formKey = (form: FormRecord) =>
  `${form.method} ${form.action} ${form.fields
    .map((f) => `${f.name}:${f.type}`)
    .sort()
    .join(",")}`;

/** Findings of `pages` (absolute, and drift from `baseline` when there is one). */
export function comparePages(options: ComparePagesOptions): Finding[] {
  const findings: Finding[] = [];
  const before = new Map((options.baseline ?? []).map((page) => [page.key, page]));
  for (const page of options.pages) {
    findings.push(
      ...absoluteFindings({ page, site: options.site, checkoutOrigins: options.checkoutOrigins }),
    );
    const old = before.get(page.key);
    if (old === undefined) continue;
    if (page.status === 0) {
      // No answer at all: say so once, instead of every protection seeming "removed".
      findings.push({
        severity: "warning",
        code: "PAGE_UNREACHABLE",
        where: page.key,
        subject: page.url,
        message: `${page.url} did not answer (network error or time-out).`,
      });
      continue;
    }
    const where = page.key;
    if (old.status !== page.status) {
      findings.push({
        severity: "warning",
        code: "PAGE_STATUS_CHANGED",
        where,
        subject: page.url,
        message: `${page.url} answered ${page.status}, the baseline ${old.status}.`,
        before: old.status,
        after: page.status,
      });
    }
    findings.push(...compareScripts(old, page));
    for (const frame of added(old.iframes, page.iframes)) {
      findings.push({
        severity: "critical",
        code: "IFRAME_ADDED",
        where,
        subject: frame,
        message: `A new frame on ${page.url} shows ${frame}: a frame can show a fake card form.`,
      });
    }
    const oldForms = new Set(old.forms.map(formKey));
    for (const form of page.forms.filter((f) => !oldForms.has(formKey(f)))) {
      findings.push({
        severity: "warning",
        code: "FORM_CHANGED",
        where,
        subject: `${form.method} ${form.action}`,
        message: `A new or changed form on ${page.url}: ${form.method.toUpperCase()} ${form.action} with fields ${form.fields.map((f) => f.name).join(", ")}.`,
      });
    }
    for (const origin of added(old.linkOrigins, page.linkOrigins)) {
      findings.push({
        severity: "warning",
        code: "LINK_ORIGIN_ADDED",
        where,
        subject: origin,
        message: `${page.url} now links to ${origin}.`,
      });
    }
    for (const origin of added(old.thirdPartyOrigins, page.thirdPartyOrigins)) {
      findings.push({
        severity: "warning",
        code: "THIRD_PARTY_ORIGIN_ADDED",
        where,
        subject: origin,
        message: `${page.url} now loads from ${origin}.`,
      });
    }
    findings.push(...compareHeaders({ where, before: old.headers, after: page.headers }));
    findings.push(...compareCookies({ where, before: old.cookies, after: page.cookies }));
  }
  for (const key of before.keys()) {
    if (!options.pages.some((page) => page.key === key)) {
      findings.push({
        severity: "warning",
        code: "PAGE_UNREACHABLE",
        where: key,
        subject: key,
        message: `The baseline page ${key} was not recorded in this run.`,
      });
    }
  }
  return findings;
}

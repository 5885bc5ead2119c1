/**
 * @module
 * Script drift between the baseline and now: a new or changed script is critical (it is how a
 * skimmer arrives), a lost `integrity` attribute is critical (a protection removed), a script
 * that went away is information.
 */
import type { Finding } from "../model/findings";
import type { PageSnapshot, ScriptRecord } from "../model/snapshot";

type External = Extract<ScriptRecord, { kind: "external" }>;
type Inline = Extract<ScriptRecord, { kind: "inline" }>;
type Handler = Extract<ScriptRecord, { kind: "handler" }>;

const externals = (page: PageSnapshot) =>
  new Map(page.scripts.filter((s): s is External => s.kind === "external").map((s) => [s.url, s]));
const inlines = (page: PageSnapshot) =>
  new Map(page.scripts.filter((s): s is Inline => s.kind === "inline").map((s) => [s.sha256, s]));
const handlers = (page: PageSnapshot) =>
  new Map(
    page.scripts
      .filter((s): s is Handler => s.kind === "handler")
      .map((s) => [`${s.element} ${s.attribute} ${s.sha256}`, s]),
  );

/** The script findings of `after` against `before` (the same page key). */
export function compareScripts(before: PageSnapshot, after: PageSnapshot): Finding[] {
  const where = after.key;
  const findings: Finding[] = [];
  const was = externals(before);
  const now = externals(after);
  for (const [url, script] of now) {
    const old = was.get(url);
    if (old === undefined) {
      findings.push({
        severity: "critical",
        code: "SCRIPT_ADDED",
        where,
        subject: url,
        message: `A new script runs on ${after.url}: ${url}.`,
        after: script.sha256,
      });
      continue;
    }
    if (old.sha256 !== script.sha256) {
      findings.push({
        severity: "critical",
        code: "SCRIPT_CHANGED",
        where,
        subject: url,
        message: `The script ${url} changed on ${after.url}.`,
        before: old.sha256,
        after: script.sha256,
      });
    }
    if (old.integrity !== undefined && script.integrity === undefined) {
      findings.push({
        severity: "critical",
        code: "SCRIPT_INTEGRITY_REMOVED",
        where,
        subject: url,
        message: `The script ${url} lost its integrity attribute (SRI) on ${after.url}.`,
        before: old.integrity,
      });
    }
  }
  for (const url of was.keys()) {
    if (!now.has(url))
      findings.push({
        severity: "info",
        code: "SCRIPT_REMOVED",
        where,
        subject: url,
        message: `The script ${url} no longer runs on ${after.url}.`,
      });
  }
  const oldInline = inlines(before);
  for (const [hash, script] of inlines(after)) {
    if (!oldInline.has(hash)) {
      findings.push({
        severity: "critical",
        code: "INLINE_SCRIPT_ADDED",
        where,
        subject: hash,
        message: `A new or changed inline script runs on ${after.url}: "${script.preview}".`,
        after: script.preview,
      });
    }
  }
  const oldHandlers = handlers(before);
  for (const [key, handler] of handlers(after)) {
    if (!oldHandlers.has(key)) {
      findings.push({
        severity: "critical",
        code: "EVENT_HANDLER_ADDED",
        where,
        subject: `${handler.element} ${handler.attribute}`,
        message: `A new or changed ${handler.attribute} handler on ${handler.element} (${after.url}): "${handler.preview}".`,
        after: handler.preview,
      });
    }
  }
  return findings;
}

/**
 * @module
 * How serious a change to one declared directive is, for directives the weakening checks of
 * `compare-policy` did not already report: `warning` when it allows more, or protects or reports
 * less; `info` when it tightens or rewords, or the directive is unknown.
 */
import { effectiveSources, isFetchDirective } from "./csp-fallbacks";
import type { Policy } from "./csp-policy-list";
import { widenings } from "./csp-widenings";

/** Directives that switch on a protection by being there, and what their removal loses. */
const FLAGS: Readonly<Record<string, string>> = {
  "upgrade-insecure-requests": "http subresources are no longer upgraded to https",
  "block-all-mixed-content": "mixed content is no longer blocked",
};
/** Directives whose tokens each allow something (sandbox flags, Trusted Types policy names). */
const ALLOW_LISTS = new Set(["sandbox", "trusted-types"]);
/** Directives whose tokens each require something. */
const REQUIREMENTS = new Set(["require-trusted-types-for"]);
const REPORTING = new Set(["report-uri", "report-to"]);
/** Source-list directives with no fallback (fetch directives are known to `csp-fallbacks`). */
const SOURCE_LISTS = new Set(["form-action", "base-uri", "frame-ancestors"]);

type Sources = readonly string[] | undefined;

function tokenWeakening(name: string, before: Sources, after: Sources): string | null {
  const flag = FLAGS[name];
  if (flag !== undefined) return after === undefined ? flag : null;
  if (REPORTING.has(name)) {
    return after === undefined
      ? "violations are no longer reported there"
      : "violation reports go elsewhere";
  }
  if (ALLOW_LISTS.has(name)) {
    if (before === undefined) return null;
    if (after === undefined) return "its restrictions are gone";
    const gained = after.filter((token) => !before.includes(token));
    return gained.length > 0 ? `now allows ${gained.join(" ")}` : null;
  }
  if (REQUIREMENTS.has(name)) {
    const lost = (before ?? []).filter((token) => !(after ?? []).includes(token));
    return lost.length > 0 ? `no longer requires ${lost.join(" ")}` : null;
  }
  return null;
}

/**
 * Why the change of directive `name` from one policy to the other weakens the page, or `null`
 * when it does not (fetch directives are judged by their effective sources, fallbacks included).
 */
export function directiveWeakening(name: string, before: Policy, after: Policy): string | null {
  if (!isFetchDirective(name) && !SOURCE_LISTS.has(name)) {
    return tokenWeakening(name, before[name], after[name]);
  }
  const found = widenings(
    name,
    effectiveSources(before, name)?.sources ?? null,
    effectiveSources(after, name)?.sources ?? null,
  );
  return found.length > 0 ? found.map((widening) => widening.reason).join("; ") : null;
}

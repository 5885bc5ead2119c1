/**
 * @module
 * `parseCsp`: a Content-Security-Policy header value as directive → sources, normalized so that
 * two responses of an unchanged site parse equal (a fresh nonce per response is no change).
 */

import { policyKey } from "./csp-policy-list";
import { normalizeSource } from "./csp-sources";

/** Directives whose unquoted values are URLs or names, not sources: kept as written. */
const VERBATIM = new Set(["report-uri", "report-to", "trusted-types"]);

/** Directive names browsers accept; any other directive is ignored by them, and here. */
const DIRECTIVE_NAME = /^[a-z0-9-]+$/;

function parsePolicy(text: string): [string, string[]][] {
  const directives: [string, string[]][] = [];
  const seen = new Set<string>();
  for (const part of text.split(";")) {
    const [rawName, ...tokens] = part.trim().split(/[\t\n\f\r ]+/);
    const name = (rawName ?? "").toLowerCase();
    // A repeated directive is ignored by browsers: the first one counts.
    if (!DIRECTIVE_NAME.test(name) || seen.has(name)) continue;
    seen.add(name);
    const keepCase = VERBATIM.has(name);
    const sources = new Set(tokens.map((token) => normalizeSource(token, keepCase)));
    directives.push([name, [...sources].sort()]);
  }
  return directives;
}

/**
 * Parses a CSP header value: directive names lower-case, sources sorted and distinct, keywords
 * lower-case with their quotes, `'nonce-…'` as `'nonce'`, `'sha256-…'` as `'sha256'` (a changed
 * inline script is the script inventory's finding, not the header's), hosts lower-case; a
 * repeated directive is ignored, as browsers do. Several policies (comma-separated, or header
 * lines joined by `", "` or `"\n"`) are all kept, since browsers enforce each: the first under
 * plain names, the n-th under `name#n` (see `csp-policy-list`). Keys come out sorted.
 *
 * @example
 * parseCsp("script-src 'self' 'nonce-r4nd0m'; object-src 'none'");
 * // { "object-src": ["'none'"], "script-src": ["'nonce'", "'self'"] }
 */
export function parseCsp(value: string): Record<string, string[]> {
  const entries: [string, string[]][] = [];
  const policies = value.split(/[,\n]/).map(parsePolicy);
  let index = 0;
  for (const directives of policies) {
    if (directives.length === 0) continue;
    index += 1;
    for (const [name, sources] of directives) entries.push([policyKey(name, index), sources]);
  }
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}

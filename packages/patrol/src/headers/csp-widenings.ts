/**
 * @module
 * What a change to one directive's sources newly allows. A widening is `serious` when it lets an
 * attacker's code, form post or connection through (a new host, `*`, a scheme, `'unsafe-eval'`,
 * inline scripts that now run); it is not when it stays within the site or CSP3 browsers ignore
 * it (`'unsafe-inline'` beside a nonce or hash, hosts under `'strict-dynamic'`).
 */
import { hasFallback } from "./csp-fallbacks";
import { covers, hasNonceOrHash, isKeyword, isSchemeSource } from "./csp-sources";

/** One thing a directive newly allows. */
export interface Widening {
  readonly serious: boolean;
  readonly reason: string;
}

/** Directives that govern scripts, where inline scripts, eval and `'strict-dynamic'` apply. */
const SCRIPT_DIRECTIVES = new Set(["script-src", "script-src-elem", "script-src-attr"]);

/** Keywords whose addition only narrows or names what runs (a nonce, a hash, sampling). */
const NEUTRAL_KEYWORDS = new Set([
  "'none'",
  "'nonce'",
  "'sha256'",
  "'sha384'",
  "'sha512'",
  "'report-sample'",
]);

const SERIOUS_KEYWORDS: Readonly<Record<string, string>> = {
  "'unsafe-eval'": "'unsafe-eval' (eval and new Function run strings as code)",
  "'unsafe-hashes'": "'unsafe-hashes' (inline event handlers run)",
};

/** What leaving out a directive with no fallback lets through. */
const UNGUARDED: Readonly<Record<string, string>> = {
  "form-action": ": forms may post anywhere",
  "base-uri": ": a <base> tag may point relative URLs anywhere",
};

function describeLocation(source: string): string {
  if (source === "*") return "* (any host)";
  if (isSchemeSource(source)) return `any ${source} URL`;
  return `a new host ${source}`;
}

/** Whether CSP3 browsers ignore `'unsafe-inline'` in this script list. */
function inlineIgnored(sources: readonly string[]): boolean {
  return hasNonceOrHash(sources) || sources.includes("'strict-dynamic'");
}

function added(directive: string, source: string, after: readonly string[]): Widening | null {
  const script = SCRIPT_DIRECTIVES.has(directive);
  if (NEUTRAL_KEYWORDS.has(source)) return null;
  if (source === "'unsafe-inline'") {
    if (!script) return { serious: false, reason: "allows 'unsafe-inline'" };
    if (inlineIgnored(after)) {
      return {
        serious: false,
        reason:
          "adds 'unsafe-inline', which CSP3 browsers ignore beside a nonce, hash or 'strict-dynamic'",
      };
    }
    return {
      serious: true,
      reason: "allows 'unsafe-inline' with no nonce or hash: inline scripts run",
    };
  }
  const serious = script ? SERIOUS_KEYWORDS[source] : undefined;
  if (serious !== undefined) return { serious: true, reason: `allows ${serious}` };
  if (isKeyword(source)) return { serious: false, reason: `allows ${source}` };
  if (script && after.includes("'strict-dynamic'")) {
    return {
      serious: false,
      reason: `allows ${describeLocation(source)}, which CSP3 browsers ignore under 'strict-dynamic'`,
    };
  }
  return { serious: true, reason: `allows ${describeLocation(source)}` };
}

/** Guards that made browsers ignore sources the list still has: `'strict-dynamic'`, nonces. */
function lostGuards(
  directive: string,
  before: readonly string[],
  after: readonly string[],
): Widening[] {
  if (!SCRIPT_DIRECTIVES.has(directive)) return [];
  const widenings: Widening[] = [];
  if (before.includes("'strict-dynamic'") && !after.includes("'strict-dynamic'")) {
    const active = after.filter((source) => !isKeyword(source) || source === "'self'");
    if (active.length > 0) {
      widenings.push({
        serious: active.some((source) => source !== "'self'"),
        reason: `'strict-dynamic' removed: browsers now honour ${active.join(" ")}`,
      });
    }
  }
  const inline = "'unsafe-inline'";
  if (
    before.includes(inline) &&
    after.includes(inline) &&
    inlineIgnored(before) &&
    !inlineIgnored(after)
  ) {
    widenings.push({
      serious: true,
      reason: "'unsafe-inline' takes effect: no nonce or hash left",
    });
  }
  return widenings;
}

/**
 * What `after` allows that `before` did not, for one directive's effective sources (`null`: the
 * directive and its fallbacks are all absent, so nothing is restricted).
 */
export function widenings(
  directive: string,
  before: readonly string[] | null,
  after: readonly string[] | null,
): Widening[] {
  if (before === null) return [];
  if (after === null) {
    const reason =
      directive === "default-src"
        ? "removed: what no other directive restricts is now unrestricted"
        : hasFallback(directive)
          ? "no longer restricted: neither it nor default-src is set"
          : `removed, and it does not fall back to default-src${UNGUARDED[directive] ?? ""}`;
    return [{ serious: true, reason }];
  }
  const found: Widening[] = [];
  for (const source of after) {
    if (covers(before, source)) continue;
    const widening = added(directive, source, after);
    if (widening) found.push(widening);
  }
  return [...found, ...lostGuards(directive, before, after)];
}

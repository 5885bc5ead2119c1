/**
 * @module
 * Which directive governs a kind of load when a policy leaves a directive out (CSP3 fallback
 * lists). `default-src` stands in for the fetch directives only: `form-action`, `base-uri` and
 * `frame-ancestors` have no fallback, so leaving them out leaves forms, `<base>` and framing open.
 */
import type { Policy } from "./csp-policy-list";

const CHAINS: Readonly<Record<string, readonly string[]>> = {
  "default-src": ["default-src"],
  "script-src": ["script-src", "default-src"],
  "script-src-elem": ["script-src-elem", "script-src", "default-src"],
  "script-src-attr": ["script-src-attr", "script-src", "default-src"],
  "style-src": ["style-src", "default-src"],
  "style-src-elem": ["style-src-elem", "style-src", "default-src"],
  "style-src-attr": ["style-src-attr", "style-src", "default-src"],
  "worker-src": ["worker-src", "child-src", "script-src", "default-src"],
  "frame-src": ["frame-src", "child-src", "default-src"],
  "fenced-frame-src": ["fenced-frame-src", "frame-src", "child-src", "default-src"],
  "child-src": ["child-src", "default-src"],
  "connect-src": ["connect-src", "default-src"],
  "font-src": ["font-src", "default-src"],
  "img-src": ["img-src", "default-src"],
  "manifest-src": ["manifest-src", "default-src"],
  "media-src": ["media-src", "default-src"],
  "object-src": ["object-src", "default-src"],
};

/** The sources that govern a directive, and the directive they were written under. */
export interface EffectiveSources {
  readonly sources: readonly string[];
  readonly from: string;
}

/** Whether a directive is a fetch directive (one `default-src` stands in for). */
export function isFetchDirective(directive: string): boolean {
  return directive in CHAINS;
}

/** Whether a directive falls back to another when left out. */
export function hasFallback(directive: string): boolean {
  return (CHAINS[directive]?.length ?? 1) > 1;
}

/** The sources that govern `directive` under `policy`; `null` when nothing restricts it. */
export function effectiveSources(policy: Policy, directive: string): EffectiveSources | null {
  for (const name of CHAINS[directive] ?? [directive]) {
    const sources = policy[name];
    if (sources !== undefined) return { sources, from: name };
  }
  return null;
}

/**
 * @module
 * Event type patterns as Stripe writes them in `enabled_events` and the `type` filter of
 * `GET /v1/events`: an exact type, `*` for all, or a prefix wildcard such as `checkout.session.*`.
 */

/** True when `type` (e.g. `checkout.session.completed`) matches `pattern`. */
export function matchesEventType(pattern: string, type: string): boolean {
  if (pattern === "*") return true;
  if (pattern.endsWith(".*")) return type.startsWith(pattern.slice(0, -1));
  return pattern === type;
}

/** True when `type` matches any of `patterns`. */
export function matchesAnyEventType(patterns: readonly string[], type: string): boolean {
  return patterns.some((pattern) => matchesEventType(pattern, type));
}

/**
 * @module
 * Which values the card-data scanners walk into: plain objects, arrays, Maps and Sets.
 */

/** True for `{}`-style objects (prototype `Object.prototype` or `null`), not class instances. */
export function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  if (typeof value !== "object" || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** True for arrays. */
export function isArray(value: unknown): value is readonly unknown[] {
  return Array.isArray(value);
}

/** True for Maps. */
export function isMap(value: unknown): value is ReadonlyMap<unknown, unknown> {
  return value instanceof Map;
}

/** True for Sets. */
export function isSet(value: unknown): value is ReadonlySet<unknown> {
  return value instanceof Set;
}

/** True for any container the scanners walk into. */
export function isWalkable(value: unknown): value is object {
  return isArray(value) || isMap(value) || isSet(value) || isPlainObject(value);
}

/** True when a walkable container holds nothing. */
export function isEmptyContainer(value: object): boolean {
  if (isArray(value)) return value.length === 0;
  if (isMap(value) || isSet(value)) return value.size === 0;
  return Object.keys(value).length === 0;
}

/** Default for how deep the scanners walk before giving up on a branch. */
export const DEFAULT_MAX_DEPTH = 64;

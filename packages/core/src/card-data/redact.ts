/**
 * @module
 * Log redaction: masks card numbers (keeping the last four digits), Stripe secret keys, webhook
 * secrets, and the values of credential-like keys, in strings and deep copies of nested values.
 */
import {
  DEFAULT_MAX_DEPTH,
  isArray,
  isMap,
  isPlainObject,
  isSet,
  isWalkable,
} from "./plain-values";
import { maskCardNumbersInText } from "./scan-text";
import { isSensitiveKey, maskSecrets, REDACTED } from "./secrets";

/** What replaces a container nested deeper than {@link redact} walks. */
export const TRUNCATED = "[truncated]";

/**
 * `text` with card numbers replaced by `[card ****1111]`, and `sk_live_…`, `sk_test_…`,
 * `rk_live_…`, `rk_test_…` and `whsec_…` secrets replaced by their prefix plus `[redacted]`.
 */
export function redactString(text: string): string {
  return maskCardNumbersInText(maskSecrets(text));
}

function redactNumeric(value: number | bigint): number | bigint | string {
  const text = String(value);
  const masked = maskCardNumbersInText(text);
  return masked === text ? value : masked;
}

function redactKey(key: unknown, depth: number, copies: Map<object, unknown>): unknown {
  return typeof key === "string" ? redactString(key) : redactValue(key, depth, copies);
}

/**
 * Sets an own, enumerable, writable data property on a fresh copy. Assignment does exactly that
 * unless the key is already reachable — `__proto__`, or anything else on the prototype chain, whose
 * setter or read-only flag would apply instead — so only then is the property defined explicitly.
 */
function defineProperty(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key in target) {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}

/**
 * A copy of an Error with the same prototype (so `instanceof` and `name` still work) whose own
 * data properties — `message`, `stack`, `cause`, `details`… — are redacted.
 */
function redactError(error: Error, depth: number, copies: Map<object, unknown>): Error {
  const copy = new Error();
  Object.setPrototypeOf(copy, Object.getPrototypeOf(error));
  for (const key of Object.getOwnPropertyNames(copy)) Reflect.deleteProperty(copy, key);
  copies.set(error, copy);
  for (const key of Object.getOwnPropertyNames(error)) {
    const descriptor = Object.getOwnPropertyDescriptor(error, key);
    if (descriptor === undefined || !("value" in descriptor)) continue;
    const item = isSensitiveKey(key) ? REDACTED : redactValue(descriptor.value, depth, copies);
    Object.defineProperty(copy, redactString(key), { ...descriptor, value: item });
  }
  return copy;
}

function redactValue(value: unknown, depth: number, copies: Map<object, unknown>): unknown {
  if (typeof value === "string") return redactString(value);
  if (typeof value === "number" || typeof value === "bigint") return redactNumeric(value);
  if (value instanceof Error) {
    if (copies.has(value)) return copies.get(value);
    return depth >= DEFAULT_MAX_DEPTH ? TRUNCATED : redactError(value, depth + 1, copies);
  }
  if (!isWalkable(value)) return value;
  if (copies.has(value)) return copies.get(value);
  if (depth >= DEFAULT_MAX_DEPTH) return TRUNCATED;
  const next = depth + 1;
  if (isArray(value)) {
    const copy: unknown[] = [];
    copies.set(value, copy);
    for (const item of value) copy.push(redactValue(item, next, copies));
    return copy;
  }
  if (isSet(value)) {
    const copy = new Set<unknown>();
    copies.set(value, copy);
    for (const item of value) copy.add(redactValue(item, next, copies));
    return copy;
  }
  if (isMap(value)) {
    const copy = new Map<unknown, unknown>();
    copies.set(value, copy);
    for (const [key, item] of value) {
      const sensitive = typeof key === "string" && isSensitiveKey(key);
      copy.set(
        redactKey(key, next, copies),
        sensitive ? REDACTED : redactValue(item, next, copies),
      );
    }
    return copy;
  }
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = {};
    if (Object.getPrototypeOf(value) === null) Object.setPrototypeOf(copy, null);
    copies.set(value, copy);
    for (const key of Object.keys(value)) {
      const item = isSensitiveKey(key) ? REDACTED : redactValue(value[key], next, copies);
      defineProperty(copy, redactString(key), item);
    }
    return copy;
  }
  return value;
}

/**
 * A deep copy of `value` safe to log: strings as in {@link redactString}, numbers that are card
 * numbers turned into masked strings, values of sensitive keys (see {@link isSensitiveKey})
 * replaced by `[redacted]`, and containers deeper than 64 levels by `[truncated]`. Walks plain
 * objects, arrays, Maps, Sets and Errors (cycles kept); other objects are returned as they are.
 */
export function redact<T>(value: T): T {
  return redactValue(value, 0, new Map()) as T;
}

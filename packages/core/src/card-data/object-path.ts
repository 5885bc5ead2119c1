/**
 * @module
 * Builds log-safe paths such as `customer.notes` or `items[2].name`. Keys are redacted first, so
 * a path never carries a card number or secret.
 */
import { maskCardNumbersInText } from "./scan-text";
import { maskSecrets } from "./secrets";

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function safeKey(key: string): string {
  return maskCardNumbersInText(maskSecrets(key));
}

/** The path of property `key` under `parent` (`""` is the root). */
export function propertyPath(parent: string, key: string): string {
  const shown = safeKey(key);
  if (IDENTIFIER.test(shown)) return parent === "" ? shown : `${parent}.${shown}`;
  return `${parent}[${JSON.stringify(shown)}]`;
}

/** The path of element `index` of an array or Set under `parent`. */
export function indexPath(parent: string, index: number): string {
  return `${parent}[${index}]`;
}

/**
 * The path of a Map entry: string keys read like properties, other primitives like `[42]`, and
 * object keys by entry position, `[#3]`.
 */
export function mapEntryPath(parent: string, key: unknown, position: number): string {
  if (typeof key === "string") return propertyPath(parent, key);
  if (typeof key === "number" || typeof key === "bigint" || typeof key === "boolean") {
    return `${parent}[${safeKey(String(key))}]`;
  }
  return `${parent}[#${position}]`;
}

/** The path under which an object used as a Map key is itself scanned: `[#3:key]`. */
export function mapObjectKeyPath(parent: string, position: number): string {
  return `${parent}[#${position}:key]`;
}

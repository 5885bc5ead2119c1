/**
 * @module
 * Finds card numbers (PANs) in arbitrary values — strings, numbers, and the keys and values of
 * nested plain objects, arrays, Maps and Sets — so they can be refused before they are stored.
 */
import { LinkpayError } from "../errors";
import type { CardBrand } from "./card-brands";
import { indexPath, mapEntryPath, mapObjectKeyPath, propertyPath } from "./object-path";
import {
  DEFAULT_MAX_DEPTH,
  isArray,
  isEmptyContainer,
  isMap,
  isPlainObject,
  isSet,
  isWalkable,
} from "./plain-values";
import { findCardNumberSpans } from "./scan-text";

/** One card number found in a value. Holds the brand and last four digits, never the number. */
export interface CardNumberFinding {
  /** Where it was found, e.g. `customer.notes` or `items[2].name`; `""` is the value itself. */
  readonly path: string;
  /** Whether the number sits in the value at `path` or in the key (property name) at `path`. */
  readonly location: "key" | "value";
  /** The card's brand. */
  readonly brand: CardBrand;
  /** The card number's last four digits. */
  readonly last4: string;
}

/** Options for {@link findCardNumbers}. */
export interface CardScanOptions {
  /** How many levels of nesting to walk into (default 64); deeper containers are skipped. */
  readonly maxDepth?: number | undefined;
}

interface ScanResult {
  readonly findings: CardNumberFinding[];
  /** Paths of non-empty containers that were not walked because they were nested too deep. */
  readonly tooDeep: string[];
}

function resolveMaxDepth(options: CardScanOptions | undefined): number {
  const maxDepth = options?.maxDepth ?? DEFAULT_MAX_DEPTH;
  if (!Number.isSafeInteger(maxDepth) || maxDepth < 0) {
    throw new LinkpayError("CONFIG_INVALID", "maxDepth must be a non-negative integer", {
      details: { maxDepth },
    });
  }
  return maxDepth;
}

function scan(root: unknown, maxDepth: number): ScanResult {
  const findings: CardNumberFinding[] = [];
  const tooDeep: string[] = [];
  const seen = new WeakSet<object>();

  const inspectText = (text: string, path: string, location: "key" | "value"): void => {
    for (const { brand, last4 } of findCardNumberSpans(text)) {
      findings.push({ path, location, brand, last4 });
    }
  };

  const visit = (value: unknown, path: string, depth: number): void => {
    if (typeof value === "string") {
      inspectText(value, path, "value");
      return;
    }
    if (typeof value === "number" || typeof value === "bigint") {
      inspectText(String(value), path, "value");
      return;
    }
    if (!isWalkable(value) || seen.has(value)) return;
    if (depth >= maxDepth) {
      if (!isEmptyContainer(value)) tooDeep.push(path);
      return;
    }
    seen.add(value);
    const next = depth + 1;
    if (isArray(value)) {
      value.forEach((item, index) => {
        visit(item, indexPath(path, index), next);
      });
    } else if (isSet(value)) {
      let index = 0;
      for (const item of value) visit(item, indexPath(path, index++), next);
    } else if (isMap(value)) {
      let position = 0;
      for (const [key, item] of value) {
        const itemPath = mapEntryPath(path, key, position);
        if (typeof key === "string" || typeof key === "number" || typeof key === "bigint") {
          inspectText(String(key), itemPath, "key");
        } else {
          visit(key, mapObjectKeyPath(path, position), next);
        }
        visit(item, itemPath, next);
        position += 1;
      }
    } else if (isPlainObject(value)) {
      for (const key of Object.keys(value)) {
        const itemPath = propertyPath(path, key);
        inspectText(key, itemPath, "key");
        visit(value[key], itemPath, next);
      }
    }
  };

  visit(root, "", 0);
  return { findings, tooDeep };
}

/**
 * Every card number in `value`: 13–19 digits that pass Luhn and match a known brand's IIN range
 * and length, in any digit script, split by spaces, dashes, dots, slashes or underscores, with
 * invisible characters between them or letters glued on; never digits touching other digits,
 * inside a UUID or hex identifier, or a JAN/EAN-13 product code.
 */
export function findCardNumbers(value: unknown, options?: CardScanOptions): CardNumberFinding[] {
  return scan(value, resolveMaxDepth(options)).findings;
}

/** True when `value` holds at least one card number (see {@link findCardNumbers}). */
export function containsCardNumber(value: unknown, options?: CardScanOptions): boolean {
  return findCardNumbers(value, options).length > 0;
}

const MAX_REPORTED_PATHS = 100;
const MAX_PATHS_IN_MESSAGE = 5;

function listPaths(paths: readonly string[]): string {
  const shown = paths.slice(0, MAX_PATHS_IN_MESSAGE).map((path) => (path === "" ? "(root)" : path));
  const more = paths.length - shown.length;
  return more > 0 ? `${shown.join(", ")} and ${more} more` : shown.join(", ");
}

function detected(reason: string, message: string, paths: string[], context?: string): never {
  const unique = [...new Set(paths)];
  throw new LinkpayError("CARD_DATA_DETECTED", message, {
    details: {
      reason,
      paths: unique.slice(0, MAX_REPORTED_PATHS),
      pathCount: unique.length,
      ...(context === undefined ? {} : { context }),
    },
  });
}

/**
 * Throws CARD_DATA_DETECTED when `value` holds a card number (details: `reason`, `paths`, never
 * digits beyond the last four), or when it is nested too deep to be checked (fails closed).
 */
export function assertNoCardData(value: unknown, context?: string): void {
  const { findings, tooDeep } = scan(value, DEFAULT_MAX_DEPTH);
  const where = context === undefined ? "" : ` in ${context}`;
  if (findings.length > 0) {
    const paths = findings.map((finding) => finding.path);
    const message = `Card number detected${where} at ${listPaths([...new Set(paths)])}; card data must go to the payment provider only`;
    detected("card_number", message, paths, context);
  }
  if (tooDeep.length > 0) {
    const message = `Value${where} is nested deeper than ${DEFAULT_MAX_DEPTH} levels at ${listPaths(tooDeep)}; it cannot be checked for card data`;
    detected("too_deep", message, tooDeep, context);
  }
}

/**
 * @module
 * The `X-KOMOJU-IDEMPOTENCY` value for a caller's idempotency key: KOMOJU takes at most 100
 * characters, so a longer key is replaced by its SHA-256 (same key, same header, every time).
 */
import { createHash } from "node:crypto";
import { LinkpayError } from "@linkpay/core";

/** The longest idempotency key KOMOJU accepts. */
export const KOMOJU_IDEMPOTENCY_KEY_MAX = 100;

/**
 * The header value for `key`: the key itself when it fits, else `linkpay-sha256-<hex>`.
 *
 * @throws LinkpayError INVALID_CHECKOUT_REQUEST for an empty or non-string key (it would lose
 *   "same key, same result").
 */
export function komojuIdempotencyKey(key: unknown): string {
  if (typeof key !== "string" || key.length === 0) {
    throw new LinkpayError(
      "INVALID_CHECKOUT_REQUEST",
      "idempotencyKey must be a non-empty string",
      {
        details: { length: typeof key === "string" ? key.length : typeof key },
      },
    );
  }
  if (key.length <= KOMOJU_IDEMPOTENCY_KEY_MAX) return key;
  return `linkpay-sha256-${createHash("sha256").update(key, "utf8").digest("hex")}`;
}

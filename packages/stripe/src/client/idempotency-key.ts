/**
 * @module
 * Guards the idempotency key of mutating calls.
 */
import { LinkpayError } from "@linkpay/core";

/**
 * Throws unless `key` is 1–255 characters (Stripe's limit). An empty key would make the SDK
 * invent a random one, silently losing "same key, same result".
 */
export function assertIdempotencyKey(key: unknown): asserts key is string {
  if (typeof key !== "string" || key.length === 0 || key.length > 255) {
    throw new LinkpayError(
      "INVALID_CHECKOUT_REQUEST",
      "idempotencyKey must be a string of 1–255 characters",
      { details: { length: typeof key === "string" ? key.length : typeof key } },
    );
  }
}

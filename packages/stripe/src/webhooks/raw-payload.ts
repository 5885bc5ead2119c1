/**
 * @module
 * Turns the raw webhook body into the exact text Stripe signed.
 */
import { LinkpayError } from "@linkpay/core";

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (value instanceof ArrayBuffer) return "an ArrayBuffer (wrap it: new Uint8Array(buffer))";
  return typeof value === "object" ? "an object" : typeof value;
}

/**
 * Refuses anything but raw bytes or text: a developer mistake, reported before anything else.
 *
 * @throws LinkpayError CONFIG_INVALID for a parsed body (a JSON parser ran before the route).
 */
export function assertRawBody(rawBody: unknown): asserts rawBody is string | Uint8Array {
  if (typeof rawBody === "string" || rawBody instanceof Uint8Array) return;
  const got = describe(rawBody);
  const cause =
    rawBody === undefined || rawBody === null
      ? "the webhook route did not read the request body"
      : "a JSON parser ran first";
  throw new LinkpayError(
    "CONFIG_INVALID",
    `rawBody must be the raw request bytes or text, got ${got}: ${cause}. Stripe signs the exact ` +
      "bytes it sent, so mount a raw body reader on the webhook route (for example " +
      "express.raw({ type: 'application/json' })) before any JSON parser",
    { details: { rawBodyType: got } },
  );
}

/**
 * The text Stripe signed. Bytes are decoded as strict UTF-8 keeping a byte-order mark, so the text
 * re-encodes to exactly the bytes received (the SDK's own decoding would drop a BOM and replace
 * invalid bytes, verifying other bytes than those that arrived).
 *
 * @throws LinkpayError WEBHOOK_SIGNATURE_INVALID for bytes that are not UTF-8 (Stripe signs UTF-8).
 */
export function payloadText(rawBody: string | Uint8Array): string {
  if (typeof rawBody === "string") return rawBody;
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(rawBody);
  } catch {
    throw new LinkpayError(
      "WEBHOOK_SIGNATURE_INVALID",
      "The webhook body is not valid UTF-8, so it is not what Stripe signed",
      { details: { bodyBytes: rawBody.byteLength } },
    );
  }
}

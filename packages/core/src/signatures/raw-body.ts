/**
 * @module
 * Guards that the webhook body is the raw request body, exactly as received.
 */
import { LinkpayError } from "../errors";

/** A webhook body exactly as received: the raw bytes, or the UTF-8 text they decode to. */
export type RawBody = string | Uint8Array;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Returns the bytes of a raw webhook body (a string is taken as its UTF-8 encoding).
 *
 * @throws LinkpayError CONFIG_INVALID when `rawBody` is not a string or a Uint8Array (typically a
 *   JSON body parser ran before the webhook route), or is a string that no UTF-8 bytes decode to.
 */
export function rawBodyBytes(rawBody: unknown): Buffer {
  if (typeof rawBody === "string") {
    if (LONE_SURROGATE.test(rawBody)) {
      throw new LinkpayError(
        "CONFIG_INVALID",
        "rawBody is a string with unpaired UTF-16 surrogates, so it is not the text that was " +
          "received (it was built or re-serialized in JavaScript): pass the raw request bytes",
      );
    }
    return Buffer.from(rawBody, "utf8");
  }
  if (rawBody instanceof Uint8Array) {
    return Buffer.from(rawBody.buffer, rawBody.byteOffset, rawBody.byteLength);
  }
  throw new LinkpayError("CONFIG_INVALID", describeWrongBody(rawBody), {
    details: { rawBodyType: typeOf(rawBody) },
  });
}

/**
 * Decodes raw body bytes as strict UTF-8 (a byte-order mark is kept); undefined when invalid.
 */
export function decodeUtf8Strictly(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function describeWrongBody(rawBody: unknown): string {
  if (rawBody instanceof ArrayBuffer) {
    return "rawBody is an ArrayBuffer: wrap it as new Uint8Array(buffer)";
  }
  if (rawBody === undefined || rawBody === null) {
    return (
      `rawBody is ${String(rawBody)}: the webhook route must read the raw request body ` +
      "(for example express.raw({ type: '*/*' }) or await request.arrayBuffer())"
    );
  }
  return (
    `rawBody must be the raw request bytes or text, got ${typeOf(rawBody)}: ` +
    "a JSON parser ran before the webhook route; signatures cover the exact bytes sent, " +
    "so mount a raw body reader on the webhook route instead"
  );
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return `an object (${value.constructor?.name ?? "no prototype"})`;
  return typeof value;
}

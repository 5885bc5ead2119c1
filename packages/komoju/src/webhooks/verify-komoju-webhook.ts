/**
 * @module
 * Verifies a KOMOJU webhook delivery: the `X-Komoju-Signature` header must be one 64-digit
 * lower-case hex HMAC-SHA256 of the raw body bytes under one of the configured secret tokens
 * (several while rotating), compared in constant time. Only then is the body parsed. KOMOJU signs
 * no timestamp, so nothing here limits replays: the mapping re-fetches the session instead.
 */
import { LinkpayError } from "@linkpay/core";
import {
  decodeUtf8Strictly,
  getHeaderValues,
  type HeaderRecord,
  hmacSha256,
  rawBodyBytes,
  safeEqual,
} from "@linkpay/core/provider-kit";
import { KOMOJU_SIGNATURE_HEADER } from "./komoju-headers";

/** Input of {@link verifyKomojuWebhook}. */
export interface VerifyKomojuWebhookInput {
  /** The body exactly as received; anything else is refused as CONFIG_INVALID. */
  readonly rawBody: unknown;
  readonly headers: HeaderRecord;
  /** Every valid secret token, already checked at construction. */
  readonly secrets: readonly string[];
}

const SIGNATURE = /^[0-9a-f]{64}$/;

function readSignature(headers: HeaderRecord): string {
  const values = getHeaderValues(headers, KOMOJU_SIGNATURE_HEADER).filter((value) => value !== "");
  const [first] = values;
  if (first === undefined) {
    throw new LinkpayError(
      "WEBHOOK_SIGNATURE_MISSING",
      "The delivery has no X-Komoju-Signature header: it did not come from KOMOJU, or a proxy dropped it",
      { details: { header: KOMOJU_SIGNATURE_HEADER } },
    );
  }
  if (values.some((value) => value !== first)) {
    throw new LinkpayError(
      "WEBHOOK_SIGNATURE_MALFORMED",
      "X-Komoju-Signature occurs several times with different values",
      { details: { header: KOMOJU_SIGNATURE_HEADER, count: values.length } },
    );
  }
  if (!SIGNATURE.test(first)) {
    throw new LinkpayError(
      "WEBHOOK_SIGNATURE_MALFORMED",
      "X-Komoju-Signature is not 64 lower-case hex digits",
      { details: { header: KOMOJU_SIGNATURE_HEADER, length: first.length } },
    );
  }
  return first;
}

function payloadInvalid(message: string, bytes: number, cause?: unknown): LinkpayError {
  return new LinkpayError("WEBHOOK_PAYLOAD_INVALID", message, {
    cause,
    details: { bodyBytes: bytes },
  });
}

/**
 * Returns the parsed JSON when the delivery is authentic. Order: raw body (CONFIG_INVALID),
 * header present (WEBHOOK_SIGNATURE_MISSING) and well-formed (WEBHOOK_SIGNATURE_MALFORMED),
 * signature (WEBHOOK_SIGNATURE_INVALID when no secret matches), then the body
 * (WEBHOOK_PAYLOAD_INVALID when an authentic body is not JSON).
 */
export function verifyKomojuWebhook(input: VerifyKomojuWebhookInput): unknown {
  const bytes = rawBodyBytes(input.rawBody);
  const signature = readSignature(input.headers);
  let matched = false;
  for (const secret of input.secrets) {
    // Every secret is tried, so the time taken does not tell which one matched.
    if (safeEqual(hmacSha256({ key: secret, data: bytes, encoding: "hex" }), signature)) {
      matched = true;
    }
  }
  if (!matched) {
    throw new LinkpayError(
      "WEBHOOK_SIGNATURE_INVALID",
      "X-Komoju-Signature matches no configured webhook secret: the body was changed (a JSON " +
        "parser ran before the webhook route?) or the secret is not this webhook's",
      { details: { header: KOMOJU_SIGNATURE_HEADER, secrets: input.secrets.length } },
    );
  }
  const text = typeof input.rawBody === "string" ? input.rawBody : decodeUtf8Strictly(bytes);
  if (text === undefined)
    throw payloadInvalid("The signed webhook body is not valid UTF-8", bytes.length);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw payloadInvalid(
      "The webhook is signed correctly but its body is not JSON",
      bytes.length,
      error,
    );
  }
}

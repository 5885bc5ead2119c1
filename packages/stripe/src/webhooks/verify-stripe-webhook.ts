/**
 * @module
 * Verifies a Stripe webhook delivery once: the `Stripe-Signature` header is parsed strictly (the
 * SDK's parser is lenient: `t=12abc` reads as 12), the timestamp window is checked in both
 * directions (the SDK accepts any future timestamp), and the HMAC is core's timestamped HMAC —
 * Stripe's scheme exactly: hex HMAC-SHA256 of `${t}.${body}` keyed with the whole `whsec_…`
 * string, every configured secret against every `v1` signature, in constant time (rotation).
 * Only then is the body parsed. Tests cross-check it against stripe-node's own signer.
 */
import { createHash } from "node:crypto";
import { LinkpayError } from "@linkpay/core";
import {
  decodeUtf8Strictly,
  type HeaderRecord,
  rawBodyBytes,
  verifyTimestampedHmac,
} from "@linkpay/core/provider-kit";
import { parseSignatureHeader, readSignatureHeader } from "./signature-header";

/** Input of {@link verifyStripeWebhook}. */
export interface VerifyStripeWebhookInput {
  /** The body exactly as received; anything else is refused as CONFIG_INVALID. */
  readonly rawBody: unknown;
  readonly headers: HeaderRecord;
  /** Every valid signing secret, already checked at construction. */
  readonly secrets: readonly string[];
  readonly toleranceSeconds: number;
  readonly now: Date;
}

/** An authentic delivery: its parsed JSON, and the SHA-256 (hex) of the bytes that were signed. */
export interface VerifiedStripeDelivery {
  readonly json: unknown;
  readonly payloadDigest: string;
}

function payloadInvalid(message: string, details: Record<string, unknown>, cause?: unknown) {
  return new LinkpayError("WEBHOOK_PAYLOAD_INVALID", message, { cause, details });
}

/**
 * Returns the parsed event JSON when the delivery is authentic, with the digest of its bytes (what
 * the store keeps as the event's `payloadDigest`: the bytes are at hand, so the parsed JSON need
 * not be serialized again to be hashed). Order: raw body (CONFIG_INVALID),
 * header present (WEBHOOK_SIGNATURE_MISSING) and well-formed (WEBHOOK_SIGNATURE_MALFORMED),
 * timestamp (WEBHOOK_TIMESTAMP_TOO_OLD / _IN_FUTURE), signature (WEBHOOK_SIGNATURE_INVALID when no
 * v1 signature matches any secret), then the body (WEBHOOK_PAYLOAD_INVALID when an authentic body
 * is not a Stripe event).
 */
export function verifyStripeWebhook(input: VerifyStripeWebhookInput): VerifiedStripeDelivery {
  const { rawBody, secrets, toleranceSeconds, now } = input;
  const bytes = rawBodyBytes(rawBody);
  const header = parseSignatureHeader(readSignatureHeader(input.headers));
  verifyTimestampedHmac({
    rawBody: bytes,
    timestamp: header.timestamp,
    signatures: header.signatures,
    secrets,
    encoding: "hex",
    toleranceSeconds,
    now,
  });
  // Strict UTF-8 keeping a byte-order mark: the bytes were signed, so the text must be them.
  const text = typeof rawBody === "string" ? rawBody : decodeUtf8Strictly(bytes);
  const details = { bodyBytes: bytes.length };
  if (text === undefined)
    throw payloadInvalid("The signed webhook body is not valid UTF-8", details);
  let event: unknown;
  try {
    event = JSON.parse(text);
  } catch (error) {
    throw payloadInvalid(
      "The webhook is signed correctly but its body is not JSON",
      details,
      error,
    );
  }
  if (typeof event !== "object" || event === null || Reflect.get(event, "object") !== "event") {
    throw payloadInvalid(
      "The webhook is signed correctly but its body is not a Stripe snapshot event",
      details,
    );
  }
  return { json: event, payloadDigest: createHash("sha256").update(bytes).digest("hex") };
}

/**
 * @module
 * Verifies a Stripe webhook delivery with the official SDK, plus the checks it leaves out:
 * a strict header, a timestamp window in both directions (the SDK accepts any future
 * timestamp), and secret rotation (several secrets, any one matching).
 */
import { LinkpayError } from "@linkpay/core";
import {
  assertTimestampWithinTolerance,
  decodeUtf8Strictly,
  type HeaderRecord,
  rawBodyBytes,
} from "@linkpay/core/provider-kit";
import Stripe from "stripe";
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
  /** The SDK's webhook helper (`stripe.webhooks`). */
  readonly webhooks: Stripe["webhooks"];
}

/**
 * Returns the parsed event JSON when the delivery is authentic. Order: raw body (CONFIG_INVALID),
 * header present (WEBHOOK_SIGNATURE_MISSING) and well-formed (WEBHOOK_SIGNATURE_MALFORMED),
 * timestamp (WEBHOOK_TIMESTAMP_TOO_OLD / _IN_FUTURE), then `constructEvent` per secret
 * (WEBHOOK_SIGNATURE_INVALID when none matches; WEBHOOK_PAYLOAD_INVALID when an authentic body
 * is not a Stripe event).
 */
export function verifyStripeWebhook(input: VerifyStripeWebhookInput): unknown {
  const { rawBody, secrets, toleranceSeconds, now } = input;
  const bytes = rawBodyBytes(rawBody);
  const header = parseSignatureHeader(readSignatureHeader(input.headers));
  assertTimestampWithinTolerance({ timestamp: header.timestamp, now, toleranceSeconds });
  // Strict UTF-8 keeping a byte-order mark, so the text re-encodes to exactly the bytes received
  // (the SDK's own decoding would drop a BOM and replace invalid bytes).
  const payload = typeof rawBody === "string" ? rawBody : decodeUtf8Strictly(bytes);
  if (payload === undefined) {
    throw new LinkpayError(
      "WEBHOOK_SIGNATURE_INVALID",
      "The webhook body is not valid UTF-8, so it is not what Stripe signed",
      { details: { bodyBytes: bytes.length } },
    );
  }
  for (const secret of secrets) {
    try {
      return input.webhooks.constructEvent(
        payload,
        header.value,
        secret,
        toleranceSeconds,
        undefined,
        now.getTime(),
      );
    } catch (error) {
      if (error instanceof Stripe.errors.StripeSignatureVerificationError) continue;
      // The signature matched (the SDK parses only after verifying), but the body is not an event.
      throw new LinkpayError(
        "WEBHOOK_PAYLOAD_INVALID",
        "The webhook is signed correctly but its body is not a Stripe snapshot event",
        { cause: error, details: { bodyBytes: Buffer.byteLength(payload) } },
      );
    }
  }
  throw new LinkpayError(
    "WEBHOOK_SIGNATURE_INVALID",
    `None of the ${header.signatures.length} v1 signature(s) matches any of the ` +
      `${secrets.length} configured secret(s). If the sender is genuine: pass the raw request ` +
      "bytes exactly as received (a parsed and re-serialized body no longer matches), and check " +
      "the secret belongs to this endpoint and mode (test or live)",
    {
      details: {
        signatureCount: header.signatures.length,
        secretCount: secrets.length,
        timestamp: header.timestamp,
        bodyBytes: Buffer.byteLength(payload),
      },
    },
  );
}

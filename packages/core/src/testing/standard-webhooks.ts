/**
 * @module
 * Standard Webhooks (https://www.standardwebhooks.com) verification and signing, delegating the
 * cryptography to the official `standardwebhooks` package. Only the fake provider signs this way
 * (no provider linkpay supports does), so it lives with the test support.
 *
 * Why not call the package's `verify()`: it reads `Date.now()` (no injectable clock), has a fixed
 * 5-minute window, reports every failure as one error class, parses the timestamp header leniently
 * (`parseInt`: "1614265330abc" passes and is signed as 1614265330) and JSON-parses the payload.
 * Instead this module checks headers and the replay window itself, computes the expected signature
 * with the package's `sign()` for the received id and timestamp, and compares in constant time:
 * the HMAC is still the package's, while the tolerance is configurable and every failure gets its
 * own error code.
 */
import { Webhook } from "standardwebhooks";
import { LinkpayError } from "../errors";
import { getHeaderValues, type HeaderRecord } from "../signatures/header-lookup";
import { safeEqual } from "../signatures/hmac";
import { decodeUtf8Strictly, type RawBody, rawBodyBytes } from "../signatures/raw-body";
import { assertUsableSecrets } from "../signatures/secrets";
import {
  assertTimestampWithinTolerance,
  assertTolerance,
  DEFAULT_TOLERANCE_SECONDS,
  parseUnixTimestamp,
} from "../signatures/timestamp";
import { mismatchMessage } from "../signatures/timestamped-hmac";

/** The three Standard Webhooks header names (lowercase). */
export const STANDARD_WEBHOOK_HEADERS = {
  id: "webhook-id",
  timestamp: "webhook-timestamp",
  signature: "webhook-signature",
} as const;

/** The headers a Standard Webhooks sender sets. */
export type StandardWebhookHeaders = Record<
  (typeof STANDARD_WEBHOOK_HEADERS)[keyof typeof STANDARD_WEBHOOK_HEADERS],
  string
>;

/** Input of {@link verifyStandardWebhook}. */
export interface VerifyStandardWebhookInput {
  /** The request body exactly as received: raw bytes (must be UTF-8), or their exact text. */
  readonly rawBody: RawBody;
  /** The request headers; names are matched case-insensitively. */
  readonly headers: HeaderRecord;
  /** Every currently valid `whsec_…` secret (during rotation: old and new). */
  readonly secrets: string | readonly string[];
  /** Replay window in seconds, a positive integer; defaults to {@link DEFAULT_TOLERANCE_SECONDS}. */
  readonly toleranceSeconds?: number | undefined;
  /** The current time; defaults to `new Date()`. */
  readonly now?: Date | undefined;
}

/** An authentic Standard Webhooks message. */
export interface VerifiedStandardWebhook {
  /** The `webhook-id`: the sender's idempotency key for this message. */
  readonly id: string;
  /** The signed `webhook-timestamp`, in unix seconds. */
  readonly timestamp: number;
  /** The verified body as UTF-8 text (not parsed). */
  readonly payload: string;
}

/** Input of {@link signStandardWebhook}. */
export interface SignStandardWebhookInput {
  /** The message id to send as `webhook-id`. */
  readonly id: string;
  /** When the message is sent: a Date, or unix seconds. */
  readonly timestamp: Date | number;
  /** The body to sign (bytes must be UTF-8). */
  readonly rawBody: RawBody;
  /** The `whsec_…` secret to sign with. */
  readonly secret: string;
}

const V1_SIGNATURE = /^[A-Za-z0-9+/]{43}=$/;
const SIGNATURE_ENTRY = /^(v[0-9]+[a-z]*),([^,\s]+)$/;
const SECRET_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Verifies a Standard Webhooks message and returns its id, timestamp and text payload.
 *
 * Order: configuration (CONFIG_INVALID), headers present (WEBHOOK_SIGNATURE_MISSING) and
 * well-formed (WEBHOOK_SIGNATURE_MALFORMED), replay window (WEBHOOK_TIMESTAMP_TOO_OLD /
 * WEBHOOK_TIMESTAMP_IN_FUTURE), then the signatures: accepted when any `v1` signature matches
 * any secret; otherwise WEBHOOK_SIGNATURE_INVALID. A `webhook-signature` header sent several
 * times is joined with a space (the format's own separator), also when a proxy folded the copies
 * into one ", "-separated value; a repeated `webhook-id` or `webhook-timestamp` with differing
 * values is malformed.
 */
export function verifyStandardWebhook(input: VerifyStandardWebhookInput): VerifiedStandardWebhook {
  const toleranceSeconds = input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const body = rawBodyBytes(input.rawBody);
  const webhooks = toWebhooks(input.secrets, "secrets");
  assertTolerance(toleranceSeconds);

  const { id, timestampText, signatureText } = readHeaders(input.headers);
  const timestamp = parseUnixTimestamp(timestampText, STANDARD_WEBHOOK_HEADERS.timestamp);
  const { v1: signatures, versions } = parseSignatureHeader(signatureText);
  assertTimestampWithinTolerance({ timestamp, now: input.now ?? new Date(), toleranceSeconds });
  if (signatures.length === 0) throw noV1Signature(versions);

  const payload = typeof input.rawBody === "string" ? input.rawBody : decodeUtf8Strictly(body);
  if (payload === undefined) {
    throw new LinkpayError(
      "WEBHOOK_SIGNATURE_INVALID",
      "the body is not valid UTF-8: Standard Webhooks signs UTF-8 text, so these bytes cannot " +
        "be verified (if the sender is genuine, the body was re-encoded on the way)",
      { details: { bodyBytes: body.length } },
    );
  }
  const signedAt = new Date(timestamp * 1000);
  let matched = false;
  for (const webhook of webhooks) {
    const expected = stripVersion(webhook.sign(id, signedAt, payload));
    for (const signature of signatures) {
      // No short-circuit: every pair is compared, each in constant time.
      matched = safeEqual(expected, signature) || matched;
    }
  }
  if (!matched) {
    throw new LinkpayError(
      "WEBHOOK_SIGNATURE_INVALID",
      mismatchMessage(input.rawBody, signatures.length, webhooks.length),
      {
        details: {
          signatureCount: signatures.length,
          secretCount: webhooks.length,
          bodyBytes: body.length,
          timestamp,
        },
      },
    );
  }
  return { id, timestamp, payload };
}

/** Signs like a Standard Webhooks sender (for tests and local simulators): returns the headers. */
export function signStandardWebhook(input: SignStandardWebhookInput): StandardWebhookHeaders {
  const { id, timestamp } = input;
  if (typeof id !== "string" || id.trim() === "") {
    throw new LinkpayError("CONFIG_INVALID", "id must be a non-empty string");
  }
  const seconds = timestamp instanceof Date ? Math.floor(timestamp.getTime() / 1000) : timestamp;
  if (!Number.isSafeInteger(seconds)) {
    throw new LinkpayError(
      "CONFIG_INVALID",
      "timestamp must be a valid Date or whole unix seconds",
    );
  }
  const [webhook] = toWebhooks(input.secret, "secret");
  const body = rawBodyBytes(input.rawBody);
  const payload = typeof input.rawBody === "string" ? input.rawBody : decodeUtf8Strictly(body);
  if (webhook === undefined || payload === undefined) {
    throw new LinkpayError("CONFIG_INVALID", "rawBody must be UTF-8 for Standard Webhooks");
  }
  return {
    "webhook-id": id,
    "webhook-timestamp": String(seconds),
    "webhook-signature": webhook.sign(id, new Date(seconds * 1000), payload),
  };
}

function toWebhooks(configured: string | readonly string[], label: string): readonly Webhook[] {
  const secrets = assertUsableSecrets(configured, label);
  return secrets.map((secret, index) => {
    const name = typeof configured === "string" ? label : `${label}[${index}]`;
    const base64 = secret.startsWith("whsec_") ? secret.slice("whsec_".length) : secret;
    if (base64 === "" || !SECRET_BASE64.test(base64)) {
      throw new LinkpayError(
        "CONFIG_INVALID",
        `${name} is not a Standard Webhooks secret: expected "whsec_" followed by padded base64` +
          (/^[A-Za-z0-9+/]+$/.test(base64) ? " (its length suggests it was truncated)" : ""),
        { details: { label, index } },
      );
    }
    try {
      return new Webhook(secret);
    } catch (cause) {
      throw new LinkpayError("CONFIG_INVALID", `${name} was refused by standardwebhooks`, {
        details: { label, index },
        cause,
      });
    }
  });
}

function readHeaders(headers: HeaderRecord): {
  id: string;
  timestampText: string;
  signatureText: string;
} {
  if (typeof headers !== "object" || headers === null) {
    throw new LinkpayError("CONFIG_INVALID", "headers must be a record of request headers");
  }
  const id = single(headers, STANDARD_WEBHOOK_HEADERS.id);
  const timestampText = single(headers, STANDARD_WEBHOOK_HEADERS.timestamp);
  const signatureText = getHeaderValues(headers, STANDARD_WEBHOOK_HEADERS.signature)
    .map((value) => value.trim())
    .filter((value) => value !== "")
    .join(" ");
  const missing = [
    id === "" ? STANDARD_WEBHOOK_HEADERS.id : undefined,
    timestampText === "" ? STANDARD_WEBHOOK_HEADERS.timestamp : undefined,
    signatureText === "" ? STANDARD_WEBHOOK_HEADERS.signature : undefined,
  ].filter((name) => name !== undefined);
  if (missing.length > 0) {
    throw new LinkpayError(
      "WEBHOOK_SIGNATURE_MISSING",
      `missing or empty header(s): ${missing.join(", ")} (is this a Standard Webhooks sender, ` +
        "and does a proxy strip these headers?)",
      { details: { missing } },
    );
  }
  return { id, timestampText, signatureText };
}

/** The one value of a header that must not repeat; "" when absent or empty. */
function single(headers: HeaderRecord, name: string): string {
  const values = [...new Set(getHeaderValues(headers, name).map((value) => value.trim()))].filter(
    (value) => value !== "",
  );
  if (values.length > 1) {
    throw new LinkpayError(
      "WEBHOOK_SIGNATURE_MALFORMED",
      `header ${name} was sent ${values.length} times with different values`,
      { details: { header: name } },
    );
  }
  return values[0] ?? "";
}

/** The `v1` signatures (base64 text) of a webhook-signature header; other versions are skipped. */
function parseSignatureHeader(text: string): {
  v1: readonly string[];
  versions: readonly string[];
} {
  const entries = text
    .split(/\s+/)
    .filter((entry) => entry !== "")
    // A proxy folding repeated headers joins them with ", "; base64 never ends with ",".
    .map((entry) => (entry.endsWith(",") ? entry.slice(0, -1) : entry));
  const v1: string[] = [];
  const versions = new Set<string>();
  entries.forEach((entry, index) => {
    const match = SIGNATURE_ENTRY.exec(entry);
    const version = match?.[1];
    const signature = match?.[2];
    if (version === undefined || signature === undefined) {
      throw malformed(`entry ${index} is not "<version>,<signature>"`);
    }
    versions.add(version);
    if (version !== "v1") return;
    if (!V1_SIGNATURE.test(signature)) {
      throw malformed(
        `v1 entry ${index} is not a base64 HMAC-SHA256 (44 characters), got ${signature.length} characters`,
      );
    }
    v1.push(signature);
  });
  return { v1, versions: [...versions] };
}

function noV1Signature(versions: readonly string[]): LinkpayError {
  return new LinkpayError(
    "WEBHOOK_SIGNATURE_INVALID",
    `${STANDARD_WEBHOOK_HEADERS.signature} has no v1 (HMAC-SHA256) signature, only ` +
      `${versions.join(", ")}; other versions (e.g. v1a, asymmetric) are not supported`,
    { details: { versions } },
  );
}

function malformed(problem: string): LinkpayError {
  return new LinkpayError(
    "WEBHOOK_SIGNATURE_MALFORMED",
    `${STANDARD_WEBHOOK_HEADERS.signature} is malformed: ${problem}; expected space-separated ` +
      `"v1,<base64>" entries`,
    { details: { header: STANDARD_WEBHOOK_HEADERS.signature } },
  );
}

function stripVersion(versioned: string): string {
  const comma = versioned.indexOf(",");
  return versioned.slice(comma + 1);
}

/**
 * @module
 * A generic verifier for webhook schemes that HMAC-SHA256 a timestamp joined to the raw body
 * (by default `${timestamp}.${body}`), with secret rotation and a replay window.
 */
import { LinkpayError } from "../errors";
import { assertEncoding, hmacSha256, macsEqual, type SignatureEncoding } from "./hmac";
import { type RawBody, rawBodyBytes } from "./raw-body";
import { assertUsableSecrets } from "./secrets";
import {
  assertTimestampWithinTolerance,
  assertTolerance,
  DEFAULT_TOLERANCE_SECONDS,
} from "./timestamp";

/** Builds the exact bytes a scheme signs from the timestamp (unix seconds) and the raw body. */
export type SignedContent = (timestamp: number, body: Buffer) => Uint8Array;

/** The default signed content: the decimal timestamp, a dot, then the raw body bytes. */
export const defaultSignedContent: SignedContent = (timestamp, body) =>
  Buffer.concat([Buffer.from(`${timestamp}.`, "utf8"), body]);

/** Input of {@link verifyTimestampedHmac}. */
export interface VerifyTimestampedHmacInput {
  /** The request body exactly as received: raw bytes, or their exact UTF-8 text. */
  readonly rawBody: RawBody;
  /** The signed timestamp, in whole unix seconds, as parsed from the provider's header. */
  readonly timestamp: number;
  /** Every signature the provider sent (any one matching is enough). */
  readonly signatures: readonly string[];
  /** Every currently valid secret (during rotation: old and new); any one matching is enough. */
  readonly secrets: readonly string[];
  /** What the provider signs; defaults to {@link defaultSignedContent}. */
  readonly signedContent?: SignedContent | undefined;
  /** How the provider writes the MAC: hex (case-insensitive) or padded standard base64. */
  readonly encoding: SignatureEncoding;
  /** Replay window in seconds, a positive integer; defaults to {@link DEFAULT_TOLERANCE_SECONDS}. */
  readonly toleranceSeconds?: number | undefined;
  /** The current time; defaults to `new Date()`. */
  readonly now?: Date | undefined;
}

/** Input of {@link signTimestampedHmac}. */
export interface SignTimestampedHmacInput {
  /** The body to sign. */
  readonly rawBody: RawBody;
  /** The timestamp to sign, in whole unix seconds. */
  readonly timestamp: number;
  /** The secret to sign with. */
  readonly secret: string;
  /** What to sign; defaults to {@link defaultSignedContent}. */
  readonly signedContent?: SignedContent | undefined;
  /** How to write the MAC. */
  readonly encoding: SignatureEncoding;
}

const SHAPES: Record<SignatureEncoding, { pattern: RegExp; description: string }> = {
  hex: { pattern: /^[0-9a-fA-F]{64}$/, description: "64 hex characters" },
  base64: { pattern: /^[A-Za-z0-9+/]{43}=$/, description: "44 characters of padded base64" },
};

/**
 * Verifies a timestamped HMAC-SHA256 webhook signature; returns normally only when authentic.
 *
 * Order: configuration (CONFIG_INVALID), signatures present (WEBHOOK_SIGNATURE_MISSING) and
 * well-formed (WEBHOOK_SIGNATURE_MALFORMED), then the replay window (WEBHOOK_TIMESTAMP_TOO_OLD /
 * WEBHOOK_TIMESTAMP_IN_FUTURE), and only then the MACs: accepted when any signature matches
 * any secret, compared in constant time; otherwise WEBHOOK_SIGNATURE_INVALID.
 */
export function verifyTimestampedHmac(input: VerifyTimestampedHmacInput): void {
  const { timestamp, encoding, signedContent = defaultSignedContent } = input;
  const toleranceSeconds = input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  assertEncoding(encoding);
  const body = rawBodyBytes(input.rawBody);
  const secrets = assertUsableSecrets(input.secrets, "secrets");
  assertTolerance(toleranceSeconds);
  const signatures = checkSignatures(input.signatures, encoding);
  assertTimestampWithinTolerance({ timestamp, now: input.now ?? new Date(), toleranceSeconds });

  const content = signedContent(timestamp, body);
  let matched = false;
  for (const secret of secrets) {
    const expected = hmacSha256({ key: secret, data: content, encoding });
    for (const signature of signatures) {
      // No short-circuit: every pair is compared, each in constant time (the shapes were checked,
      // so both sides have the encoding's fixed length).
      matched = macsEqual(expected, signature) || matched;
    }
  }
  if (!matched) {
    throw new LinkpayError(
      "WEBHOOK_SIGNATURE_INVALID",
      mismatchMessage(input.rawBody, signatures.length, secrets.length),
      {
        details: {
          signatureCount: signatures.length,
          secretCount: secrets.length,
          bodyBytes: body.length,
          timestamp,
        },
      },
    );
  }
}

/** Signs like a provider would (for tests and local simulators): returns the encoded MAC. */
export function signTimestampedHmac(input: SignTimestampedHmacInput): string {
  const { timestamp, encoding, signedContent = defaultSignedContent } = input;
  assertEncoding(encoding);
  if (!Number.isSafeInteger(timestamp)) {
    throw new LinkpayError(
      "CONFIG_INVALID",
      `timestamp must be whole unix seconds, got ${String(timestamp)}`,
    );
  }
  const [secret = ""] = assertUsableSecrets(input.secret, "secret");
  const content = signedContent(timestamp, rawBodyBytes(input.rawBody));
  return hmacSha256({ key: secret, data: content, encoding });
}

/** Builds the diagnosis for a signature that matches no secret (never quoting secrets or MACs). */
export function mismatchMessage(rawBody: unknown, signatures: number, secrets: number): string {
  const base = `none of the ${signatures} signature(s) matches any of the ${secrets} configured secret(s).`;
  if (rawBody === "[object Object]") {
    return (
      `${base} The body is the string "[object Object]": an object was converted to text; ` +
      "pass the raw request bytes"
    );
  }
  return (
    `${base} If the sender is genuine: pass the raw request bytes exactly as received ` +
    "(a body that was parsed and re-serialized, re-encoded or trimmed no longer matches), " +
    "and check the secret belongs to this endpoint and environment (test vs live)"
  );
}

function checkSignatures(signatures: unknown, encoding: SignatureEncoding): readonly string[] {
  if (!Array.isArray(signatures)) {
    throw new LinkpayError(
      "CONFIG_INVALID",
      "signatures must be a list of strings (pass [] when the header is absent)",
    );
  }
  const list: readonly unknown[] = signatures;
  if (list.every((signature) => signature === "" || signature === undefined)) {
    throw new LinkpayError("WEBHOOK_SIGNATURE_MISSING", "the webhook carries no signature", {
      details: { signatureCount: 0 },
    });
  }
  const shape = SHAPES[encoding];
  return list.map((signature, index) => {
    if (typeof signature !== "string" || !shape.pattern.test(signature)) {
      const got =
        typeof signature === "string" ? `${signature.length} characters` : typeof signature;
      const hint =
        typeof signature === "string" && signature.trim() !== signature
          ? " (it has surrounding whitespace)"
          : "";
      throw new LinkpayError(
        "WEBHOOK_SIGNATURE_MALFORMED",
        `signature ${index} is not an HMAC-SHA256 in ${shape.description}, got ${got}${hint}`,
        { details: { index, encoding } },
      );
    }
    return encoding === "hex" ? signature.toLowerCase() : signature;
  });
}

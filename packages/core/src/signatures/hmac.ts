/**
 * @module
 * HMAC-SHA256 and constant-time string comparison, on top of `node:crypto`.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { LinkpayError } from "../errors";

/** Text encodings a signature can be written in. */
export type SignatureEncoding = "hex" | "base64";

/** Input of {@link hmacSha256}. */
export interface HmacSha256Input {
  /** The secret key; a string is used as its UTF-8 bytes. */
  readonly key: string | Uint8Array;
  /** The bytes to authenticate; a string is used as its UTF-8 bytes. */
  readonly data: string | Uint8Array;
  /** How to write the 32-byte MAC: lowercase hex or padded standard base64. */
  readonly encoding: SignatureEncoding;
}

/** Computes HMAC-SHA256 of `data` under `key`, written as lowercase hex or padded base64. */
export function hmacSha256({ key, data, encoding }: HmacSha256Input): string {
  assertEncoding(encoding);
  return createHmac("sha256", key).update(data).digest(encoding);
}

/**
 * Compares two strings in time independent of their content.
 *
 * Both sides are hashed to fixed-length SHA-256 digests which are compared with
 * `timingSafeEqual`, so strings of different lengths are rejected without a
 * short-circuiting content comparison (only the lengths, which are public, matter).
 */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  const digestsEqual = timingSafeEqual(sha256(left), sha256(right));
  return digestsEqual && left.length === right.length;
}

/**
 * Compares a computed MAC with a received one, both encoded the same way, in constant time. For
 * MACs whose length is fixed by the encoding and checked beforehand (public, like the scheme), so
 * the lengths are compared first and the bytes directly: {@link safeEqual}'s hashing, which hides
 * how long a secret token is, would only add two SHA-256 per signature here.
 */
export function macsEqual(expected: string, received: string): boolean {
  const left = Buffer.from(expected, "utf8");
  const right = Buffer.from(received, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Throws CONFIG_INVALID unless `encoding` is one of {@link SignatureEncoding}. */
export function assertEncoding(encoding: unknown): asserts encoding is SignatureEncoding {
  if (encoding !== "hex" && encoding !== "base64") {
    throw new LinkpayError(
      "CONFIG_INVALID",
      `signature encoding must be "hex" or "base64", got ${describe(encoding)}`,
    );
  }
}

function sha256(bytes: Buffer): Buffer {
  return createHash("sha256").update(bytes).digest();
}

function describe(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value.slice(0, 20)) : typeof value;
}

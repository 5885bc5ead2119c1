/**
 * @module
 * Booking references and access tokens. The reference is shown on receipts and read out on the
 * phone, so it is short and guessable in principle; the token in every link is an HMAC of it
 * under the app's secret, so only someone who received a link (or proved the e-mail address) can
 * open a booking. Nothing is stored for tokens; they are recomputed and compared in constant time.
 */
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";

// No 0/O, 1/I/L: read out on the phone without confusion.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** A new booking reference such as `RC-7KQ2M9XA`. */
export function newReference(): string {
  let code = "";
  for (let index = 0; index < 8; index++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `RC-${code}`;
}

/** True for something shaped like a reference (checked before any lookup). */
export function isReference(value: string): boolean {
  return /^RC-[2-9A-HJKMNP-Z]{8}$/.test(value);
}

/** The access token of a booking's links. */
export function accessToken(secret: string, reference: string): string {
  return createHmac("sha256", secret).update(`booking:${reference}`).digest("base64url");
}

/** True when `token` opens `reference`. */
export function isAccessToken(secret: string, reference: string, token: unknown): boolean {
  if (typeof token !== "string") return false;
  const expected = Buffer.from(accessToken(secret, reference));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

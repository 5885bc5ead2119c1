/**
 * @module
 * Booking references and the links that open them. The reference is shown on receipts and read
 * out on the phone, so it is short and guessable in principle; every link also carries a token
 * signed by linkpay's `createReturnLinks` under the app's secret, so only someone who received a
 * link (or proved the e-mail address) can open a booking. Nothing is stored for tokens.
 */
import { randomInt } from "node:crypto";
import { createReturnLinks, type ReturnLinks } from "@linkpay/core";

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

/** The signer of booking links (the return page, the booking page, the e-mail). */
export function bookingLinks(secret: string): ReturnLinks {
  return createReturnLinks({ secret, purpose: "booking" });
}

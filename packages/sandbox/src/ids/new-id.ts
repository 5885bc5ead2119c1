/**
 * @module
 * Stripe-style object ids (`cs_test_…`, `pi_…`, `evt_…`, `req_…`) from a cryptographic source, so
 * ids never collide across sandboxes and cannot be guessed from one another.
 */
import { randomInt } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Prefixes of the ids the sandbox hands out, with the length of their random part. */
const PREFIXES = {
  checkoutSession: ["cs_test_", 58],
  paymentIntent: ["pi_", 24],
  charge: ["ch_", 24],
  refund: ["re_", 24],
  event: ["evt_", 24],
  request: ["req_", 14],
  lineItem: ["li_", 24],
  price: ["price_", 24],
  product: ["prod_", 14],
  paymentMethod: ["pm_", 24],
  delivery: ["dlv_", 16],
  challenge: ["3ds_", 20],
} as const satisfies Record<string, readonly [string, number]>;

/** The kinds of object the sandbox creates ids for. */
export type IdKind = keyof typeof PREFIXES;

/** A random string of `length` characters from `[0-9A-Za-z]`. */
export function randomAlphanumeric(length: number): string {
  let text = "";
  for (let index = 0; index < length; index++) text += ALPHABET[randomInt(ALPHABET.length)];
  return text;
}

/** A random string of `length` decimal digits (konbini confirmation numbers, payment codes). */
export function randomDigits(length: number): string {
  let text = "";
  for (let index = 0; index < length; index++) text += String(randomInt(10));
  return text;
}

/**
 * A new id for an object of the given kind.
 *
 * @example
 * newId("paymentIntent"); // "pi_3Qx8…"
 */
export function newId(kind: IdKind): string {
  const [prefix, length] = PREFIXES[kind];
  return `${prefix}${randomAlphanumeric(length)}`;
}

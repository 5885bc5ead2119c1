/**
 * @module
 * KOMOJU-style ids: 25 lower-case letters and digits, without a prefix (KOMOJU's sessions,
 * payments, refunds and events all look alike), from a cryptographic source.
 */
import { randomInt } from "node:crypto";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/** A new KOMOJU id, e.g. `4o2f6wd2zrmvwx1oj3p0i4qk2`. */
export function komojuId(): string {
  let id = "";
  for (let index = 0; index < 25; index++) id += ALPHABET[randomInt(ALPHABET.length)];
  return id;
}

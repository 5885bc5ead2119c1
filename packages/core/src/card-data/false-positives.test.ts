import { describe, expect, it } from "@jest/globals";
import { CARD_BRANDS } from "./card-brands";
import { containsCardNumber } from "./find-card-numbers";

/**
 * How often the detector flags things that are not card numbers, on a corpus generated from a
 * fixed seed (the same corpus every run). The measured counts are recorded in docs/security.md
 * ("How precise the card-number detector is"); update both together.
 */

/** mulberry32: a small seeded generator, so the corpus is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

const int = (random: Random, min: number, max: number): number =>
  min + Math.floor(random() * (max - min + 1));
const pick = <T>(random: Random, items: readonly T[]): T =>
  items[int(random, 0, items.length - 1)] as T;
function chars(random: Random, alphabet: string, length: number): string {
  let text = "";
  for (let index = 0; index < length; index++)
    text += alphabet.charAt(int(random, 0, alphabet.length - 1));
  return text;
}
const digits = (random: Random, length: number): string => chars(random, "0123456789", length);
const pad = (value: number, length: number): string => String(value).padStart(length, "0");
const HEX = "0123456789abcdef";
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

function uuid(random: Random): string {
  const hex = chars(random, HEX, 32);
  const variant = pick(random, [..."89ab"]);
  const text = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20)}`;
  return random() < 0.5 ? text : text.toUpperCase();
}

function japanesePhone(random: Random): string {
  const mobile = `0${pick(random, ["70", "80", "90"])}`;
  const [a, b] = [digits(random, 4), digits(random, 4)];
  return pick(random, [
    `${mobile}-${a}-${b}`,
    `${mobile}${a}${b}`,
    `+81 ${mobile.slice(1)} ${a} ${b}`,
    `+81-${mobile.slice(1)}-${a}-${b}`,
    `03-${a}-${b}`,
    `(06) ${a}-${b}`,
    `0${digits(random, 2)}-${digits(random, 3)}-${b}`,
    `0120-${digits(random, 3)}-${digits(random, 3)}`,
    `+81 3 ${a} ${b}`,
  ]);
}

function dateTime(random: Random): string {
  const [y, m, d] = [
    int(random, 2000, 2099),
    pad(int(random, 1, 12), 2),
    pad(int(random, 1, 28), 2),
  ];
  const [h, min, s] = [
    pad(int(random, 0, 23), 2),
    pad(int(random, 0, 59), 2),
    pad(int(random, 0, 59), 2),
  ];
  return pick(random, [
    `${y}-${m}-${d} ${h}:${min}`,
    `${y}${m}${d}`,
    `${y}/${m}/${d} ${h}:${min}:${s}`,
    `${y}年${m}月${d}日 ${h}時${min}分`,
    `${y}${m}${d}${h}${min}${s}`,
    `${y}.${m}.${d}`,
    `${y}-${m}-${d}〜${y}-${m}-${pad(int(random, 1, 28), 2)}`,
  ]);
}

/** Up to 2090: from late 2096 on, epoch milliseconds are 13 digits starting with 4, like a Visa. */
function isoTimestamp(random: Random): string {
  const ms = int(random, Date.UTC(2000, 0, 1), Date.UTC(2090, 11, 31));
  const iso = new Date(ms).toISOString();
  return pick(random, [iso, iso.replace("Z", "+09:00"), String(ms), String(Math.floor(ms / 1000))]);
}

/** Booking references as the rental-car app makes them (`bookings/booking-reference.ts`). */
function bookingReference(random: Random): string {
  const date = `${int(random, 2026, 2030)}${pad(int(random, 1, 12), 2)}${pad(int(random, 1, 28), 2)}`;
  return random() < 0.5
    ? `RC-${chars(random, "23456789ABCDEFGHJKMNPQRSTUVWXYZ", 8)}`
    : `RC-${date}-${digits(random, 6)}`;
}

function postalCode(random: Random): string {
  const [a, b] = [digits(random, 3), digits(random, 4)];
  return pick(random, [`〒${a}-${b}`, `${a}-${b}`, `${a}${b}`, `〒${a}-${b} 東京都千代田区`]);
}

/** A JAN/EAN-13 code with its check digit, Japanese (45, 49) or any prefix. */
function ean13(random: Random): string {
  const body =
    (random() < 0.5 ? pick(random, ["45", "49"]) : digits(random, 2)) + digits(random, 10);
  let sum = 0;
  for (let index = 0; index < 12; index++) sum += Number(body[index]) * (index % 2 === 0 ? 1 : 3);
  const code = body + String((10 - (sum % 10)) % 10);
  return random() < 0.8 ? code : `${code[0]} ${code.slice(1, 7)} ${code.slice(7)}`;
}

function orderNumber(random: Random): string {
  return pick(random, [
    `ORD-${int(random, 2026, 2030)}-${digits(random, 6)}`,
    `#${digits(random, int(random, 5, 10))}`,
    `${digits(random, 4)}-${digits(random, 4)}-${digits(random, 4)}`,
    `注文番号 ${digits(random, 12)}`,
    `INV/${int(random, 2026, 2030)}/${digits(random, 5)}`,
  ]);
}

function amount(random: Random): string {
  const yen = int(random, 0, 99_999_999);
  return pick(random, [
    `¥${yen.toLocaleString("en-US")}`,
    `${yen.toLocaleString("ja-JP")}円`,
    `￥${yen.toLocaleString("en-US")}(税込)`,
    `$${(yen / 100).toFixed(2)}`,
    `${yen} JPY`,
  ]);
}

function hexId(random: Random): string {
  const hex = chars(random, HEX, pick(random, [24, 32, 40, 64]));
  return random() < 0.8 ? hex : hex.toUpperCase();
}

function stripeId(random: Random): string {
  const prefix = pick(random, [
    "cs_test_",
    "cs_live_",
    "pi_",
    "evt_",
    "ch_",
    "cus_",
    "re_",
    "py_",
    "seti_",
    "src_",
  ]);
  const body = chars(random, BASE62, prefix.startsWith("cs_") ? 58 : 24);
  return prefix + (prefix.startsWith("cs_") ? `${pick(random, ["a1", "b1"])}${body}` : `3${body}`);
}

/** Two phone numbers in one field, as in a free-text note: the groups chain into longer runs. */
function twoPhoneNumbers(random: Random): string {
  return `${japanesePhone(random)} ${pick(random, ["", "/ ", "or "])}${japanesePhone(random)}`;
}

/** 16 random digits: indistinguishable from a card number when prefix and Luhn digit fit. */
function random16Digits(random: Random): string {
  return digits(random, 16);
}

/**
 * The expected share of random 16-digit numbers that look like a card: the share of prefixes some
 * brand issues at 16 digits (its ranges do not overlap), times 1 in 10 for the Luhn digit.
 */
function expectedRandom16Rate(): number {
  let covered = 0;
  for (const { ranges, lengths } of CARD_BRANDS) {
    if (!lengths.includes(16)) continue;
    for (const { from, to } of ranges)
      covered += (Number(to) - Number(from) + 1) / 10 ** from.length;
  }
  return covered / 10;
}

const SIZE = 20_000;

/** Each category, with the most flagged items allowed out of {@link SIZE}. */
const CORPUS: readonly [string, (random: Random) => string, number][] = [
  ["UUIDs", uuid, 0],
  ["Japanese phone numbers", japanesePhone, 0],
  ["dates and times", dateTime, 0],
  ["ISO timestamps and epoch times", isoTimestamp, 0],
  ["booking references", bookingReference, 0],
  ["postal codes", postalCode, 0],
  ["JAN/EAN-13 codes", ean13, 0],
  ["order numbers", orderNumber, 0],
  ["amounts", amount, 0],
  ["hex ids", hexId, SIZE * 0.0001],
  ["Stripe ids", stripeId, 0],
  ["two phone numbers in one field", twoPhoneNumbers, SIZE * 0.015],
  ["random 16-digit numbers", random16Digits, SIZE * 0.035],
];

function flagged(make: (random: Random) => string, seed: number): number {
  const random = seeded(seed);
  let count = 0;
  for (let index = 0; index < SIZE; index++) if (containsCardNumber(make(random))) count += 1;
  return count;
}

describe("false positives on things that are not card numbers", () => {
  it.each(CORPUS.map(([name, make, bound], seed) => ({ name, make, bound, seed })))(
    "flags at most the stated share of $name",
    ({ make, bound, seed }) => {
      expect(flagged(make, seed + 1)).toBeLessThanOrEqual(bound);
    },
    60_000,
  );

  it("flags random 16-digit numbers at the rate their prefixes and Luhn digit predict", () => {
    const expected = expectedRandom16Rate();
    expect(expected).toBeGreaterThan(0.025);
    expect(expected).toBeLessThan(0.035);
    const rate = flagged(random16Digits, 99) / SIZE;
    expect(Math.abs(rate - expected)).toBeLessThan(0.004);
  }, 60_000);
});

/**
 * @module
 * Locates card numbers inside one string: runs of 13–19 digits, optionally split by single
 * spaces or dashes, that pass Luhn and match a known brand. Digits glued to a Latin letter are
 * part of an identifier (a hex digest, `cs_test_…`), and a UUID is never a card number: random
 * identifiers would otherwise be flagged about once in a few hundred. Internal to `card-data`.
 */
import {
  CARD_BRANDS,
  type CardBrand,
  cardBrandOf,
  MAX_CARD_NUMBER_LENGTH,
  MIN_CARD_NUMBER_LENGTH,
} from "./card-brands";
import { passesLuhn } from "./luhn";

/** Where a card number sits in a string, with the only parts of it that may be shown. */
export interface CardNumberSpan {
  /** Index of the first digit. */
  readonly start: number;
  /** Index just after the last digit. */
  readonly end: number;
  /** The card's brand. */
  readonly brand: CardBrand;
  /** The last four digits. */
  readonly last4: string;
}

/** The digits a card number can start with (no brand starts with 0, 1, 7, 8 or 9). */
const FIRST_DIGITS: ReadonlySet<string> = new Set(
  CARD_BRANDS.flatMap(({ ranges }) =>
    ranges.flatMap(({ from, to }) => {
      const first: string[] = [];
      for (let digit = Number(from[0]); digit <= Number(to[0]); digit++) first.push(String(digit));
      return first;
    }),
  ),
);

/** A maximal run of digits (no separators inside). */
interface DigitGroup {
  readonly start: number;
  readonly end: number;
  /** The group's ASCII digits, cut after `MAX_CARD_NUMBER_LENGTH + 1` (longer groups never match). */
  readonly digits: string;
}

/** ASCII digit value of the UTF-16 unit, also for fullwidth digits (U+FF10–U+FF19); -1 otherwise. */
function digitValue(unit: number): number {
  if (unit >= 0x30 && unit <= 0x39) return unit - 0x30;
  if (unit >= 0xff10 && unit <= 0xff19) return unit - 0xff10;
  return -1;
}

/** A Latin letter, ASCII or fullwidth: digits touching one belong to an identifier. */
function isLetter(unit: number): boolean {
  return (
    (unit >= 0x41 && unit <= 0x5a) ||
    (unit >= 0x61 && unit <= 0x7a) ||
    (unit >= 0xff21 && unit <= 0xff3a) ||
    (unit >= 0xff41 && unit <= 0xff5a)
  );
}

/** True when the character at `index` exists and is a letter. */
function letterAt(text: string, index: number): boolean {
  return index >= 0 && index < text.length && isLetter(text.charCodeAt(index));
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The [start, end) ranges of UUIDs in `text`. */
function uuidRanges(text: string): (readonly [number, number])[] {
  if (text.length < 36) return [];
  return [...text.matchAll(UUID)].map((match) => [match.index, match.index + match[0].length]);
}

/** A single character that may split the digits of a card number: a space or a dash. */
function isSeparator(unit: number): boolean {
  return (
    unit === 0x20 || // space
    unit === 0x2d || // hyphen-minus
    unit === 0xa0 || // no-break space
    (unit >= 0x2010 && unit <= 0x2015) || // hyphens and dashes
    unit === 0x202f || // narrow no-break space
    unit === 0x2212 || // minus sign
    unit === 0x3000 || // ideographic space
    unit === 0xff0d // fullwidth hyphen-minus
  );
}

/** Reads the digit group starting at `start` (which must hold a digit). */
function readGroup(text: string, start: number): DigitGroup {
  let digits = "";
  let position = start;
  for (; position < text.length; position++) {
    const value = digitValue(text.charCodeAt(position));
    if (value < 0) break;
    if (digits.length <= MAX_CARD_NUMBER_LENGTH) digits += String(value);
  }
  return { start, end: position, digits };
}

/** Reads a chain of digit groups joined by single separators, starting at a digit. */
function readChain(text: string, start: number): DigitGroup[] {
  const groups: DigitGroup[] = [];
  let position = start;
  for (;;) {
    const group = readGroup(text, position);
    groups.push(group);
    const next = group.end + 1;
    if (
      next < text.length &&
      isSeparator(text.charCodeAt(group.end)) &&
      digitValue(text.charCodeAt(next)) >= 0
    ) {
      position = next;
    } else {
      return groups;
    }
  }
}

/**
 * Card numbers made of whole consecutive groups of a chain. From each group, left to right, the
 * longest 13–19 digit window that is a card number wins; scanning resumes after it.
 */
function spansInChain(context: ScanContext, groups: readonly DigitGroup[]): CardNumberSpan[] {
  const spans: CardNumberSpan[] = [];
  let first = 0;
  while (first < groups.length) {
    const match = longestCardAt(context, groups, first);
    if (match === undefined) {
      first += 1;
    } else {
      spans.push(match.span);
      first = match.next;
    }
  }
  return spans;
}

/** The text being scanned, and where its UUIDs are. */
interface ScanContext {
  readonly text: string;
  readonly uuids: readonly (readonly [number, number])[];
}

/** Whether [start, end) may be a card number: not glued to a letter, not inside a UUID. */
function standsAlone({ text, uuids }: ScanContext, start: number, end: number): boolean {
  if (letterAt(text, start - 1) || letterAt(text, end)) return false;
  return !uuids.some(([from, to]) => start < to && end > from);
}

/** The longest card number made of whole groups starting at `groups[first]`, if any. */
function longestCardAt(
  context: ScanContext,
  groups: readonly DigitGroup[],
  first: number,
): { readonly span: CardNumberSpan; readonly next: number } | undefined {
  const head = groups[first];
  if (head === undefined || !FIRST_DIGITS.has(head.digits.charAt(0))) return undefined;
  const windows: { readonly length: number; readonly end: number; readonly next: number }[] = [];
  let digits = "";
  for (let index = first; index < groups.length; index++) {
    const group = groups[index];
    if (group === undefined) break;
    digits += group.digits;
    if (digits.length > MAX_CARD_NUMBER_LENGTH) break;
    if (digits.length >= MIN_CARD_NUMBER_LENGTH) {
      windows.push({ length: digits.length, end: group.end, next: index + 1 });
    }
  }
  for (const window of windows.reverse()) {
    if (!standsAlone(context, head.start, window.end)) continue;
    const pan = digits.slice(0, window.length);
    const brand = passesLuhn(pan) ? cardBrandOf(pan) : undefined;
    if (brand !== undefined) {
      const span = { start: head.start, end: window.end, brand, last4: pan.slice(-4) };
      return { span, next: window.next };
    }
  }
  return undefined;
}

/** Every card number in `text`, in order, never overlapping. */
export function findCardNumberSpans(text: string): CardNumberSpan[] {
  const spans: CardNumberSpan[] = [];
  const context: ScanContext = { text, uuids: uuidRanges(text) };
  let position = 0;
  while (position < text.length) {
    if (digitValue(text.charCodeAt(position)) < 0) {
      position += 1;
      continue;
    }
    const chain = readChain(text, position);
    for (const span of spansInChain(context, chain)) spans.push(span);
    position = chain[chain.length - 1]?.end ?? position + 1;
  }
  return spans;
}

/** How a masked card number is written: only the last four digits survive. */
export function cardMask(last4: string): string {
  return `[card ****${last4}]`;
}

/** `text` with every card number replaced by {@link cardMask}. */
export function maskCardNumbersInText(text: string): string {
  const spans = findCardNumberSpans(text);
  if (spans.length === 0) return text;
  let masked = "";
  let position = 0;
  for (const span of spans) {
    masked += text.slice(position, span.start) + cardMask(span.last4);
    position = span.end;
  }
  return masked + text.slice(position);
}

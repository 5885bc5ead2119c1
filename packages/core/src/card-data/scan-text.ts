/**
 * @module
 * Locates card numbers inside one string: 13–19 digits that pass Luhn and match a known brand's
 * IIN range and length, however they are written — digits of any script, invisible characters
 * between them, groups split by spaces, tabs, dashes, dots, slashes or underscores (see
 * `digit-chains`), letters glued on (`card4242…`, `…4242JPY`). What keeps it precise: a card
 * number is made of whole digit groups; digits inside a UUID or a hexadecimal identifier (a
 * digest, a hex id) are not a card number, nor is a 13-digit number that is a valid JAN/EAN-13
 * product code. Internal to `card-data`.
 */
import {
  CARD_BRANDS,
  type CardBrand,
  cardBrandOf,
  MAX_CARD_NUMBER_LENGTH,
  MIN_CARD_NUMBER_LENGTH,
} from "./card-brands";
import {
  characterAt,
  isDigit,
  isHexLetter,
  isIdentifierUnit,
  isPlainDigit,
} from "./character-classes";
import { type DigitGroup, readChain, type ScanWork } from "./digit-chains";
import { passesLuhn } from "./luhn";
import { isEan13 } from "./product-codes";

export type { ScanWork } from "./digit-chains";

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

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The text being scanned, where its UUIDs are (in order), and the work counter if any. */
interface ScanContext {
  readonly text: string;
  readonly uuids: readonly (readonly [number, number])[];
  readonly work: ScanWork | undefined;
}

function uuidRanges(text: string): (readonly [number, number])[] {
  if (text.length < 36) return [];
  return [...text.matchAll(UUID)].map((match) => [match.index, match.index + match[0].length]);
}

/** True when [start, end) overlaps a UUID (binary search: UUIDs never overlap each other). */
function insideUuid(uuids: ScanContext["uuids"], start: number, end: number): boolean {
  let low = 0;
  let high = uuids.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const [, to] = uuids[middle] ?? [0, 0];
    if (to <= start) low = middle + 1;
    else high = middle;
  }
  const [from] = uuids[low] ?? [Number.POSITIVE_INFINITY];
  return from < end;
}

/** How far to look at letters and digits glued to a number, to tell a hex identifier. */
const GLUE_LOOKAROUND = 64;

/**
 * True when digits at [start, end) sit inside a hexadecimal identifier: letters and digits are
 * glued on, every glued letter is `a`–`f`, and the glued part holds digits too (`9f3a…4242…e1`).
 * A word glued on (`card4242…`, `…4242JPY`, `x4242…`) leaves the number a card number.
 */
function insideHexIdentifier({ text, work }: ScanContext, start: number, end: number): boolean {
  let glued = false;
  let digits = false;
  const look = (from: number, step: 1 | -1): boolean => {
    for (let index = from, seen = 0; seen < GLUE_LOOKAROUND; index += step, seen++) {
      if (work !== undefined) work.characters += 1;
      const unit = text.charCodeAt(index);
      if (Number.isNaN(unit) || !isIdentifierUnit(unit)) return true;
      glued = true;
      if (isPlainDigit(unit)) digits = true;
      else if (!isHexLetter(unit)) return false;
    }
    return true;
  };
  return look(start - 1, -1) && look(end, 1) && glued && digits;
}

/** Whether a candidate at [start, end) may be a card number, once its digits passed the checks. */
function standsAlone(context: ScanContext, start: number, end: number): boolean {
  return !insideUuid(context.uuids, start, end) && !insideHexIdentifier(context, start, end);
}

/** The brand of `pan` if it is a card number and not a product code. */
function brandOfCandidate(pan: string): CardBrand | undefined {
  if (!passesLuhn(pan)) return undefined;
  const brand = cardBrandOf(pan);
  return brand === undefined || isEan13(pan) ? undefined : brand;
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
    if (context.work !== undefined) context.work.candidates += 1;
    const pan = digits.slice(0, window.length);
    const brand = brandOfCandidate(pan);
    if (brand !== undefined && standsAlone(context, head.start, window.end)) {
      const span = { start: head.start, end: window.end, brand, last4: pan.slice(-4) };
      return { span, next: window.next };
    }
  }
  return undefined;
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

/**
 * False when `text` cannot hold a card number: it has fewer than 13 UTF-16 units that may start a
 * digit. Every digit the scanner reads begins with such a unit — ASCII `0`–`9`, or a unit at or
 * above U+0080 (digits of other scripts, fullwidth digits, surrogates of mathematical digits) —
 * so this never skips a number the full scan would find. It spares the scan (and its UUID search)
 * for the short identifiers and words most logged strings are.
 */
export function mayHoldCardNumber(text: string): boolean {
  if (text.length < MIN_CARD_NUMBER_LENGTH) return false;
  let candidates = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if ((unit >= 0x30 && unit <= 0x39) || unit >= 0x80) {
      candidates += 1;
      if (candidates >= MIN_CARD_NUMBER_LENGTH) return true;
    }
  }
  return false;
}

/** Every card number in `text`, in order, never overlapping; `work` counts what it took. */
export function findCardNumberSpans(text: string, work?: ScanWork): CardNumberSpan[] {
  const spans: CardNumberSpan[] = [];
  if (!mayHoldCardNumber(text)) return spans;
  const context: ScanContext = { text, uuids: uuidRanges(text), work };
  let position = 0;
  while (position < text.length) {
    const { kind, width } = characterAt(text, position);
    if (work !== undefined) work.characters += 1;
    if (!isDigit(kind)) {
      position += width;
      continue;
    }
    const chain = readChain(text, position, work);
    for (const span of spansInChain(context, chain.groups)) spans.push(span);
    position = chain.end;
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

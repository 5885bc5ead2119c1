/**
 * @module
 * Reads the digits of a string as chains of groups, the way people write card numbers: digits
 * with invisible characters between them form one group (`4242\u200B4242`); groups joined by a
 * short gap of separators and invisible characters form a chain (`4242 . 4242_4242-4242`). Gaps
 * are bounded, so a card number written in any of these ways spans at most
 * {@link MAX_CARD_SPAN_UNITS} UTF-16 units. Internal to `card-data`.
 */
import { MAX_CARD_NUMBER_LENGTH } from "./card-brands";
import { characterAt, INVISIBLE, isDigit, SEPARATOR } from "./character-classes";

/** Most separators between two digit groups (`4242 - 4242` has three). */
export const MAX_GAP_SEPARATORS = 4;
/** Most UTF-16 units between two digits, separators and invisible characters together. */
export const MAX_GAP_UNITS = 16;
/** Longest stretch of text a card number can take (19 digits, each up to 2 units, and 18 gaps). */
export const MAX_CARD_SPAN_UNITS =
  MAX_CARD_NUMBER_LENGTH * 2 + (MAX_CARD_NUMBER_LENGTH - 1) * MAX_GAP_UNITS;

/** A maximal run of digits, possibly with invisible characters between them. */
export interface DigitGroup {
  /** Index of the first digit. */
  readonly start: number;
  /** Index just after the last digit. */
  readonly end: number;
  /** The group's digits as ASCII, cut after `MAX_CARD_NUMBER_LENGTH + 1` (longer never match). */
  readonly digits: string;
}

/** Counts the work done, so tests can prove scanning stays linear. */
export interface ScanWork {
  /** Characters read (a character read twice counts twice). */
  characters: number;
  /** Candidate numbers checked against Luhn and the brands. */
  candidates: number;
}

/** What follows a digit: how far the gap goes, and whether it ends at a digit that continues the chain. */
interface Gap {
  readonly end: number;
  readonly continues: boolean;
  readonly separated: boolean;
}

function readGap(text: string, start: number, work: ScanWork | undefined): Gap {
  let position = start;
  let separators = 0;
  while (position < text.length && position - start <= MAX_GAP_UNITS) {
    const { kind, width } = characterAt(text, position);
    if (work !== undefined) work.characters += 1;
    if (isDigit(kind)) {
      const continues = separators <= MAX_GAP_SEPARATORS && position - start <= MAX_GAP_UNITS;
      return { end: position, continues, separated: separators > 0 };
    }
    if (kind === SEPARATOR) separators += 1;
    else if (kind !== INVISIBLE) break;
    position += width;
  }
  return { end: position, continues: false, separated: separators > 0 };
}

/**
 * The chain of digit groups that starts at `start` (which must hold a digit), and the index just
 * after its last digit.
 */
export function readChain(
  text: string,
  start: number,
  work?: ScanWork,
): { readonly groups: DigitGroup[]; readonly end: number } {
  const groups: DigitGroup[] = [];
  let groupStart = start;
  let digits = "";
  let position = start;
  for (;;) {
    const { kind, width } = characterAt(text, position);
    if (work !== undefined) work.characters += 1;
    if (digits.length <= MAX_CARD_NUMBER_LENGTH) digits += String(kind);
    const digitEnd = position + width;
    const gap = readGap(text, digitEnd, work);
    if (!gap.continues || gap.separated) {
      groups.push({ start: groupStart, end: digitEnd, digits });
      groupStart = gap.end;
      digits = "";
    }
    if (!gap.continues) return { groups, end: digitEnd };
    position = gap.end;
  }
}

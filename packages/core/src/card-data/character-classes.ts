/**
 * @module
 * How the card-number scanner reads each character: a digit (of any script, fullwidth and
 * mathematical digits included), a separator people put between digit groups, an invisible
 * character that is skipped as if absent, or anything else. Internal to `card-data`.
 */

/** The class of a separator: spaces, tabs, dashes, dots, slashes, underscores. */
export const SEPARATOR = 10;
/** The class of an invisible character (zero-width, bidi and format marks, combining marks). */
export const INVISIBLE = 11;
/** The class of a character that is neither a digit, a separator nor invisible. */
export const OTHER = 12;

/** Whitespace, dashes (ー and the minus sign included) and the punctuation typed between groups. */
const SEPARATORS =
  /[\p{Zs}\t\p{Pd}\u2212\u30fc\uff70.\uff0e\u00b7\u2027\u30fb\uff65/\uff0f_\uff3f]/u;
/** Characters a reader does not see: they may sit between the digits of a card number. */
const INVISIBLES = /[\p{Default_Ignorable_Code_Point}\p{M}\p{Cf}]/u;
const DIGITS = /\p{Nd}/u;

let table: Uint8Array | undefined;

/**
 * One class per UTF-16 unit: 0–9 for a digit's value, else {@link SEPARATOR}, {@link INVISIBLE} or
 * {@link OTHER}. Decimal digits come in runs of ten from zero, so a digit's value is its place in
 * its run. Built once, on first use.
 */
function classTable(): Uint8Array {
  if (table !== undefined) return table;
  const classes = new Uint8Array(0x10000).fill(OTHER);
  let run = 0;
  for (let unit = 0; unit < 0x10000; unit++) {
    if (unit >= 0xd800 && unit <= 0xdfff) continue;
    const character = String.fromCharCode(unit);
    if (DIGITS.test(character)) {
      classes[unit] = run % 10;
      run += 1;
      continue;
    }
    run = 0;
    if (SEPARATORS.test(character)) classes[unit] = SEPARATOR;
    else if (INVISIBLES.test(character)) classes[unit] = INVISIBLE;
  }
  table = classes;
  return classes;
}

/** The class of the supplementary-plane character `codePoint`. */
function astralClass(codePoint: number): number {
  if (codePoint >= 0x1d7ce && codePoint <= 0x1d7ff) return (codePoint - 0x1d7ce) % 10; // 𝟎–𝟿
  if (codePoint >= 0x1fbf0 && codePoint <= 0x1fbf9) return codePoint - 0x1fbf0; // segmented 🯰–🯹
  return INVISIBLES.test(String.fromCodePoint(codePoint)) ? INVISIBLE : OTHER;
}

/** A character read from a string: its class and how many UTF-16 units it takes. */
export interface ReadCharacter {
  /** 0–9 for a digit's value, else {@link SEPARATOR}, {@link INVISIBLE} or {@link OTHER}. */
  readonly kind: number;
  readonly width: 1 | 2;
}

/** Every possible answer, made once: the scanner reads each character without allocating. */
const ANSWERS: readonly (readonly ReadCharacter[])[] = [1, 2].map((width) =>
  Array.from({ length: OTHER + 1 }, (_, kind) => ({ kind, width: width as 1 | 2 })),
);

function read(kind: number, width: 1 | 2): ReadCharacter {
  return ANSWERS[width - 1]?.[kind] ?? { kind, width };
}

/** The class of the character at `index` (which must be inside `text`), surrogate pairs read whole. */
export function characterAt(text: string, index: number): ReadCharacter {
  const unit = text.charCodeAt(index);
  if (unit >= 0xd800 && unit <= 0xdbff) {
    const low = text.charCodeAt(index + 1);
    if (low >= 0xdc00 && low <= 0xdfff) {
      return read(astralClass(((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000), 2);
    }
  }
  return read(classTable()[unit] ?? OTHER, 1);
}

/** True when `kind` (from {@link characterAt}) is a digit's value. */
export function isDigit(kind: number): boolean {
  return kind < SEPARATOR;
}

/** True for ASCII or fullwidth Latin letters and digits: what identifiers are made of. */
export function isIdentifierUnit(unit: number): boolean {
  return isHexLetter(unit) || isOtherLatinLetter(unit) || isPlainDigit(unit);
}

/** True for ASCII or fullwidth digits. */
export function isPlainDigit(unit: number): boolean {
  return (unit >= 0x30 && unit <= 0x39) || (unit >= 0xff10 && unit <= 0xff19);
}

/** True for the letters of hexadecimal: `a`–`f`, `A`–`F`, ASCII or fullwidth. */
export function isHexLetter(unit: number): boolean {
  const ascii = unit >= 0xff01 && unit <= 0xff5e ? unit - 0xfee0 : unit;
  return (ascii >= 0x41 && ascii <= 0x46) || (ascii >= 0x61 && ascii <= 0x66);
}

function isOtherLatinLetter(unit: number): boolean {
  const ascii = unit >= 0xff01 && unit <= 0xff5e ? unit - 0xfee0 : unit;
  return (ascii >= 0x47 && ascii <= 0x5a) || (ascii >= 0x67 && ascii <= 0x7a);
}

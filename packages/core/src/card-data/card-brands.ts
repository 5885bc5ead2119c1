/**
 * @module
 * Known card brands, their issuer identification number (IIN) ranges and valid card-number lengths.
 */

/** A card brand linkpay recognises when looking for card numbers. */
export type CardBrand =
  | "visa"
  | "mastercard"
  | "amex"
  | "jcb"
  | "diners"
  | "discover"
  | "unionpay"
  | "maestro"
  | "mir";

/** An inclusive range of IIN prefixes; `from` and `to` have the same number of digits. */
export interface IinRange {
  /** Lowest prefix of the range, e.g. `"2221"`. */
  readonly from: string;
  /** Highest prefix of the range, e.g. `"2720"`. */
  readonly to: string;
}

/** One brand with its IIN ranges and the card-number lengths it issues. */
export interface CardBrandSpec {
  /** The brand's stable identifier. */
  readonly brand: CardBrand;
  /** The IIN ranges the brand owns. */
  readonly ranges: readonly IinRange[];
  /** The card-number lengths the brand issues (all within 13–19). */
  readonly lengths: readonly number[];
}

/** Shortest card number linkpay looks for. */
export const MIN_CARD_NUMBER_LENGTH = 13;
/** Longest card number linkpay looks for. */
export const MAX_CARD_NUMBER_LENGTH = 19;

function range(from: string, to: string = from): IinRange {
  return Object.freeze({ from, to });
}

function lengths(min: number, max: number): readonly number[] {
  const all: number[] = [];
  for (let length = min; length <= max; length++) all.push(length);
  return Object.freeze(all);
}

function spec(brand: CardBrand, ranges: IinRange[], valid: readonly number[]): CardBrandSpec {
  return Object.freeze({ brand, ranges: Object.freeze(ranges), lengths: valid });
}

/** Every brand linkpay recognises, with its IIN ranges and valid lengths. */
export const CARD_BRANDS: readonly CardBrandSpec[] = Object.freeze([
  spec("visa", [range("4")], Object.freeze([13, 16, 19])),
  spec("mastercard", [range("51", "55"), range("2221", "2720")], Object.freeze([16])),
  spec("amex", [range("34"), range("37")], Object.freeze([15])),
  spec("jcb", [range("3528", "3589")], lengths(16, 19)),
  spec(
    "diners",
    [range("300", "305"), range("3095"), range("36"), range("38", "39")],
    lengths(14, 19),
  ),
  spec("discover", [range("6011"), range("644", "649"), range("65")], lengths(16, 19)),
  spec("unionpay", [range("62")], lengths(16, 19)),
  spec(
    "maestro",
    [
      range("50"),
      range("56", "58"),
      range("6304"),
      range("6759"),
      range("6761", "6763"),
      range("676770"),
      range("676774"),
    ],
    lengths(13, 19),
  ),
  spec("mir", [range("2200", "2204")], lengths(16, 19)),
]);

const CARD_DIGITS = /^[0-9]{13,19}$/;

/**
 * The brand whose IIN range and valid lengths match `digits` (13–19 ASCII digits, no separators),
 * preferring the most specific range; `undefined` when none does. Does not check the Luhn digit.
 */
export function cardBrandOf(digits: string): CardBrand | undefined {
  if (!CARD_DIGITS.test(digits)) return undefined;
  let best: CardBrand | undefined;
  let bestPrefixLength = 0;
  for (const { brand, ranges, lengths: valid } of CARD_BRANDS) {
    if (!valid.includes(digits.length)) continue;
    for (const { from, to } of ranges) {
      const prefix = digits.slice(0, from.length);
      if (prefix >= from && prefix <= to && from.length > bestPrefixLength) {
        best = brand;
        bestPrefixLength = from.length;
      }
    }
  }
  return best;
}

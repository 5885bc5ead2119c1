/**
 * @module
 * Exact money in integer minor units (yen, cents, fils): construction, parsing, arithmetic and
 * formatting. No floating-point division is ever used on amounts.
 */
import { LinkpayError } from "../errors";
import { type CurrencyCode, currencyExponent, isCurrencyCode, toCurrencyCode } from "./currencies";

/** An amount of one currency in minor units: JPY 1234 is ¥1,234, USD 1234 is $12.34. */
export interface Money {
  /** A non-negative safe integer count of minor units. */
  readonly amount: number;
  /** The ISO 4217 currency of the amount. */
  readonly currency: CurrencyCode;
}

/** A plain decimal string: digits, optionally a dot and more digits. */
const PLAIN_DECIMAL = /^(\d+)(?:\.(\d+))?$/;

function preview(value: unknown): string {
  return typeof value === "string" ? value.slice(0, 32) : typeof value;
}

function invalidAmount(message: string, value: unknown): LinkpayError {
  return new LinkpayError("INVALID_AMOUNT", message, {
    details: { amount: typeof value === "number" ? value : preview(value) },
  });
}

function isMinorAmount(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

function isPlainDecimal(value: string): value is `${number}` {
  return PLAIN_DECIMAL.test(value);
}

function create(amount: number, currency: CurrencyCode): Money {
  if (!isMinorAmount(amount)) {
    throw invalidAmount(
      "Amount must be a non-negative safe integer of minor units (at most Number.MAX_SAFE_INTEGER).",
      amount,
    );
  }
  // `+ 0` turns -0 into 0 so equal amounts always serialise the same way.
  return Object.freeze({ amount: amount + 0, currency });
}

/** Re-checks a Money at runtime: values may come from JSON or untyped callers. */
function checked(m: Money): Money {
  if (typeof m !== "object" || m === null) throw invalidAmount("Expected a Money value.", m);
  const { amount, currency } = m;
  if (!isCurrencyCode(currency)) {
    throw new LinkpayError("UNKNOWN_CURRENCY", "Money has an unknown or non-canonical currency.", {
      details: { currency: preview(currency) },
    });
  }
  return create(amount, currency);
}

function sameCurrency(a: Money, b: Money): CurrencyCode {
  if (a.currency !== b.currency) {
    throw new LinkpayError("CURRENCY_MISMATCH", "Cannot combine amounts of different currencies.", {
      details: { expected: a.currency, actual: b.currency },
    });
  }
  return a.currency;
}

/**
 * Creates a frozen Money from an amount in minor units; the currency may be lower case.
 *
 * @example
 * money(1234, "JPY"); // ¥1,234
 * money(1234, "usd"); // $12.34
 * @throws LinkpayError INVALID_AMOUNT for floats, negatives, NaN, Infinity or unsafe integers;
 * UNKNOWN_CURRENCY for an unknown currency.
 */
export function money(amount: number, currency: string): Money {
  return create(amount, toCurrencyCode(currency));
}

/**
 * Parses a decimal string in major units exactly (no floating point). At most the currency's
 * exponent of decimals is allowed, so "1.0" JPY and "1.234" USD are rejected.
 *
 * @example
 * moneyFromMajor("12.34", "USD"); // { amount: 1234, currency: "USD" }
 * moneyFromMajor("1.234", "KWD"); // { amount: 1234, currency: "KWD" }
 * @throws LinkpayError INVALID_AMOUNT for "1e3", "-1", " 12", "12.", "", "0x10", too many
 * decimals or overflow; UNKNOWN_CURRENCY for an unknown currency.
 */
export function moneyFromMajor(value: string, currency: string): Money {
  const code = toCurrencyCode(currency);
  const match = typeof value === "string" ? PLAIN_DECIMAL.exec(value) : null;
  if (match === null) {
    throw invalidAmount("Amount must be a plain decimal string like 12.34.", value);
  }
  const whole = match[1] ?? "";
  const fraction = match[2] ?? "";
  const exponent = currencyExponent(code);
  if (fraction.length > exponent) {
    throw invalidAmount(`${code} amounts allow at most ${exponent} decimal places.`, value);
  }
  return create(Number(whole + fraction.padEnd(exponent, "0")), code);
}

/**
 * Writes a Money in major units with exactly the currency's exponent of decimals.
 *
 * @example
 * toMajorString(money(1234, "USD")); // "12.34"
 * toMajorString(money(5, "KWD")); // "0.005"
 */
export function toMajorString(m: Money): string {
  const { amount, currency } = checked(m);
  const exponent = currencyExponent(currency);
  const digits = String(amount);
  if (exponent === 0) return digits;
  const padded = digits.padStart(exponent + 1, "0");
  return `${padded.slice(0, -exponent)}.${padded.slice(-exponent)}`;
}

/**
 * Adds two amounts of the same currency.
 *
 * @throws LinkpayError CURRENCY_MISMATCH for mixed currencies; INVALID_AMOUNT on overflow.
 */
export function addMoney(a: Money, b: Money): Money {
  const x = checked(a);
  const y = checked(b);
  return create(x.amount + y.amount, sameCurrency(x, y));
}

/**
 * Subtracts `b` from `a`.
 *
 * @throws LinkpayError CURRENCY_MISMATCH for mixed currencies; INVALID_AMOUNT when `b` > `a`.
 */
export function subtractMoney(a: Money, b: Money): Money {
  const x = checked(a);
  const y = checked(b);
  return create(x.amount - y.amount, sameCurrency(x, y));
}

/**
 * Sums amounts that must all be in `currency`; an empty list gives zero of that currency.
 *
 * @example
 * sumMoney([], "JPY"); // { amount: 0, currency: "JPY" }
 * @throws LinkpayError CURRENCY_MISMATCH, UNKNOWN_CURRENCY, or INVALID_AMOUNT on overflow.
 */
export function sumMoney(items: readonly Money[], currency: string): Money {
  let total = create(0, toCurrencyCode(currency));
  for (const item of items) total = addMoney(total, item);
  return total;
}

/**
 * Multiplies an amount by a whole, non-negative quantity (e.g. a line item's count).
 *
 * @example
 * multiplyMoney(money(1234, "JPY"), 3); // { amount: 3702, currency: "JPY" }
 * @throws LinkpayError INVALID_AMOUNT for a fractional or negative quantity, or on overflow.
 */
export function multiplyMoney(m: Money, quantity: number): Money {
  const { amount, currency } = checked(m);
  if (!isMinorAmount(quantity)) {
    throw invalidAmount("Quantity must be a non-negative safe integer.", quantity);
  }
  return create(amount * quantity, currency);
}

/**
 * True when both amounts are equal.
 *
 * @throws LinkpayError CURRENCY_MISMATCH for mixed currencies.
 */
export function moneyEquals(a: Money, b: Money): boolean {
  const x = checked(a);
  const y = checked(b);
  sameCurrency(x, y);
  return x.amount === y.amount;
}

/**
 * Orders two amounts of one currency: -1 when `a` < `b`, 0 when equal, 1 when `a` > `b`.
 *
 * @example
 * [c, a, b].sort(compareMoney);
 * @throws LinkpayError CURRENCY_MISMATCH for mixed currencies.
 */
export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  const x = checked(a);
  const y = checked(b);
  sameCurrency(x, y);
  if (x.amount === y.amount) return 0;
  return x.amount < y.amount ? -1 : 1;
}

/** Formatters already built, by locale and currency (bounded: locales may come from requests). */
const FORMATTERS = new Map<string, Intl.NumberFormat>();
const MAX_CACHED_FORMATTERS = 64;

/** Building an Intl formatter costs far more than using one: build each pair once. */
function moneyFormatter(locale: string, currency: CurrencyCode): Intl.NumberFormat {
  const key = `${locale}\u0000${currency}`;
  const cached = FORMATTERS.get(key);
  if (cached !== undefined) return cached;
  const digits = currencyExponent(currency);
  const formatter = new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  if (FORMATTERS.size < MAX_CACHED_FORMATTERS) FORMATTERS.set(key, formatter);
  return formatter;
}

/**
 * Formats for display with Intl, always with the ISO 4217 number of decimals (exact, via a string).
 *
 * @example
 * formatMoney(money(1234, "JPY"), "ja-JP"); // "￥1,234" (full-width yen sign)
 * formatMoney(money(1234, "USD"), "en-US"); // "$12.34"
 * formatMoney(money(1234, "KWD"), "en-US"); // "KWD 1.234" (no-break space)
 * @throws RangeError for a malformed locale tag.
 */
export function formatMoney(m: Money, locale: string): string {
  const valid = checked(m);
  const major = toMajorString(valid);
  const formatter = moneyFormatter(locale, valid.currency);
  // toMajorString always yields a plain decimal; the guard only proves it to the compiler.
  return formatter.format(isPlainDecimal(major) ? major : Number.NaN);
}

/**
 * @module
 * The ISO 4217 currencies linkpay accepts, with the number of minor-unit digits of each.
 */
import { LinkpayError } from "../errors";

declare const currencyCodeBrand: unique symbol;

/** An upper-case ISO 4217 code known to linkpay, e.g. `"JPY"`; obtain one with {@link toCurrencyCode}. */
export type CurrencyCode = string & { readonly [currencyCodeBrand]: true };

/** Number of minor-unit digits of a currency: 0 for JPY, 2 for USD, 3 for KWD. */
export type CurrencyExponent = 0 | 2 | 3;

/**
 * Active ISO 4217 currencies (list one, as amended up to 2026-01-01) and their minor-unit exponent.
 * Funds codes (BOV, CHE, CHW, CLF, COU, MXV, USN, UYI, UYW), accounting units (XAD, XDR, XSU, XUA,
 * XBA–XBD), precious metals (XAU, XAG, XPD, XPT) and XTS/XXX are left out on purpose, as are
 * withdrawn codes (ANG, BGN, CUC, HRK, SLL, ZWL).
 *
 * @example
 * CURRENCY_EXPONENTS.JPY; // 0
 */
export const CURRENCY_EXPONENTS = Object.freeze({
  AED: 2,
  AFN: 2,
  ALL: 2,
  AMD: 2,
  AOA: 2,
  ARS: 2,
  AUD: 2,
  AWG: 2,
  AZN: 2,
  BAM: 2,
  BBD: 2,
  BDT: 2,
  BHD: 3,
  BIF: 0,
  BMD: 2,
  BND: 2,
  BOB: 2,
  BRL: 2,
  BSD: 2,
  BTN: 2,
  BWP: 2,
  BYN: 2,
  BZD: 2,
  CAD: 2,
  CDF: 2,
  CHF: 2,
  CLP: 0,
  CNY: 2,
  COP: 2,
  CRC: 2,
  CUP: 2,
  CVE: 2,
  CZK: 2,
  DJF: 0,
  DKK: 2,
  DOP: 2,
  DZD: 2,
  EGP: 2,
  ERN: 2,
  ETB: 2,
  EUR: 2,
  FJD: 2,
  FKP: 2,
  GBP: 2,
  GEL: 2,
  GHS: 2,
  GIP: 2,
  GMD: 2,
  GNF: 0,
  GTQ: 2,
  GYD: 2,
  HKD: 2,
  HNL: 2,
  HTG: 2,
  HUF: 2,
  IDR: 2,
  ILS: 2,
  INR: 2,
  IQD: 3,
  IRR: 2,
  ISK: 0,
  JMD: 2,
  JOD: 3,
  JPY: 0,
  KES: 2,
  KGS: 2,
  KHR: 2,
  KMF: 0,
  KPW: 2,
  KRW: 0,
  KWD: 3,
  KYD: 2,
  KZT: 2,
  LAK: 2,
  LBP: 2,
  LKR: 2,
  LRD: 2,
  LSL: 2,
  LYD: 3,
  MAD: 2,
  MDL: 2,
  MGA: 2,
  MKD: 2,
  MMK: 2,
  MNT: 2,
  MOP: 2,
  MRU: 2,
  MUR: 2,
  MVR: 2,
  MWK: 2,
  MXN: 2,
  MYR: 2,
  MZN: 2,
  NAD: 2,
  NGN: 2,
  NIO: 2,
  NOK: 2,
  NPR: 2,
  NZD: 2,
  OMR: 3,
  PAB: 2,
  PEN: 2,
  PGK: 2,
  PHP: 2,
  PKR: 2,
  PLN: 2,
  PYG: 0,
  QAR: 2,
  RON: 2,
  RSD: 2,
  RUB: 2,
  RWF: 0,
  SAR: 2,
  SBD: 2,
  SCR: 2,
  SDG: 2,
  SEK: 2,
  SGD: 2,
  SHP: 2,
  SLE: 2,
  SOS: 2,
  SRD: 2,
  SSP: 2,
  STN: 2,
  SVC: 2,
  SYP: 2,
  SZL: 2,
  THB: 2,
  TJS: 2,
  TMT: 2,
  TND: 3,
  TOP: 2,
  TRY: 2,
  TTD: 2,
  TWD: 2,
  TZS: 2,
  UAH: 2,
  UGX: 0,
  USD: 2,
  UYU: 2,
  UZS: 2,
  VED: 2,
  VES: 2,
  VND: 0,
  VUV: 0,
  WST: 2,
  XAF: 0,
  XCD: 2,
  XCG: 2,
  XOF: 0,
  XPF: 0,
  YER: 2,
  ZAR: 2,
  ZMW: 2,
  ZWG: 2,
}) satisfies Readonly<Record<string, CurrencyExponent>>;

const exponents: Readonly<Record<string, CurrencyExponent | undefined>> = CURRENCY_EXPONENTS;

const THREE_LETTERS = /^[A-Za-z]{3}$/;

function lookup(code: string): CurrencyExponent | undefined {
  return Object.hasOwn(exponents, code) ? exponents[code] : undefined;
}

function unknownCurrency(value: unknown): LinkpayError {
  return new LinkpayError("UNKNOWN_CURRENCY", "Unknown or unsupported currency code.", {
    details: { currency: typeof value === "string" ? value.slice(0, 16) : typeof value },
  });
}

/**
 * True when `value` is exactly an upper-case code from {@link CURRENCY_EXPONENTS}.
 *
 * @example
 * isCurrencyCode("JPY"); // true
 * isCurrencyCode("jpy"); // false (use toCurrencyCode to normalise)
 */
export function isCurrencyCode(value: string): value is CurrencyCode {
  return typeof value === "string" && THREE_LETTERS.test(value) && lookup(value) !== undefined;
}

/**
 * Normalises a code in any letter case (Stripe sends `"jpy"`) to a {@link CurrencyCode}.
 *
 * @example
 * toCurrencyCode("jpy"); // "JPY"
 * @throws LinkpayError UNKNOWN_CURRENCY when the value is not an active ISO 4217 code.
 */
export function toCurrencyCode(value: string): CurrencyCode {
  if (typeof value === "string" && THREE_LETTERS.test(value)) {
    const upper = value.toUpperCase();
    if (isCurrencyCode(upper)) return upper;
  }
  throw unknownCurrency(value);
}

/**
 * The minor-unit exponent of a currency.
 *
 * @example
 * currencyExponent(toCurrencyCode("KWD")); // 3
 * @throws LinkpayError UNKNOWN_CURRENCY when given an unbranded, unknown string at runtime.
 */
export function currencyExponent(code: CurrencyCode): CurrencyExponent {
  const exponent = typeof code === "string" ? lookup(code) : undefined;
  if (exponent === undefined) throw unknownCurrency(code);
  return exponent;
}

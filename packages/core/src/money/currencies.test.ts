import { describe, expect, it } from "@jest/globals";
import { isLinkpayError } from "../errors";
import { codeOf } from "../testing/error-capture";
import {
  CURRENCY_EXPONENTS,
  type CurrencyCode,
  currencyExponent,
  isCurrencyCode,
  toCurrencyCode,
} from "./currencies";

describe("CURRENCY_EXPONENTS", () => {
  it("is frozen and holds only upper-case 3-letter codes with exponent 0, 2 or 3", () => {
    expect(Object.isFrozen(CURRENCY_EXPONENTS)).toBe(true);
    const entries = Object.entries(CURRENCY_EXPONENTS);
    expect(entries.length).toBeGreaterThan(140);
    for (const [code, exponent] of entries) {
      expect(code).toMatch(/^[A-Z]{3}$/);
      expect([0, 2, 3]).toContain(exponent);
    }
  });

  it.each([
    ["JPY", 0],
    ["KRW", 0],
    ["VND", 0],
    ["CLP", 0],
    ["ISK", 0],
    ["UGX", 0],
    ["XAF", 0],
    ["USD", 2],
    ["EUR", 2],
    ["GBP", 2],
    ["XCG", 2],
    ["ZWG", 2],
    ["KWD", 3],
    ["BHD", 3],
    ["JOD", 3],
    ["OMR", 3],
    ["TND", 3],
    ["LYD", 3],
    ["IQD", 3],
  ])("%s has exponent %i", (code, exponent) => {
    expect(currencyExponent(toCurrencyCode(code))).toBe(exponent);
  });

  it.each([
    ["XAU", "gold"],
    ["XAG", "silver"],
    ["XDR", "special drawing right"],
    ["XTS", "testing code"],
    ["XXX", "no currency"],
    ["CLF", "funds code"],
    ["USN", "funds code"],
    ["UYW", "exponent 4 index unit"],
    ["XAD", "accounting unit"],
    ["HRK", "withdrawn (euro)"],
    ["BGN", "withdrawn (euro)"],
    ["ANG", "withdrawn (XCG)"],
    ["ZWL", "withdrawn (ZWG)"],
    ["SLL", "withdrawn (SLE)"],
  ])("leaves out %s (%s)", (code) => {
    expect(Object.hasOwn(CURRENCY_EXPONENTS, code)).toBe(false);
    expect(isCurrencyCode(code)).toBe(false);
  });
});

describe("isCurrencyCode", () => {
  it("accepts exact upper-case known codes only", () => {
    expect(isCurrencyCode("JPY")).toBe(true);
    expect(isCurrencyCode("USD")).toBe(true);
    for (const value of ["jpy", "Jpy", "JP", "JPYY", " JPY", "", "ABC", "toString", "__proto__"]) {
      expect(isCurrencyCode(value)).toBe(false);
    }
  });
});

describe("toCurrencyCode", () => {
  it("normalises any letter case, as Stripe sends lower case", () => {
    const jpy: CurrencyCode = toCurrencyCode("jpy");
    expect(jpy).toBe("JPY");
    expect(toCurrencyCode("Usd")).toBe("USD");
    expect(toCurrencyCode("KWD")).toBe("KWD");
  });

  it.each([
    "",
    "us",
    "usdd",
    " usd",
    "usd ",
    "xau",
    "abc",
    "u$d",
    "ıls", // dotless i upper-cases to "I": must not sneak in as ILS
    "ＵＳＤ", // full-width letters
  ])("throws UNKNOWN_CURRENCY for %j", (value) => {
    expect(codeOf(() => toCurrencyCode(value))).toBe("UNKNOWN_CURRENCY");
  });

  it("puts a short, log-safe copy of the input in the details", () => {
    let error: unknown;
    try {
      toCurrencyCode(`X${"y".repeat(100)}`);
    } catch (caught) {
      error = caught;
    }
    expect(isLinkpayError(error, "UNKNOWN_CURRENCY")).toBe(true);
    expect(isLinkpayError(error) && [error.status, error.details]).toEqual([
      400,
      { currency: `X${"y".repeat(15)}` },
    ]);
  });
});

describe("currencyExponent", () => {
  it("throws UNKNOWN_CURRENCY for an unbranded code smuggled in from JSON", () => {
    const smuggled: { currency: CurrencyCode } = JSON.parse('{"currency":"XAU"}');
    expect(codeOf(() => currencyExponent(smuggled.currency))).toBe("UNKNOWN_CURRENCY");
  });
});

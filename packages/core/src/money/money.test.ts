import { describe, expect, it } from "@jest/globals";
import { isLinkpayError } from "../errors";
import { codeOf } from "../testing/error-capture";
import {
  addMoney,
  compareMoney,
  formatMoney,
  type Money,
  money,
  moneyEquals,
  moneyFromMajor,
  multiplyMoney,
  subtractMoney,
  sumMoney,
  toMajorString,
} from "./index";

const MAX = Number.MAX_SAFE_INTEGER;
const NBSP = "\u00a0";

/** The error `fn` throws; fails the test when it returns. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

/** A Money as it may arrive from JSON: the compiler trusts it, the runtime must not. */
function fromJson(json: string): Money {
  return JSON.parse(json);
}

describe("money", () => {
  it("creates a frozen value in minor units and normalises the currency", () => {
    const yen = money(1234, "JPY");
    expect(yen).toEqual({ amount: 1234, currency: "JPY" });
    expect(Object.isFrozen(yen)).toBe(true);
    expect(money(1234, "usd")).toEqual({ amount: 1234, currency: "USD" });
    expect(money(0, "EUR").amount).toBe(0);
    expect(money(MAX, "JPY").amount).toBe(MAX);
    expect(Object.is(money(-0, "JPY").amount, 0)).toBe(true);
  });

  it.each([
    ["a float", 1.5],
    ["a tiny float", Number.EPSILON],
    ["a negative", -1],
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["-Infinity", Number.NEGATIVE_INFINITY],
    ["MAX_SAFE_INTEGER + 1", MAX + 1],
    ["1e21", 1e21],
  ])("throws INVALID_AMOUNT for %s", (_label, amount) => {
    expect(codeOf(() => money(amount, "USD"))).toBe("INVALID_AMOUNT");
  });

  it.each(["", "US", "ABC", "XAU", "XXX"])("throws UNKNOWN_CURRENCY for %j", (currency) => {
    expect(codeOf(() => money(100, currency))).toBe("UNKNOWN_CURRENCY");
  });

  it("reports the rejected amount as an invalid-input error", () => {
    const error = thrown(() => money(-5, "USD"));
    expect(isLinkpayError(error, "INVALID_AMOUNT")).toBe(true);
    expect(isLinkpayError(error) && [error.status, error.kind, error.details]).toEqual([
      400,
      "invalid_input",
      { amount: -5 },
    ]);
  });
});

describe("moneyFromMajor", () => {
  it.each([
    ["1234", "JPY", 1234],
    ["0", "JPY", 0],
    ["007", "JPY", 7],
    ["12.34", "USD", 1234],
    ["12.3", "USD", 1230],
    ["12", "USD", 1200],
    ["0.01", "USD", 1],
    ["1.234", "KWD", 1234],
    ["0.5", "BHD", 500],
    ["1.234", "kwd", 1234],
    ["9007199254740991", "JPY", MAX],
    ["90071992547409.91", "USD", MAX],
    ["9007199254740.991", "KWD", MAX],
  ])("parses %j %s as %i minor units", (value, currency, amount) => {
    expect(moneyFromMajor(value, currency).amount).toBe(amount);
  });

  it.each([
    ["1.5", "JPY", "decimals on a zero-decimal currency"],
    ["1.0", "JPY", "even zero decimals on a zero-decimal currency"],
    ["12.345", "USD", "more decimals than the currency has"],
    ["1.2345", "KWD", "more decimals than the currency has"],
    ["1e3", "USD", "exponent notation"],
    ["-1", "USD", "a negative"],
    [" 12", "USD", "leading space"],
    ["12 ", "USD", "trailing space"],
    ["12\n", "USD", "trailing newline"],
    ["12.", "USD", "a trailing dot"],
    [".5", "USD", "no integer part"],
    ["", "USD", "the empty string"],
    ["0x10", "USD", "hexadecimal"],
    ["+1", "USD", "an explicit sign"],
    ["1,000", "USD", "a grouping separator"],
    ["１２", "JPY", "full-width digits"],
    ["Infinity", "USD", "Infinity"],
    ["NaN", "USD", "NaN"],
    ["9007199254740992", "JPY", "overflow past MAX_SAFE_INTEGER"],
    ["90071992547409.92", "USD", "overflow past MAX_SAFE_INTEGER in minor units"],
    ["1".repeat(400), "JPY", "a huge number"],
  ])("rejects %j %s (%s) with INVALID_AMOUNT", (value, currency) => {
    expect(codeOf(() => moneyFromMajor(value, currency))).toBe("INVALID_AMOUNT");
  });

  it("throws UNKNOWN_CURRENCY for an unknown currency", () => {
    expect(codeOf(() => moneyFromMajor("12", "ABC"))).toBe("UNKNOWN_CURRENCY");
  });
});

describe("toMajorString", () => {
  it.each([
    [1234, "USD", "12.34"],
    [5, "USD", "0.05"],
    [0, "USD", "0.00"],
    [1234, "JPY", "1234"],
    [0, "JPY", "0"],
    [1234, "KWD", "1.234"],
    [5, "KWD", "0.005"],
    [MAX, "USD", "90071992547409.91"],
  ])("writes %i %s as %j", (amount, currency, expected) => {
    expect(toMajorString(money(amount, currency))).toBe(expected);
  });
});

describe("addMoney and subtractMoney", () => {
  const jpy = (amount: number) => money(amount, "JPY");

  it("adds and subtracts within one currency", () => {
    expect(addMoney(jpy(100), jpy(250))).toEqual(jpy(350));
    expect(subtractMoney(jpy(300), jpy(100))).toEqual(jpy(200));
    expect(subtractMoney(jpy(300), jpy(300))).toEqual(jpy(0));
  });

  it("throws CURRENCY_MISMATCH for mixed currencies, naming both", () => {
    expect(codeOf(() => addMoney(jpy(1), money(1, "USD")))).toBe("CURRENCY_MISMATCH");
    expect(codeOf(() => subtractMoney(jpy(1), money(1, "USD")))).toBe("CURRENCY_MISMATCH");
    const error = thrown(() => addMoney(jpy(1), money(1, "USD")));
    expect(isLinkpayError(error) && error.details).toEqual({ expected: "JPY", actual: "USD" });
  });

  it("throws INVALID_AMOUNT on overflow and on a negative result", () => {
    expect(codeOf(() => addMoney(jpy(MAX), jpy(1)))).toBe("INVALID_AMOUNT");
    expect(codeOf(() => addMoney(jpy(MAX), jpy(MAX)))).toBe("INVALID_AMOUNT");
    expect(codeOf(() => subtractMoney(jpy(100), jpy(101)))).toBe("INVALID_AMOUNT");
  });

  it("re-checks values that bypassed the constructor (e.g. parsed JSON)", () => {
    const float = fromJson('{"amount":1.5,"currency":"JPY"}');
    const lowerCase = fromJson('{"amount":1,"currency":"jpy"}');
    expect(codeOf(() => addMoney(jpy(1), float))).toBe("INVALID_AMOUNT");
    expect(codeOf(() => addMoney(jpy(1), lowerCase))).toBe("UNKNOWN_CURRENCY");
    expect(codeOf(() => addMoney(jpy(1), fromJson("null")))).toBe("INVALID_AMOUNT");
    expect(codeOf(() => toMajorString(fromJson('{"amount":-1,"currency":"USD"}')))).toBe(
      "INVALID_AMOUNT",
    );
  });
});

describe("sumMoney", () => {
  it("sums a list and gives zero of the currency for an empty list", () => {
    expect(sumMoney([], "JPY")).toEqual(money(0, "JPY"));
    expect(sumMoney([], "usd")).toEqual(money(0, "USD"));
    const items = [money(100, "USD"), money(250, "USD"), money(5, "USD")];
    expect(sumMoney(items, "USD")).toEqual(money(355, "USD"));
  });

  it("throws CURRENCY_MISMATCH when an item differs from the given currency", () => {
    expect(codeOf(() => sumMoney([money(1, "USD"), money(1, "JPY")], "USD"))).toBe(
      "CURRENCY_MISMATCH",
    );
    expect(codeOf(() => sumMoney([money(1, "USD")], "JPY"))).toBe("CURRENCY_MISMATCH");
  });

  it("throws UNKNOWN_CURRENCY for an unknown currency and INVALID_AMOUNT on overflow", () => {
    expect(codeOf(() => sumMoney([], "ABC"))).toBe("UNKNOWN_CURRENCY");
    expect(codeOf(() => sumMoney([money(MAX, "JPY"), money(1, "JPY")], "JPY"))).toBe(
      "INVALID_AMOUNT",
    );
  });
});

describe("multiplyMoney", () => {
  it("multiplies by a whole quantity", () => {
    expect(multiplyMoney(money(1234, "JPY"), 3)).toEqual(money(3702, "JPY"));
    expect(multiplyMoney(money(1234, "JPY"), 0)).toEqual(money(0, "JPY"));
    expect(multiplyMoney(money(MAX, "JPY"), 1)).toEqual(money(MAX, "JPY"));
  });

  it.each([
    ["a fractional quantity", 1.5],
    ["a negative quantity", -1],
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
  ])("throws INVALID_AMOUNT for %s", (_label, quantity) => {
    expect(codeOf(() => multiplyMoney(money(100, "USD"), quantity))).toBe("INVALID_AMOUNT");
  });

  it("throws INVALID_AMOUNT on overflow, including products that round to 2^53", () => {
    expect(codeOf(() => multiplyMoney(money(MAX, "JPY"), 2))).toBe("INVALID_AMOUNT");
    expect(codeOf(() => multiplyMoney(money(2 ** 26, "JPY"), 2 ** 27))).toBe("INVALID_AMOUNT");
  });
});

describe("moneyEquals and compareMoney", () => {
  it("compares within one currency", () => {
    expect(moneyEquals(money(100, "USD"), money(100, "usd"))).toBe(true);
    expect(moneyEquals(money(100, "USD"), money(101, "USD"))).toBe(false);
    expect(compareMoney(money(1, "USD"), money(2, "USD"))).toBe(-1);
    expect(compareMoney(money(2, "USD"), money(2, "USD"))).toBe(0);
    expect(compareMoney(money(3, "USD"), money(2, "USD"))).toBe(1);
    const sorted = [money(3, "JPY"), money(1, "JPY"), money(2, "JPY")].sort(compareMoney);
    expect(sorted.map((m) => m.amount)).toEqual([1, 2, 3]);
  });

  it("throws CURRENCY_MISMATCH for mixed currencies", () => {
    expect(codeOf(() => moneyEquals(money(1, "USD"), money(1, "EUR")))).toBe("CURRENCY_MISMATCH");
    expect(codeOf(() => compareMoney(money(1, "USD"), money(1, "EUR")))).toBe("CURRENCY_MISMATCH");
  });
});

describe("formatMoney", () => {
  it.each([
    [1234, "JPY", "ja-JP", "￥1,234"], // ICU uses the full-width yen sign (U+FFE5) for ja-JP
    [1234, "JPY", "en-US", "¥1,234"],
    [1234, "USD", "en-US", "$12.34"],
    [0, "USD", "en-US", "$0.00"],
    [1234, "USD", "ja-JP", "$12.34"],
    [1234, "KWD", "en-US", `KWD${NBSP}1.234`],
    // CLDR gives IQD 0 decimals; ISO 4217 says 3, and linkpay forces the ISO value.
    [1234, "IQD", "en-US", `IQD${NBSP}1.234`],
    [123456, "EUR", "de-DE", `1.234,56${NBSP}€`],
    [MAX, "USD", "en-US", "$90,071,992,547,409.91"],
    [MAX, "KWD", "en-US", `KWD${NBSP}9,007,199,254,740.991`],
  ])("formats %i %s in %s as %j", (amount, currency, locale, expected) => {
    expect(formatMoney(money(amount, currency), locale)).toBe(expected);
  });

  it("throws RangeError for a malformed locale", () => {
    expect(() => formatMoney(money(1, "USD"), "not a locale!")).toThrow(RangeError);
  });

  it("throws UNKNOWN_CURRENCY for a non-canonical currency from JSON", () => {
    const lowerCase = fromJson('{"amount":1,"currency":"usd"}');
    expect(codeOf(() => formatMoney(lowerCase, "en-US"))).toBe("UNKNOWN_CURRENCY");
  });
});

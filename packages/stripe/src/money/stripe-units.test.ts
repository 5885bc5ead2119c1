/**
 * @module
 * Every currency in core's table through Stripe's unit rules. The expectations are written out
 * here from Stripe's currency documentation (https://docs.stripe.com/currencies: the zero-decimal
 * list, the three-decimal list and the special cases), not derived from the module under test.
 */
import { describe, expect, it } from "@jest/globals";
import {
  CURRENCY_EXPONENTS,
  type CurrencyCode,
  currencyExponent,
  money,
  toCurrencyCode,
} from "@linkpay/core";
import { codeOf, errorOf } from "@linkpay/core/testing";
import { fromStripeAmount, toStripeAmount } from "./stripe-units";

/** What Stripe's `amount` is for one whole unit of the currency, or why linkpay refuses it. */
type Expected =
  | { readonly oneUnitAtStripe: number }
  | { readonly refused: "CURRENCY_NOT_SUPPORTED" };

const ZERO_DECIMAL = "BIF CLP DJF GNF JPY KMF KRW MGA PYG RWF VND VUV XAF XOF XPF".split(" ");
const TWO_DECIMAL_BACK_COMPAT = ["ISK", "UGX"];
const THREE_DECIMAL = "BHD JOD KWD OMR TND".split(" ");
const UNDOCUMENTED_THREE_DECIMAL = ["IQD", "LYD"];

function expected(currency: string): Expected {
  if (UNDOCUMENTED_THREE_DECIMAL.includes(currency)) return { refused: "CURRENCY_NOT_SUPPORTED" };
  if (ZERO_DECIMAL.includes(currency)) return { oneUnitAtStripe: 1 };
  if (TWO_DECIMAL_BACK_COMPAT.includes(currency)) return { oneUnitAtStripe: 100 };
  if (THREE_DECIMAL.includes(currency)) return { oneUnitAtStripe: 1000 };
  return { oneUnitAtStripe: 100 };
}

const currencies = Object.keys(CURRENCY_EXPONENTS).map((code) => toCurrencyCode(code));

describe("Stripe units for every currency in core's table", () => {
  it("covers the whole table, and every pass-through currency is two-decimal in core too", () => {
    expect(currencies.length).toBeGreaterThan(150);
    const passThrough = currencies.filter(
      (code) =>
        ![
          ...ZERO_DECIMAL,
          ...TWO_DECIMAL_BACK_COMPAT,
          ...THREE_DECIMAL,
          ...UNDOCUMENTED_THREE_DECIMAL,
        ].includes(code),
    );
    // If core ever gives one of these another exponent, this table must be revisited.
    expect(passThrough.filter((code) => currencyExponent(code) !== 2)).toEqual([]);
  });

  it.each(currencies)(
    "%s: one whole unit maps to Stripe's amount and back",
    (currency: CurrencyCode) => {
      const oneUnit = money(10 ** currencyExponent(currency), currency);
      const rule = expected(currency);
      if ("refused" in rule) {
        expect(codeOf(() => toStripeAmount(oneUnit, "total"))).toBe(rule.refused);
        return;
      }
      const atStripe = toStripeAmount(oneUnit, "total");
      expect(atStripe).toBe(rule.oneUnitAtStripe);
      expect(
        fromStripeAmount({ amount: atStripe, currency: currency.toLowerCase() }, "api", "session"),
      ).toEqual(oneUnit);
    },
  );
});

describe("amounts Stripe cannot take are refused before anything is sent", () => {
  it("ISK 5,000 is 500000 at Stripe (the bug: it used to be charged as ISK 50)", () => {
    expect(toStripeAmount(money(5_000, "ISK"), "total")).toBe(500_000);
    expect(fromStripeAmount({ amount: 500_000, currency: "isk" }, "webhook", "session")).toEqual(
      money(5_000, "ISK"),
    );
  });

  it("HUF and TWD keep their two decimals for charges (zero-decimal only for payouts)", () => {
    expect(toStripeAmount(money(123_450, "HUF"), "total")).toBe(123_450);
    expect(toStripeAmount(money(10_025, "TWD"), "total")).toBe(10_025);
  });

  it("a three-decimal amount must end in 0", () => {
    expect(toStripeAmount(money(5_120, "KWD"), "total")).toBe(5_120);
    const error = errorOf(() => toStripeAmount(money(5_125, "KWD"), "lineItems[1].unitAmount"));
    expect(error.code).toBe("INVALID_AMOUNT");
    expect(error.message).toMatch(/^lineItems\[1\]\.unitAmount: KWD 5125 .* end in 0; .* 5120/);
  });

  it("MGA (two-decimal in ISO, zero-decimal at Stripe) must be whole ariary", () => {
    expect(toStripeAmount(money(150_000, "MGA"), "total")).toBe(1_500);
    const error = errorOf(() => toStripeAmount(money(150_050, "MGA"), "total"));
    expect([error.code, error.details.rule]).toEqual(["INVALID_AMOUNT", "whole_units_only"]);
  });

  it("IQD and LYD name the field and say why", () => {
    const error = errorOf(() => toStripeAmount(money(1_000, "IQD"), "total"));
    expect(error.message).toMatch(/^total: IQD cannot be charged through Stripe/);
  });

  it("a fraction of a whole-unit currency coming back from Stripe is not silently rounded", () => {
    expect(
      codeOf(() => fromStripeAmount({ amount: 50_050, currency: "isk" }, "webhook", "charge")),
    ).toBe("WEBHOOK_PAYLOAD_INVALID");
    expect(codeOf(() => fromStripeAmount({ amount: 100, currency: "iqd" }, "api", "charge"))).toBe(
      "PROVIDER_REJECTED",
    );
  });
});

import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { codeOf } from "../testing/error-capture";
import {
  CURRENCY_EXPONENTS,
  type CurrencyCode,
  type CurrencyExponent,
  currencyExponent,
  isCurrencyCode,
} from "./currencies";
import {
  addMoney,
  compareMoney,
  formatMoney,
  type Money,
  money,
  moneyFromMajor,
  multiplyMoney,
  subtractMoney,
  sumMoney,
  toMajorString,
} from "./money";

const MAX = Number.MAX_SAFE_INTEGER;
const CODES: readonly CurrencyCode[] = Object.keys(CURRENCY_EXPONENTS).filter(isCurrencyCode);

function codesWithExponent(exponent: CurrencyExponent): CurrencyCode[] {
  return CODES.filter((code) => currencyExponent(code) === exponent);
}

/** Every currency, reached through its exponent first so 0, 2 and 3 are all well exercised. */
const currency = fc
  .constantFrom<CurrencyExponent>(0, 2, 3)
  .chain((exponent) => fc.constantFrom(...codesWithExponent(exponent)));

/** Amounts small enough that three of them never overflow. */
const smallAmount = fc.integer({ min: 0, max: Math.floor(MAX / 3) });
const anyAmount = fc.maxSafeNat();

describe("addition", () => {
  it("is commutative and associative", () => {
    fc.assert(
      fc.property(currency, smallAmount, smallAmount, smallAmount, (code, x, y, z) => {
        const [a, b, c] = [money(x, code), money(y, code), money(z, code)];
        expect(addMoney(a, b)).toEqual(addMoney(b, a));
        expect(addMoney(addMoney(a, b), c)).toEqual(addMoney(a, addMoney(b, c)));
      }),
    );
  });

  it("equals integer addition, or throws INVALID_AMOUNT exactly when it overflows", () => {
    fc.assert(
      fc.property(currency, anyAmount, anyAmount, (code, x, y) => {
        const exact = BigInt(x) + BigInt(y);
        const add = () => addMoney(money(x, code), money(y, code));
        if (exact > BigInt(MAX)) expect(codeOf(add)).toBe("INVALID_AMOUNT");
        else expect(BigInt(add().amount)).toBe(exact);
      }),
    );
  });

  it("is undone by subtraction, which never goes negative", () => {
    fc.assert(
      fc.property(currency, smallAmount, smallAmount, (code, x, y) => {
        const [a, b] = [money(x, code), money(y, code)];
        expect(subtractMoney(addMoney(a, b), b)).toEqual(a);
        if (x < y) expect(codeOf(() => subtractMoney(a, b))).toBe("INVALID_AMOUNT");
      }),
    );
  });

  it("orders like the integers", () => {
    fc.assert(
      fc.property(currency, anyAmount, anyAmount, (code, x, y) => {
        expect(compareMoney(money(x, code), money(y, code))).toBe(Math.sign(x - y));
      }),
    );
  });
});

describe("line items", () => {
  const line = fc.record({
    unit: fc.integer({ min: 0, max: 10_000_000 }),
    quantity: fc.integer({ min: 0, max: 1_000 }),
  });

  it("sum of multiplied line items equals the exact integer total", () => {
    fc.assert(
      fc.property(currency, fc.array(line, { maxLength: 20 }), (code, lines) => {
        const total = sumMoney(
          lines.map(({ unit, quantity }) => multiplyMoney(money(unit, code), quantity)),
          code,
        );
        const exact = lines.reduce((sum, { unit, quantity }) => sum + unit * quantity, 0);
        expect(total).toEqual(money(exact, code));
      }),
    );
  });

  it("multiplying a sum equals summing the multiplied items", () => {
    fc.assert(
      fc.property(
        currency,
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { maxLength: 20 }),
        fc.integer({ min: 0, max: 1_000 }),
        (code, amounts, quantity) => {
          const items: Money[] = amounts.map((amount) => money(amount, code));
          expect(multiplyMoney(sumMoney(items, code), quantity)).toEqual(
            sumMoney(
              items.map((item) => multiplyMoney(item, quantity)),
              code,
            ),
          );
        },
      ),
    );
  });

  it("multiplication throws INVALID_AMOUNT exactly when the product overflows", () => {
    fc.assert(
      fc.property(anyAmount, anyAmount, (x, quantity) => {
        const multiply = () => multiplyMoney(money(x, "JPY"), quantity);
        const exact = BigInt(x) * BigInt(quantity);
        if (exact > BigInt(MAX)) expect(codeOf(multiply)).toBe("INVALID_AMOUNT");
        else expect(BigInt(multiply().amount)).toBe(exact);
      }),
    );
  });
});

describe("major-unit strings", () => {
  it("moneyFromMajor(toMajorString(m)) round-trips for every exponent", () => {
    fc.assert(
      fc.property(currency, anyAmount, (code, amount) => {
        const m = money(amount, code);
        const major = toMajorString(m);
        const exponent = currencyExponent(code);
        expect(major).toMatch(exponent === 0 ? /^\d+$/ : new RegExp(`^\\d+\\.\\d{${exponent}}$`));
        expect(moneyFromMajor(major, code)).toEqual(m);
        expect(moneyFromMajor(major, code.toLowerCase())).toEqual(m);
      }),
    );
  });

  it("rejects anything that is not a plain decimal with INVALID_AMOUNT", () => {
    fc.assert(
      fc.property(
        fc.string().filter((value) => !/^\d+(\.\d+)?$/.test(value)),
        currency,
        (value, code) => {
          expect(codeOf(() => moneyFromMajor(value, code))).toBe("INVALID_AMOUNT");
        },
      ),
    );
  });
});

describe("formatMoney (en-US)", () => {
  it("shows exactly the ISO exponent's digits, and the exact amount", () => {
    fc.assert(
      fc.property(currency, anyAmount, (code, amount) => {
        const m = money(amount, code);
        const formatted = formatMoney(m, "en-US");
        // Symbols can contain dots (XCG is "Cg."), so look at the number only.
        const number = /\d[\d,]*(?:\.(\d+))?/.exec(formatted);
        expect(number).not.toBeNull();
        const exponent = currencyExponent(code);
        if (exponent === 0) expect(number?.[1]).toBeUndefined();
        else expect(number?.[1]).toHaveLength(exponent);
        expect(number?.[0].replaceAll(",", "")).toBe(toMajorString(m));
      }),
    );
  });
});

describe("invalid amounts", () => {
  it("rejects every non-integer or non-finite number with INVALID_AMOUNT", () => {
    fc.assert(
      fc.property(
        fc.double().filter((value) => !Number.isInteger(value)),
        currency,
        (value, code) => {
          expect(codeOf(() => money(value, code))).toBe("INVALID_AMOUNT");
          expect(codeOf(() => multiplyMoney(money(1, code), value))).toBe("INVALID_AMOUNT");
        },
      ),
    );
  });

  it("rejects every negative number with INVALID_AMOUNT", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ max: -1 }), fc.double({ max: -Number.MIN_VALUE })),
        currency,
        (value, code) => {
          expect(codeOf(() => money(value, code))).toBe("INVALID_AMOUNT");
          expect(codeOf(() => multiplyMoney(money(1, code), value))).toBe("INVALID_AMOUNT");
        },
      ),
    );
  });

  it("rejects every integer above MAX_SAFE_INTEGER with INVALID_AMOUNT", () => {
    fc.assert(
      fc.property(fc.double({ min: MAX + 1, noNaN: true }), currency, (value, code) => {
        expect(codeOf(() => money(value, code))).toBe("INVALID_AMOUNT");
      }),
    );
  });
});

import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { passesLuhn } from "./luhn";

describe("passesLuhn", () => {
  it("accepts well-known test card numbers", () => {
    for (const pan of [
      "4242424242424242",
      "4000000000000002",
      "5555555555554444",
      "378282246310005",
      "3530111333300000",
      "6011111111111117",
      "36227206271667",
      "4222222222222",
      "6205500000000000004",
    ]) {
      expect(passesLuhn(pan)).toBe(true);
    }
  });

  it("rejects a wrong check digit", () => {
    expect(passesLuhn("4242424242424241")).toBe(false);
    expect(passesLuhn("5555555555554440")).toBe(false);
  });

  it("rejects empty strings, separators and non-ASCII digits", () => {
    expect(passesLuhn("")).toBe(false);
    expect(passesLuhn("4242 4242 4242 4242")).toBe(false);
    expect(passesLuhn("4242-4242-4242-4242")).toBe(false);
    expect(passesLuhn("４２４２４２４２４２４２４２４２")).toBe(false);
  });

  it("has exactly one valid check digit for any payload", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 1 }),
        (payload) => {
          const valid = [..."0123456789"].filter((digit) => passesLuhn(payload + digit));
          expect(valid).toHaveLength(1);
        },
      ),
    );
  });
});

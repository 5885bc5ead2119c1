import { describe, expect, it } from "@jest/globals";
import {
  CARD_BRANDS,
  cardBrandOf,
  MAX_CARD_NUMBER_LENGTH,
  MIN_CARD_NUMBER_LENGTH,
} from "./card-brands";

describe("cardBrandOf", () => {
  it.each([
    ["4242424242424242", "visa"],
    ["4222222222222", "visa"],
    ["4000000000000002", "visa"],
    ["5555555555554444", "mastercard"],
    ["2223003122003222", "mastercard"],
    ["378282246310005", "amex"],
    ["371449635398431", "amex"],
    ["3530111333300000", "jcb"],
    ["36227206271667", "diners"],
    ["3056930009020004", "diners"],
    ["6011111111111117", "discover"],
    ["6200000000000005", "unionpay"],
    ["6205500000000000004", "unionpay"],
    ["6759649826438453", "maestro"],
    ["6767700000000005", "maestro"],
    ["2200000000000004", "mir"],
  ])("%s is %s", (pan, brand) => {
    expect(cardBrandOf(pan)).toBe(brand);
  });

  it("needs a length the brand issues", () => {
    expect(cardBrandOf("424242424242424")).toBeUndefined(); // Visa has no 15-digit cards
    expect(cardBrandOf("37828224631003")).toBeUndefined(); // Amex is always 15 digits
    expect(cardBrandOf("55555555555544440")).toBeUndefined(); // Mastercard is always 16 digits
  });

  it("knows nothing of unassigned or non-card prefixes", () => {
    expect(cardBrandOf("1000000000000008")).toBeUndefined();
    expect(cardBrandOf("9999999999999995")).toBeUndefined();
    expect(cardBrandOf("0000000000000000")).toBeUndefined();
    expect(cardBrandOf("2220999999999991")).toBeUndefined(); // just below Mastercard 2221
    expect(cardBrandOf("2721000000000004")).toBeUndefined(); // just above Mastercard 2720
  });

  it("only reads 13–19 plain ASCII digits", () => {
    expect(cardBrandOf("424242424242")).toBeUndefined();
    expect(cardBrandOf("42424242424242424242")).toBeUndefined();
    expect(cardBrandOf("4242 4242 4242 4242")).toBeUndefined();
    expect(cardBrandOf("")).toBeUndefined();
  });

  it("keeps every range well-formed and every length within 13–19", () => {
    for (const { ranges, lengths } of CARD_BRANDS) {
      for (const { from, to } of ranges) {
        expect(from).toMatch(/^[1-9][0-9]*$/);
        expect(to.length).toBe(from.length);
        expect(from <= to).toBe(true);
      }
      for (const length of lengths) {
        expect(length).toBeGreaterThanOrEqual(MIN_CARD_NUMBER_LENGTH);
        expect(length).toBeLessThanOrEqual(MAX_CARD_NUMBER_LENGTH);
      }
    }
  });
});

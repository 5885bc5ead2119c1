import { describe, expect, it } from "@jest/globals";
import { isCardLike } from "./card-like";

const field = (overrides: Partial<Parameters<typeof isCardLike>[0]>) => ({
  name: "",
  type: "text",
  autocomplete: "",
  hints: "",
  ...overrides,
});

describe("isCardLike", () => {
  it.each([
    ["autocomplete cc-number", field({ autocomplete: "cc-number" })],
    ["autocomplete with a section", field({ autocomplete: "section-pay billing cc-csc" })],
    ["a cardnumber name", field({ name: "cardnumber" })],
    ["a cvc name", field({ name: "cvc" })],
    ["an expiry placeholder", field({ name: "x1", hints: "Expiry date MM/YY" })],
    ["a Japanese label", field({ name: "f2", hints: "カード番号" })],
    ["a Japanese security code label", field({ name: "f3", hints: "セキュリティコード" })],
  ])("flags %s", (_, input) => {
    expect(isCardLike(input)).toBe(true);
  });

  it.each([
    ["an e-mail field", field({ name: "email", autocomplete: "email" })],
    ["a phone field", field({ name: "phone", autocomplete: "tel" })],
    ["a hidden field named like a card", field({ name: "card_number", type: "hidden" })],
    ["a postal code", field({ name: "postal", hints: "郵便番号" })],
  ])("leaves %s alone", (_, input) => {
    expect(isCardLike(input)).toBe(false);
  });
});

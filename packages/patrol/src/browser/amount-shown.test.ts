import { describe, expect, it } from "@jest/globals";
import { amountShown } from "./amount-shown";

describe("amountShown", () => {
  it("reads yen and dollar amounts as shown on a page, in minor units", () => {
    expect(amountShown("¥12,100", "JPY")).toBe(12100);
    expect(amountShown("お支払い合計 12,100円", "JPY")).toBe(12100);
    expect(amountShown("$1,234.50", "USD")).toBe(123450);
  });

  it("refuses text without an amount, and decimals a currency does not have", () => {
    expect(() => amountShown("無料", "JPY")).toThrow("no amount");
    expect(() => amountShown("¥12.5", "JPY")).toThrow(/at most 0 decimal places/);
  });
});

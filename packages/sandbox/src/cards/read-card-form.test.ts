import { describe, expect, it } from "@jest/globals";
import { readCardForm } from "./read-card-form";
import { TEST_CARDS } from "./test-cards";

const now = new Date("2026-11-25T00:00:00Z");
const form = (fields: Record<string, string>) => ({
  number: TEST_CARDS.success,
  exp: "12 / 30",
  cvc: "123",
  ...fields,
});

describe("readCardForm", () => {
  it("keeps brand, last four and expiry only, and maps test cards to outcomes", () => {
    expect(readCardForm(form({ number: "4242-4242 4242-4242" }), now)).toEqual({
      ok: true,
      card: { brand: "visa", last4: "4242", expMonth: 12, expYear: 2030 },
      outcome: { kind: "approve" },
    });
    const outcomeOf = (number: string) => {
      const result = readCardForm(form({ number }), now);
      return result.ok ? result.outcome : result.problem;
    };
    expect(outcomeOf(TEST_CARDS.genericDecline)).toEqual({
      kind: "decline",
      declineCode: "generic_decline",
    });
    expect(outcomeOf(TEST_CARDS.insufficientFunds)).toEqual({
      kind: "decline",
      declineCode: "insufficient_funds",
    });
    expect(outcomeOf(TEST_CARDS.threeDSecure)).toEqual({ kind: "challenge" });
    expect(outcomeOf("378282246310005")).toEqual({ kind: "approve" });
  });

  it.each([
    [{ number: "4242424242424241" }, "invalid_number"],
    [{ number: "42424242" }, "invalid_number"],
    [{ number: "4242abcd42424242" }, "invalid_number"],
    [{ exp: "13/30" }, "invalid_expiry"],
    [{ exp: "1330" }, "invalid_expiry"],
    [{ exp: "10/26" }, "expired_card"],
    [{ cvc: "12" }, "invalid_cvc"],
  ])("refuses %j as %s", (fields, problem) => {
    expect(readCardForm(form(fields), now)).toEqual({ ok: false, problem });
  });

  it("accepts the current month, typed expiries and full-width digits, and refuses a non-form body", () => {
    expect(readCardForm(form({ exp: "11/26" }), now).ok).toBe(true);
    expect(readCardForm(form({ exp: "1230" }), now).ok).toBe(true);
    expect(
      readCardForm(form({ number: "４２４２ ４２４２ ４２４２ ４２４２", cvc: "１２３" }), now).ok,
    ).toBe(true);
    expect(readCardForm(undefined, now)).toEqual({ ok: false, problem: "invalid_number" });
  });
});

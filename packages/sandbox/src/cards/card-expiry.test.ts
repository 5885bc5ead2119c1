import { describe, expect, it } from "@jest/globals";
import { parseExpiry } from "./card-expiry";

const now = new Date("2026-11-25T00:00:00Z");

describe("parseExpiry", () => {
  it.each([
    ["1230", 12, 2030],
    ["12/30", 12, 2030],
    ["12 / 30", 12, 2030],
    ["12/2030", 12, 2030],
    ["122030", 12, 2030],
    ["12-30", 12, 2030],
    [" 01 / 27 ", 1, 2027],
    ["1/27", 1, 2027],
    ["127", 1, 2027],
    ["１２／３０", 12, 2030],
    ["１２３０", 12, 2030],
    ["12　/　30", 12, 2030],
    ["11/26", 11, 2026],
  ])("reads %j as %i/%i", (text, month, year) => {
    expect(parseExpiry(text, now)).toEqual({ ok: true, month, year });
  });

  it.each([
    ["10/26", "expired_card"],
    ["12/2025", "expired_card"],
    ["13/30", "invalid_expiry"],
    ["00/30", "invalid_expiry"],
    ["1330", "invalid_expiry"],
    ["12/3", "invalid_expiry"],
    ["12030", "invalid_expiry"],
    ["12/47", "invalid_expiry"],
    ["", "invalid_expiry"],
    ["12//30", "invalid_expiry"],
    ["ab/cd", "invalid_expiry"],
    ["12/30/30", "invalid_expiry"],
  ])("refuses %j as %s", (text, problem) => {
    expect(parseExpiry(text, now)).toEqual({ ok: false, problem });
  });

  it("accepts the last year of the horizon and refuses the one after", () => {
    expect(parseExpiry("12/46", now).ok).toBe(true);
    expect(parseExpiry("01/47", now).ok).toBe(false);
  });
});

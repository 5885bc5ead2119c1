import { describe, expect, it } from "@jest/globals";
import { konbiniExpiry } from "./konbini";

describe("konbiniExpiry", () => {
  it("ends at 23:59:59 JST, the given number of calendar days later", () => {
    const mondayNoonJst = Date.parse("2026-11-23T03:00:00Z") / 1000;
    expect(new Date(konbiniExpiry(mondayNoonJst, 2) * 1000).toISOString()).toBe(
      "2026-11-25T14:59:59.000Z",
    );
    const mondayLateJst = Date.parse("2026-11-23T14:30:00Z") / 1000;
    expect(new Date(konbiniExpiry(mondayLateJst, 3) * 1000).toISOString()).toBe(
      "2026-11-26T14:59:59.000Z",
    );
    const tuesdayJustAfterMidnightJst = Date.parse("2026-11-23T15:30:00Z") / 1000;
    expect(new Date(konbiniExpiry(tuesdayJustAfterMidnightJst, 3) * 1000).toISOString()).toBe(
      "2026-11-27T14:59:59.000Z",
    );
  });
});

import { describe, expect, it } from "@jest/globals";
import { tokyoDateTime } from "../pricing/rental-period";
import { quoteCancellation } from "./cancellation-policy";

const pickUpAt = tokyoDateTime("2027-03-20", "10:00");

function at(date: string, time: string) {
  return quoteCancellation({
    pickUpAt,
    now: tokyoDateTime(date, time),
    total: 33_000,
    paid: 33_000,
    alreadyRefunded: 0,
  });
}

describe("the cancellation policy", () => {
  it.each([
    ["2027-03-01", "12:00", 19, 0],
    ["2027-03-13", "23:59", 7, 0],
    ["2027-03-14", "00:00", 6, 20],
    ["2027-03-17", "09:00", 3, 20],
    ["2027-03-18", "09:00", 2, 30],
    ["2027-03-19", "23:59", 1, 30],
    ["2027-03-20", "00:00", 0, 50],
    ["2027-03-20", "09:59", 0, 50],
  ])(
    "cancelling on %s at %s (Japan time) is %i days before and keeps %i%%",
    (date, time, days, percent) => {
      const quote = at(date, time);
      expect(quote?.daysBefore).toBe(days);
      expect(quote?.feePercent).toBe(percent);
      expect(quote?.fee).toBe(Math.floor((33_000 * percent) / 100));
      expect(quote?.refund).toBe(33_000 - Math.floor((33_000 * percent) / 100));
    },
  );

  it("counts days in Japan time, not UTC: 23:30 in Tokyo is already the next day in Japan", () => {
    // 2027-03-13T14:30Z is 23:30 on the 13th in Tokyo: 7 days before, free.
    const quote = quoteCancellation({
      pickUpAt,
      now: new Date("2027-03-13T14:30:00Z"),
      total: 10_000,
      paid: 10_000,
      alreadyRefunded: 0,
    });
    expect(quote).toMatchObject({ daysBefore: 7, feePercent: 0, refund: 10_000 });
    const later = quoteCancellation({
      pickUpAt,
      now: new Date("2027-03-13T15:30:00Z"),
      total: 10_000,
      paid: 10_000,
      alreadyRefunded: 0,
    });
    expect(later).toMatchObject({ daysBefore: 6, feePercent: 20, refund: 8_000 });
  });

  it("rounds the fee down to the yen", () => {
    const quote = quoteCancellation({
      pickUpAt,
      now: tokyoDateTime("2027-03-15", "10:00"),
      total: 5_499,
      paid: 5_499,
      alreadyRefunded: 0,
    });
    expect(quote).toMatchObject({ feePercent: 20, fee: 1_099, refund: 4_400 });
  });

  it("takes what was already refunded off the refund, never below zero", () => {
    const base = {
      pickUpAt,
      now: tokyoDateTime("2027-03-15", "10:00"),
      total: 10_000,
      paid: 10_000,
    };
    expect(quoteCancellation({ ...base, alreadyRefunded: 3_000 })?.refund).toBe(5_000);
    expect(quoteCancellation({ ...base, alreadyRefunded: 9_000 })?.refund).toBe(0);
  });

  it("refuses once the pick-up time has passed", () => {
    expect(at("2027-03-20", "10:00")).toBeUndefined();
    expect(at("2027-03-25", "10:00")).toBeUndefined();
  });
});

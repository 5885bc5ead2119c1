import { describe, expect, it } from "@jest/globals";
import type { Booking } from "./bookings";
import { checkoutFor, KONBINI_MAX_DAYS, konbiniDays } from "./checkout-for-booking";

/** Saturday 2026-12-05, 15:00 in Japan. */
const NOW = new Date("2026-12-05T06:00:00Z");

function booking(pickUpAt: string, total = 17_600): Booking {
  return {
    id: "b-1",
    reference: "RC-TEST0001",
    status: "awaiting_payment",
    locale: "ja",
    pick_up_location: "HND",
    return_location: "HND",
    pick_up_at: pickUpAt,
    return_at: "2026-12-31T00:00:00Z",
    car_class: "C",
    car_id: "HND-C-1",
    options_json: "[]",
    lines_json: JSON.stringify([
      { name: { ja: "コンパクト", en: "Compact" }, unitAmount: total, quantity: 1 },
    ]),
    total,
    currency: "JPY",
    customer_name: "鈴木 花子",
    customer_kana: "スズキ ハナコ",
    customer_email: "hanako@example.com",
    customer_phone: "090-1234-5678",
    draft_id: null,
    created_at: NOW.toISOString(),
    updated_at: NOW.toISOString(),
  };
}

describe("checkoutFor: konbini only when its slip can be paid before pick-up", () => {
  it("ends the slip by the day before pick-up, at most a few days out", () => {
    // Pick-up Monday 10:00 JST: the slip may run to Sunday 23:59, one day after Saturday.
    expect(konbiniDays(booking("2026-12-07T01:00:00Z"), NOW)).toBe(1);
    expect(konbiniDays(booking("2026-12-08T01:00:00Z"), NOW)).toBe(2);
    expect(konbiniDays(booking("2026-12-20T01:00:00Z"), NOW)).toBe(KONBINI_MAX_DAYS);
  });

  it("offers card only when pick-up is tomorrow or the slip would be issued after midnight", () => {
    expect(checkoutFor(booking("2026-12-06T01:00:00Z"), NOW)).toMatchObject({
      paymentMethods: ["card"],
    });
    // 23:30 JST: the hosted page may issue the slip after midnight, and pick-up is the day after.
    const lateEvening = new Date("2026-12-05T14:30:00Z");
    expect(checkoutFor(booking("2026-12-07T01:00:00Z"), lateEvening)).toMatchObject({
      paymentMethods: ["card"],
    });
    expect(checkoutFor(booking("2026-12-07T01:00:00Z"), NOW).konbini).toEqual({
      expiresAfterDays: 1,
    });
  });

  it("offers card only above konbini's ¥300,000", () => {
    const request = checkoutFor(booking("2026-12-20T01:00:00Z", 300_001), NOW);
    expect(request).toMatchObject({ paymentMethods: ["card"] });
    expect(request.konbini).toBeUndefined();
  });

  it("leaves the methods to the provider and sets the slip's deadline when konbini suits", () => {
    const request = checkoutFor(booking("2026-12-08T01:00:00Z", 300_000), NOW);
    expect(request.paymentMethods).toBeUndefined();
    expect(request.konbini).toEqual({ expiresAfterDays: 2 });
  });
});

import { describe, expect, it } from "@jest/globals";
import { createKomojuProvider } from "@linkpay/komoju";
import { createStripeProvider } from "@linkpay/stripe";
import type { Booking } from "./bookings";
import { checkoutFor, KONBINI_MAX_DAYS, konbiniDays } from "./checkout-for-booking";

/** Stripe as the sandbox demo configures it: card and konbini. */
const STRIPE = createStripeProvider({
  secretKey: "sk_test_checkoutForBooking0123456789",
  webhookSecrets: "whsec_checkoutForBooking0123456789abcdef",
  paymentMethodTypes: ["card", "konbini"],
});

/** KOMOJU as the sandbox demo configures it: card, konbini and PayPay. */
const KOMOJU = createKomojuProvider({
  secretKey: "sk_test_checkoutForBooking0123456789",
  webhookSecrets: "komoju-webhook-token-0123456789",
  paymentMethods: ["card", "konbini", "paypay"],
});

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
    expect(checkoutFor(booking("2026-12-06T01:00:00Z"), NOW, STRIPE)).toMatchObject({
      paymentMethods: ["card"],
    });
    // 23:30 JST: the hosted page may issue the slip after midnight, and pick-up is the day after.
    const lateEvening = new Date("2026-12-05T14:30:00Z");
    expect(checkoutFor(booking("2026-12-07T01:00:00Z"), lateEvening, STRIPE)).toMatchObject({
      paymentMethods: ["card"],
    });
    expect(checkoutFor(booking("2026-12-07T01:00:00Z"), NOW, STRIPE).konbini).toEqual({
      expiresAfterDays: 1,
    });
  });

  it("offers card only above Stripe's konbini ¥300,000 and below its ¥120 (the adapter's limits)", () => {
    const small = checkoutFor(booking("2026-12-20T01:00:00Z", 119), NOW, STRIPE);
    expect(small).toMatchObject({ paymentMethods: ["card"] });
    expect(small.konbini).toBeUndefined();
    const request = checkoutFor(booking("2026-12-20T01:00:00Z", 300_001), NOW, STRIPE);
    expect(request).toMatchObject({ paymentMethods: ["card"] });
    expect(request.konbini).toBeUndefined();
  });

  it("leaves the methods to the provider and sets the slip's deadline when konbini suits", () => {
    const request = checkoutFor(booking("2026-12-08T01:00:00Z", 300_000), NOW, STRIPE);
    expect(request.paymentMethods).toBeUndefined();
    expect(request.konbini).toEqual({ expiresAfterDays: 2 });
  });

  it("never offers konbini with a provider configured for cards only", () => {
    const cardOnly = createStripeProvider({
      secretKey: "sk_test_checkoutForBooking0123456789",
      webhookSecrets: "whsec_checkoutForBooking0123456789abcdef",
    });
    const request = checkoutFor(booking("2026-12-08T01:00:00Z"), NOW, cardOnly);
    expect(request.paymentMethods).toBeUndefined();
    expect(request.konbini).toBeUndefined();
  });
});

describe("checkoutFor with KOMOJU: PayPay whenever KOMOJU offers it, konbini by the same rules", () => {
  it("keeps PayPay and drops konbini when the slip could not be paid before pick-up", () => {
    const request = checkoutFor(booking("2026-12-06T01:00:00Z"), NOW, KOMOJU);
    expect(request.paymentMethods).toEqual(["card", "paypay"]);
    expect(request.konbini).toBeUndefined();
  });

  it("drops konbini above KOMOJU's konbini limit (the adapter's KOMOJU_KONBINI_MAX_AMOUNT)", () => {
    const limit = checkoutFor(booking("2026-12-20T01:00:00Z", 300_000), NOW, KOMOJU);
    expect(limit.paymentMethods).toBeUndefined();
    expect(limit.konbini).toEqual({ expiresAfterDays: KONBINI_MAX_DAYS });
    const above = checkoutFor(booking("2026-12-20T01:00:00Z", 300_001), NOW, KOMOJU);
    expect(above.paymentMethods).toEqual(["card", "paypay"]);
    expect(above.konbini).toBeUndefined();
  });

  it("drops konbini when KOMOJU's slips (3 days, its dashboard setting) would outlast the deadline", () => {
    // Pick-up on the 8th: the slip must expire by the 7th, two days on; KOMOJU's last three.
    const request = checkoutFor(booking("2026-12-08T01:00:00Z", 100), NOW, KOMOJU);
    expect(request.paymentMethods).toEqual(["card", "paypay"]);
    expect(request.konbini).toBeUndefined();
  });

  it("leaves all three to KOMOJU when its slips end in time", () => {
    const twoDaySlips = createKomojuProvider({
      secretKey: "sk_test_checkoutForBooking0123456789",
      webhookSecrets: "komoju-webhook-token-0123456789",
      paymentMethods: ["card", "konbini", "paypay"],
      konbiniExpiryDays: 2,
    });
    const request = checkoutFor(booking("2026-12-08T01:00:00Z", 100), NOW, twoDaySlips);
    expect(request.paymentMethods).toBeUndefined();
    expect(request.konbini).toEqual({ expiresAfterDays: 2 });
    const later = checkoutFor(booking("2026-12-20T01:00:00Z", 100), NOW, KOMOJU);
    expect(later.paymentMethods).toBeUndefined();
    expect(later.konbini).toEqual({ expiresAfterDays: KONBINI_MAX_DAYS });
  });
});

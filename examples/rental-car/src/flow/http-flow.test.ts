/**
 * @module
 * The booking flow over HTTP against the real app and its sandbox: search, the booking form, the
 * confirmation step, 303 to the hosted page, pay, webhook, confirmation and its e-mail, on SQLite.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { formFields, HttpShopper, submitBooking } from "@linkpay/rental-car-http-client";
import { TEST_CARDS } from "@linkpay/sandbox";
import { addDays } from "../pricing/rental-period";
import { offPeakDate } from "../test-support/off-peak-dates";
import { startTestApp, type TestApp } from "../test-support/test-app";
import { TEXTS } from "../web/i18n";

/** Off-peak, a month ahead (the booking rules refuse past dates and dates beyond the horizon). */
const PICK_UP_DATE = offPeakDate(new Date(), 30);
const SEARCH = {
  pickUpLocation: "HND",
  returnLocation: "HND",
  pickUpDate: PICK_UP_DATE,
  pickUpTime: "10:00",
  returnDate: addDays(PICK_UP_DATE, 2),
  returnTime: "09:00",
};

describe("booking flow over HTTP (SQLite)", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  async function bookToCheckout(shopper: HttpShopper, carClass = "C") {
    const results = await shopper.get(`/search?${new URLSearchParams(SEARCH)}&lang=en`);
    expect(results.status).toBe(200);
    expect(results.html).toContain("Compact");
    const form = await shopper.get(
      `/book?${new URLSearchParams({ ...SEARCH, carClass, "option_child-seat": "1" })}`,
    );
    expect(form.status).toBe(200);
    // 47 hours: 23 extra hours cost more than a day, so 2 × ¥7,700 + 2 × ¥1,100 child seat
    expect(form.html).toContain("¥17,600");
    const booked = await submitBooking(shopper, {
      ...formFields(form.html, "/book/confirm"),
      "option_child-seat": "1",
      name: "Hanako Suzuki",
      email: "hanako@example.com",
      phone: "090-1234-5678",
    });
    expect(booked.status).toBe(303);
    return booked;
  }

  it("books, pays on the hosted page, and confirms only after the webhook", async () => {
    const shopper = new HttpShopper(app.url);
    const booked = await bookToCheckout(shopper);
    const hosted = booked.location ?? "";
    expect(new URL(hosted).origin).toBe(app.sandbox?.origin);
    const sessionId = hosted.split("/").at(-1) ?? "";
    app.sandbox?.setSessionFaults(sessionId, { delayMs: 400 });

    const paid = await new HttpShopper(app.sandbox?.origin ?? "").post(`${hosted}/card`, {
      number: TEST_CARDS.success,
      exp: "12 / 34",
      cvc: "123",
      name: "Hanako Suzuki",
    });
    expect(paid.status).toBe(303);
    const returnUrl = paid.location ?? "";
    expect(returnUrl.startsWith(`${app.url}/bookings/RC-`)).toBe(true);

    const confirming = await shopper.get(returnUrl);
    expect(confirming.status).toBe(200);
    expect(confirming.html).toContain(TEXTS.en.confirmingTitle);
    expect(confirming.html).toContain('http-equiv="refresh"');

    await app.sandbox?.whenDeliveriesSettled();
    const confirmed = await shopper.get(returnUrl);
    expect(confirmed.html).toContain(TEXTS.en.confirmedTitle);
    const reference = /RC-[2-9A-HJKMNP-Z]{8}/.exec(confirmed.html)?.[0] ?? "";
    const outbox = await app.db.selectFrom("rc_outbox").selectAll().execute();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ recipient: "hanako@example.com", kind: "booking_confirmed" });
    expect(outbox[0]?.body).toContain(reference);
    const booking = await app.db
      .selectFrom("rc_bookings")
      .selectAll()
      .where("reference", "=", reference)
      .executeTakeFirstOrThrow();
    expect(booking).toMatchObject({ status: "confirmed", total: 17_600 });
  });
});

/**
 * @module
 * The payment provider down at "Continue to payment", over HTTP against the whole app: the booking,
 * its car hold and its checkout attempt were stored together before the provider was called, so
 * the shopper gets the booking's page with "try again shortly" (503), the car stays held for them,
 * and the attempt waits, without a session, for the next try or reconciliation.
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { formFields, HttpShopper, submitBooking } from "@linkpay/rental-car-http-client";
import { addDays } from "../pricing/rental-period";
import { offPeakDate } from "../test-support/off-peak-dates";
import { startTestApp, type TestApp } from "../test-support/test-app";
import { TEXTS } from "../web/i18n";

/** A local port nothing listens on: the "provider" there refuses every connection. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no TCP address");
  return address.port;
}

describe("the provider down when the shopper continues to payment (SQLite)", () => {
  let app: TestApp;

  beforeAll(async () => {
    const port = await closedPort();
    app = await startTestApp({
      env: {
        STRIPE_SECRET_KEY: `sk_test_${randomBytes(16).toString("hex")}`,
        STRIPE_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString("base64url")}`,
        STRIPE_API_URL: `http://127.0.0.1:${port}`,
      },
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("shows the booking with 'try again shortly', its car held and its attempt waiting", async () => {
    const shopper = new HttpShopper(app.url);
    const pickUpDate = offPeakDate(new Date(), 40);
    const search = {
      pickUpLocation: "CTS",
      returnLocation: "CTS",
      pickUpDate,
      pickUpTime: "10:00",
      returnDate: addDays(pickUpDate, 1),
      returnTime: "10:00",
      carClass: "K",
      lang: "en",
    };
    const form = await shopper.get(`/book?${new URLSearchParams(search)}`);
    expect(form.status).toBe(200);
    const answer = await submitBooking(shopper, {
      ...formFields(form.html, "/book/confirm"),
      name: "Kenji Sato",
      email: "provider-down@example.com",
      phone: "090-1111-2222",
    });
    expect(answer.status).toBe(503);
    expect(answer.html).toContain(TEXTS.en.paymentUnavailable);

    const [booking, ...more] = await app.db
      .selectFrom("rc_bookings")
      .selectAll()
      .where("customer_email", "=", "provider-down@example.com")
      .execute();
    expect(more).toEqual([]);
    expect(booking).toMatchObject({ status: "awaiting_payment", car_id: expect.any(String) });
    const held = await app.db
      .selectFrom("rc_car_days")
      .select("day")
      .where("booking_id", "=", booking?.id ?? "")
      .execute();
    expect(held).toHaveLength(2);
    const attempt = await app.payments.getStatus({ orderRef: booking?.reference ?? "" });
    expect(attempt).toMatchObject({ status: "open", sequence: 1, providerSessionId: null });
  });
});

/**
 * @module
 * SQL injection is stopped: payloads in every query parameter, path segment and form field cause
 * no 500 and change no table, and a payload typed as the shopper's name is stored verbatim as one
 * booking, nothing more.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { HttpShopper } from "@linkpay/rental-car-http-client";
import { startTestApp, type TestApp } from "../test-support/test-app";
import {
  attackUrls,
  BOOKING_FIELDS,
  type BookingFixture,
  bookingForm,
  bookTargets,
  HTML,
  makeBooking,
  SQLI,
  storedBooking,
  tableCounts,
  tableNames,
} from "./attack-fixtures";
import { displayedName } from "./html-checks";

describe("SQL injection", () => {
  let app: TestApp;
  let a: BookingFixture;

  beforeAll(async () => {
    app = await startTestApp();
    ({ a } = await bookTargets(app));
  });
  afterAll(async () => {
    await app?.close();
  });

  it("answers every payload in every query parameter and path segment without a 500, and changes nothing", async () => {
    const shopper = new HttpShopper(app.url);
    const tablesBefore = await tableNames(app);
    const before = await tableCounts(app);
    const failures: string[] = [];
    for (const payload of SQLI) {
      for (const url of attackUrls(a, payload)) {
        const answer = await shopper.get(url, HTML);
        if (answer.status >= 500) failures.push(`GET ${url}: ${answer.status}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await tableNames(app)).toEqual(tablesBefore);
    expect(await tableCounts(app)).toEqual(before);
    expect(tablesBefore).toEqual(
      expect.arrayContaining(["rc_bookings", "rc_car_days", "rc_cars", "rc_outbox"]),
    );
  }, 60_000);

  it("refuses payloads in the validated form fields (400, nothing written) and in my-booking (the miss page, 200)", async () => {
    const shopper = new HttpShopper(app.url);
    const before = await tableCounts(app);
    const failures: string[] = [];
    for (const payload of SQLI) {
      for (const field of BOOKING_FIELDS.filter((name) => name !== "name" && name !== "extra")) {
        const form = await bookingForm(shopper);
        const answer = await shopper.post("/book/confirm", { ...form, [field]: payload }, HTML);
        if (answer.status !== 400) failures.push(`${field}=${payload}: status ${answer.status}`);
      }
      for (const field of ["reference", "email"]) {
        const answer = await shopper.post(
          "/my-booking",
          { reference: a.reference, email: a.email, [field]: payload },
          HTML,
        );
        if (answer.status !== 200)
          failures.push(`my-booking ${field}=${payload}: ${answer.status}`);
      }
      const pay = await shopper.post(
        `/bookings/${encodeURIComponent(payload)}/pay?t=${a.token}`,
        {},
        HTML,
      );
      if (pay.status !== 404) failures.push(`pay ${payload}: ${pay.status}`);
    }
    expect(failures).toEqual([]);
    expect(await tableCounts(app)).toEqual(before);
  }, 60_000);

  it.each(SQLI)(
    "stores the free-text name %j verbatim as one booking and nothing else",
    async (payload) => {
      const before = await tableCounts(app);
      const booking = await makeBooking(app, { name: payload, email: "sqli@example.com" });
      const stored = await storedBooking(app, booking.reference);
      expect(stored?.customer_name).toBe(payload);
      const after = await tableCounts(app);
      expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
      // rc_car_days: the 3 calendar days of the two-day rental (return day included).
      expect(after).toMatchObject({
        rc_bookings: (before.rc_bookings ?? 0) + 1,
        rc_car_days: (before.rc_car_days ?? 0) + 3,
        rc_cars: before.rc_cars,
        rc_outbox: before.rc_outbox,
      });
      for (const [name, count] of Object.entries(before)) {
        expect({ name, shrunk: (after[name] ?? 0) < count }).toEqual({ name, shrunk: false });
      }
      const page = await booking.shopper.get(
        `/bookings/${booking.reference}?t=${booking.token}&lang=en`,
        HTML,
      );
      expect(displayedName(page.html)).toBe(payload);
    },
  );
});

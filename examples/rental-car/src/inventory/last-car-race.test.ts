/**
 * @module
 * The race for the last car, over HTTP against the whole app, on SQLite and on PostgreSQL: the
 * Minivan at Naha Kokusai-dori is a single car, and eight shoppers book it for the same dates at
 * once. Exactly one gets the payment page; the others are told it is sold out; the calendar holds
 * the days of one booking only. And the database constraint that makes this so, asserted directly.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { formFields, HttpShopper, submitBooking } from "@linkpay/rental-car-http-client";
import type { Sandbox } from "@linkpay/sandbox";
import { describePostgres } from "@linkpay/store-sql/testing";
import { fleetSize } from "../catalogue/catalogue";
import type { BookingsTable } from "../db/app-tables";
import { isUniqueViolation } from "../db/unique-violation";
import { addDays, tokyoDateTime } from "../pricing/rental-period";
import { offPeakDate } from "../test-support/off-peak-dates";
import { startTestApp, type TestApp } from "../test-support/test-app";
import { TEXTS } from "../web/i18n";
import { daysOut } from "./inventory";

const RACERS = 8;
/** A month ahead (the booking rules refuse past dates and dates beyond the horizon). */
const PICK_UP_DATE = offPeakDate(new Date(), 30, 4);
const SEARCH = {
  pickUpLocation: "NHC",
  returnLocation: "NHC",
  pickUpDate: PICK_UP_DATE,
  pickUpTime: "09:00",
  returnDate: addDays(PICK_UP_DATE, 3),
  returnTime: "18:00",
};
const LAST_CAR = "NHC-W-1";

function sandboxOf(app: TestApp): Sandbox {
  if (app.sandbox === undefined) throw new Error("the test app runs with its sandbox");
  return app.sandbox;
}

function bookingRow(id: string, reference: string): BookingsTable {
  const now = new Date().toISOString();
  return {
    id,
    reference,
    status: "awaiting_payment",
    locale: "en",
    pick_up_location: "CTS",
    return_location: "CTS",
    pick_up_at: tokyoDateTime("2028-01-01", "10:00").toISOString(),
    return_at: tokyoDateTime("2028-01-02", "10:00").toISOString(),
    car_class: "K",
    car_id: null,
    options_json: "[]",
    lines_json: "[]",
    total: 11_000,
    currency: "JPY",
    customer_name: "Constraint Check",
    customer_email: "constraint@example.com",
    customer_phone: "090-0000-0000",
    customer_kana: "",
    draft_id: null,
    created_at: now,
    updated_at: now,
  };
}

/** The Minivan's entry in the search results. */
function minivanResult(html: string): string {
  const start = html.indexOf('data-class="W"');
  return start < 0 ? "" : html.slice(start, html.indexOf("</li>", start));
}

/** The error a promise rejects with (fails the test if it resolves). */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the database to refuse the insert");
}

function raceSuite(databaseUrl: () => string | undefined): void {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ databaseUrl: databaseUrl() });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("has exactly one Minivan at Naha Kokusai-dori", async () => {
    expect(fleetSize("NHC", "W")).toBe(1);
    const cars = await app.db
      .selectFrom("rc_cars")
      .select("id")
      .where("location", "=", "NHC")
      .where("car_class", "=", "W")
      .execute();
    expect(cars.map((car) => car.id)).toEqual([LAST_CAR]);
  });

  it(`lets exactly one of ${RACERS} concurrent shoppers book the last car; the others are told it is sold out`, async () => {
    const sandbox = sandboxOf(app);
    const sessionsBefore = sandbox.sessions().length;
    const shoppers = Array.from({ length: RACERS }, () => new HttpShopper(app.url));
    const results = await shoppers[0]?.get(`/search?${new URLSearchParams(SEARCH)}&lang=en`);
    expect(minivanResult(results?.html ?? "")).toContain(TEXTS.en.carsLeft(1));
    const forms = await Promise.all(
      shoppers.map((shopper) =>
        shopper.get(`/book?${new URLSearchParams({ ...SEARCH, carClass: "W", lang: "en" })}`),
      ),
    );
    for (const form of forms) expect(form.status).toBe(200);

    const answers = await Promise.all(
      shoppers.map((shopper, index) =>
        submitBooking(shopper, {
          ...formFields(forms[index]?.html ?? "", "/book/confirm"),
          name: `Racer ${index}`,
          email: `racer${index}@example.com`,
          phone: `090-0000-000${index}`,
        }),
      ),
    );

    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([303, ...Array<number>(RACERS - 1).fill(409)]);
    const winner = answers.find((answer) => answer.status === 303);
    expect(new URL(winner?.location ?? "http://invalid/").origin).toBe(sandbox.origin);
    for (const loser of answers.filter((answer) => answer.status === 409)) {
      expect(loser.html).toContain(TEXTS.en.soldOutProblem);
      expect(loser.location).toBeNull();
    }

    const bookings = await app.db
      .selectFrom("rc_bookings")
      .selectAll()
      .where("pick_up_location", "=", "NHC")
      .where("car_class", "=", "W")
      .execute();
    expect(bookings).toHaveLength(1);
    const [booking] = bookings;
    expect(booking).toMatchObject({ car_id: LAST_CAR, status: "awaiting_payment" });
    const sessionId = new URL(winner?.location ?? "http://invalid/").pathname.split("/").at(-1);
    const session = sandbox.sessions().find((candidate) => candidate.id === sessionId);
    expect(session?.clientReferenceId).toBe(booking?.reference);
    expect(sandbox.sessions()).toHaveLength(sessionsBefore + 1);

    const days = daysOut(
      tokyoDateTime(SEARCH.pickUpDate, SEARCH.pickUpTime),
      tokyoDateTime(SEARCH.returnDate, SEARCH.returnTime),
    );
    expect(days).toEqual([0, 1, 2, 3].map((offset) => addDays(PICK_UP_DATE, offset)));
    const held = await app.db
      .selectFrom("rc_car_days")
      .selectAll()
      .where("car_id", "=", LAST_CAR)
      .orderBy("day")
      .execute();
    expect(held).toEqual(days.map((day) => ({ car_id: LAST_CAR, day, booking_id: booking?.id })));

    expect(app.logs.filter((line) => line.includes('"level":50'))).toEqual([]);
    const after = await shoppers[0]?.get(`/search?${new URLSearchParams(SEARCH)}&lang=en`);
    expect(minivanResult(after?.html ?? "")).toContain(TEXTS.en.soldOut);
    expect(minivanResult(after?.html ?? "")).not.toContain("/book?");
  });

  it("the database itself refuses a second hold of one car on one day", async () => {
    const first = bookingRow("constraint-booking-1", "RC-CCCCCCC2");
    const second = bookingRow("constraint-booking-2", "RC-CCCCCCC3");
    await app.db.insertInto("rc_bookings").values([first, second]).execute();
    try {
      await app.db
        .insertInto("rc_car_days")
        .values({ car_id: "CTS-K-1", day: "2028-01-01", booking_id: first.id })
        .execute();

      for (const bookingId of [second.id, first.id]) {
        const error = await rejectionOf(
          app.db
            .insertInto("rc_car_days")
            .values({ car_id: "CTS-K-1", day: "2028-01-01", booking_id: bookingId })
            .execute(),
        );
        expect(isUniqueViolation(error)).toBe(true);
      }

      // The same car on another day, and another car on the same day, are free.
      await app.db
        .insertInto("rc_car_days")
        .values([
          { car_id: "CTS-K-1", day: "2028-01-02", booking_id: second.id },
          { car_id: "CTS-K-2", day: "2028-01-01", booking_id: second.id },
        ])
        .execute();
      const rows = await app.db
        .selectFrom("rc_car_days")
        .selectAll()
        .where("booking_id", "in", [first.id, second.id])
        .orderBy("car_id")
        .orderBy("day")
        .execute();
      expect(rows).toEqual([
        { car_id: "CTS-K-1", day: "2028-01-01", booking_id: first.id },
        { car_id: "CTS-K-1", day: "2028-01-02", booking_id: second.id },
        { car_id: "CTS-K-2", day: "2028-01-01", booking_id: second.id },
      ]);
    } finally {
      await app.db
        .deleteFrom("rc_car_days")
        .where("booking_id", "in", [first.id, second.id])
        .execute();
      await app.db.deleteFrom("rc_bookings").where("id", "in", [first.id, second.id]).execute();
    }
  });
}

describe("the last car (SQLite)", () => {
  raceSuite(() => undefined);
});

describePostgres("the last car (PostgreSQL)", (database) => {
  raceSuite(() => database.url);
});

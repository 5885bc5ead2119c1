/**
 * @module
 * Inventory on a real SQLite file, set up as the app does (linkpay's migrations, the app's, the
 * fleet): the calendar days a rental blocks in Japan time, availability, holds and releases.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import type { Kysely } from "@linkpay/store-sql";
import { createSqlStore, type SqlStore } from "@linkpay/store-sql";
import { newReference } from "../bookings/booking-reference";
import { CAR_CLASSES, fleetSize, LOCATIONS } from "../catalogue/catalogue";
import { migrateApp } from "../db/app-migrations";
import type { AppTables } from "../db/app-tables";
import { tokyoDateTime } from "../pricing/rental-period";
import { availability, daysOut, holdCar, releaseCar, syncFleet } from "./inventory";

/** The days of a rental typed in Japan time. */
function days(pickUp: string, returned: string): string[] {
  const [pickUpDate = "", pickUpTime = ""] = pickUp.split(" ");
  const [returnDate = "", returnTime = ""] = returned.split(" ");
  return daysOut(tokyoDateTime(pickUpDate, pickUpTime), tokyoDateTime(returnDate, returnTime));
}

describe("daysOut", () => {
  it("blocks the pick-up day only for a same-day rental", () => {
    expect(days("2027-03-10 10:00", "2027-03-10 18:00")).toEqual(["2027-03-10"]);
  });

  it("blocks every calendar day from pick-up to return, both included, across a month end", () => {
    expect(days("2027-01-30 10:00", "2027-02-02 09:00")).toEqual([
      "2027-01-30",
      "2027-01-31",
      "2027-02-01",
      "2027-02-02",
    ]);
    expect(days("2027-04-30 18:00", "2027-05-01 08:00")).toEqual(["2027-04-30", "2027-05-01"]);
  });

  it("knows February in common and leap years", () => {
    expect(days("2027-02-28 10:00", "2027-03-01 10:00")).toEqual(["2027-02-28", "2027-03-01"]);
    expect(days("2028-02-28 10:00", "2028-03-01 10:00")).toEqual([
      "2028-02-28",
      "2028-02-29",
      "2028-03-01",
    ]);
  });

  it("counts days at Tokyo midnight, not UTC midnight, across the year end", () => {
    // 23:30 and 00:30 in Tokyo are 14:30 and 15:30 UTC on the same UTC day: still two days.
    expect(
      daysOut(new Date("2026-12-31T23:30:00+09:00"), new Date("2027-01-01T00:30:00+09:00")),
    ).toEqual(["2026-12-31", "2027-01-01"]);
    // 08:00 in Tokyo on New Year's Day is still 31 December in UTC: one day, in the new year.
    expect(
      daysOut(new Date("2027-01-01T08:00:00+09:00"), new Date("2027-01-01T20:00:00+09:00")),
    ).toEqual(["2027-01-01"]);
    // A return at exactly 00:00 in Tokyo blocks that day.
    expect(
      daysOut(new Date("2027-05-01T10:00:00+09:00"), new Date("2027-05-02T00:00:00+09:00")),
    ).toEqual(["2027-05-01", "2027-05-02"]);
  });

  it("ends at the last representable year (the day after 9999-12-31 sorts before it as text)", () => {
    expect(days("9999-12-30 10:00", "9999-12-31 10:00")).toEqual(["9999-12-30", "9999-12-31"]);
  });

  it("lists 31 consecutive days for a 30-day rental", () => {
    const list = days("2027-12-15 10:00", "2028-01-14 10:00");
    expect(list).toHaveLength(31);
    expect(list[0]).toBe("2027-12-15");
    expect(list.at(-1)).toBe("2028-01-14");
    expect(new Set(list).size).toBe(31);
    expect(list).toContain("2028-01-01");
  });
});

describe("inventory on SQLite", () => {
  let directory: string;
  let store: SqlStore;
  let db: Kysely<AppTables>;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), "rental-car-inventory-"));
    store = createSqlStore({ url: `sqlite:${join(directory, "inventory.db")}` });
    await store.migrate();
    await migrateApp(store.db, store.dialect);
    db = store.db.withTables<AppTables>();
    await syncFleet(db);
  });
  afterAll(async () => {
    await store?.close();
    rmSync(directory, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await db.deleteFrom("rc_car_days").execute();
    await db.deleteFrom("rc_bookings").execute();
  });

  /** A booking row for holds to point at (the calendar's foreign key needs one). */
  async function booking(location: string, carClass: string): Promise<string> {
    const id = `booking-${newReference()}`;
    const now = new Date().toISOString();
    await db
      .insertInto("rc_bookings")
      .values({
        id,
        reference: newReference(),
        status: "awaiting_payment",
        locale: "ja",
        pick_up_location: location,
        return_location: location,
        pick_up_at: now,
        return_at: now,
        car_class: carClass,
        car_id: null,
        options_json: "[]",
        lines_json: "[]",
        total: 1,
        currency: "JPY",
        customer_name: "Inventory Test",
        customer_email: "inventory@example.com",
        customer_phone: "090-0000-0000",
        customer_kana: "",
        draft_id: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return id;
  }

  function hold(bookingId: string, location: string, carClass: string, period: string[]) {
    return db
      .transaction()
      .execute((trx) => holdCar(trx, { bookingId, location, carClass, days: period }));
  }

  const APRIL = days("2027-04-10 10:00", "2027-04-12 10:00");

  it("creates the catalogue's fleet once, however often it runs", async () => {
    await syncFleet(db);
    await syncFleet(db);
    const cars = await db.selectFrom("rc_cars").selectAll().execute();
    const expected = LOCATIONS.reduce(
      (sum, location) =>
        sum +
        CAR_CLASSES.reduce((inner, carClass) => inner + fleetSize(location.code, carClass.code), 0),
      0,
    );
    expect(cars).toHaveLength(expected);
    expect(cars.filter((car) => car.location === "NHC" && car.car_class === "W")).toEqual([
      { id: "NHC-W-1", location: "NHC", car_class: "W" },
    ]);
  });

  it("counts free cars per class for the whole period", async () => {
    expect(Object.fromEntries(await availability(db, "NHC", APRIL))).toEqual({
      K: 3,
      C: 3,
      H: 3,
      W: 1,
    });
    expect(Object.fromEntries(await availability(db, "HND", APRIL))).toEqual({
      K: 3,
      C: 3,
      H: 3,
      W: 2,
    });
    expect((await availability(db, "XXX", APRIL)).size).toBe(0);
  });

  it("holds the next free car of the class, and none when all are held", async () => {
    const held: (string | null)[] = [];
    for (let index = 0; index < 4; index++) {
      held.push(await hold(await booking("HND", "C"), "HND", "C", APRIL));
    }
    expect(held).toEqual(["HND-C-1", "HND-C-2", "HND-C-3", null]);
    const rows = await db.selectFrom("rc_car_days").selectAll().execute();
    expect(rows).toHaveLength(3 * APRIL.length);
    expect((await availability(db, "HND", APRIL)).get("C") ?? 0).toBe(0);
    expect((await availability(db, "HND", APRIL)).get("K")).toBe(3);
  });

  it("does not offer a held car for any overlapping period, the return day included", async () => {
    const first = await booking("NHC", "W");
    expect(await hold(first, "NHC", "W", APRIL)).toBe("NHC-W-1");

    for (const overlapping of [
      APRIL,
      days("2027-04-12 15:00", "2027-04-14 10:00"), // picks up on the return day
      days("2027-04-08 10:00", "2027-04-10 09:00"), // returns on the pick-up day
      days("2027-04-01 10:00", "2027-04-20 10:00"), // surrounds it
      days("2027-04-11 10:00", "2027-04-11 12:00"), // inside it
    ]) {
      expect((await availability(db, "NHC", overlapping)).get("W") ?? 0).toBe(0);
      expect(await hold(await booking("NHC", "W"), "NHC", "W", overlapping)).toBeNull();
    }
    for (const apart of [
      days("2027-04-13 10:00", "2027-04-15 10:00"),
      days("2027-04-05 10:00", "2027-04-09 10:00"),
    ]) {
      expect((await availability(db, "NHC", apart)).get("W")).toBe(1);
    }
    // Other classes and other branches are untouched.
    expect((await availability(db, "NHC", APRIL)).get("H")).toBe(3);
    expect((await availability(db, "OKA", APRIL)).get("W")).toBe(2);
  });

  it("releases every day of a booking, which frees the car for the next shopper", async () => {
    const first = await booking("NHC", "W");
    const other = await booking("NHC", "C");
    expect(await hold(first, "NHC", "W", APRIL)).toBe("NHC-W-1");
    expect(await hold(other, "NHC", "C", APRIL)).toBe("NHC-C-1");

    await releaseCar(db, first);

    const left = await db.selectFrom("rc_car_days").selectAll().execute();
    expect(left.every((row) => row.booking_id === other)).toBe(true);
    expect(left).toHaveLength(APRIL.length);
    expect((await availability(db, "NHC", APRIL)).get("W")).toBe(1);
    expect(await hold(await booking("NHC", "W"), "NHC", "W", APRIL)).toBe("NHC-W-1");
  });
});

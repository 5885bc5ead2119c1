/**
 * @module
 * A booking, its car hold and its first checkout attempt are one transaction, on SQLite and on
 * PostgreSQL, with linkpay's real SQL store and a fake provider: they are stored together before
 * the provider is called, and a booking that cannot be made (sold out, or any failure in that
 * transaction) leaves neither a booking, nor a hold, nor an attempt behind.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createPayments, type PaymentProvider, type Payments } from "@linkpay/core";
import { createFakeProvider, type FakeProvider } from "@linkpay/core/testing";
import { createSqlStore, type SqlStore, type SqlTransactionHandle } from "@linkpay/store-sql";
import { describePostgres } from "@linkpay/store-sql/testing";
import { migrateApp } from "../db/app-migrations";
import type { AppTables } from "../db/app-tables";
import { syncFleet } from "../inventory/inventory";
import { quote, type RentalChoice } from "../pricing/quote";
import { tokyoDateTime } from "../pricing/rental-period";
import { type Booking, type BookingInput, bookAndCheckout, SoldOutError } from "./bookings";
import { checkoutFor } from "./checkout-for-booking";

/** Naha Kokusai-dori has one Minivan: the second booking of the same days finds it sold out. */
const LAST_CAR: RentalChoice = {
  pickUpLocation: "NHC",
  returnLocation: "NHC",
  pickUpAt: tokyoDateTime("2028-02-01", "10:00"),
  returnAt: tokyoDateTime("2028-02-03", "10:00"),
  carClass: "W",
  options: [],
};

function input(choice: RentalChoice = LAST_CAR): BookingInput {
  return {
    choice,
    quote: quote(choice),
    customer: { name: "Taro Test", kana: "", email: "taro@example.com", phone: "090-0000-0000" },
    locale: "en",
    now: new Date(),
  };
}

/** A day of its own for every other test, so the one Minivan is free for it. */
let nextDay = 10;
function freeMinivan(): RentalChoice {
  nextDay += 3;
  const day = `2028-03-${String(nextDay).padStart(2, "0")}`;
  return {
    ...LAST_CAR,
    pickUpAt: tokyoDateTime(day, "10:00"),
    returnAt: tokyoDateTime(day, "18:00"),
  };
}

function bookingSuite(open: () => SqlStore): void {
  let store: SqlStore;
  let fake: FakeProvider;
  let payments: Payments<SqlTransactionHandle>;
  /** What the database held for each order when the provider was asked for its session. */
  const atProviderCall = new Map<string, Awaited<ReturnType<typeof stored>>>();

  beforeAll(async () => {
    store = open();
    await store.migrate();
    await migrateApp(store.db, store.dialect);
    await syncFleet(store.db);
    fake = createFakeProvider();
    const observed: PaymentProvider = {
      ...fake,
      async createCheckout(request, options) {
        atProviderCall.set(request.orderRef, await stored(request.orderRef));
        return fake.createCheckout(request, options);
      },
    };
    payments = createPayments({
      providers: [observed],
      store,
      urls: { success: "https://rental.example/ok/{ORDER_REF}", cancel: "https://rental.example/" },
    });
  });
  afterAll(async () => {
    await store?.close();
  });

  const db = () => store.db.withTables<AppTables>();
  const start = (
    booking: Booking,
    newOrder: Parameters<typeof payments.startCheckout>[0]["newOrder"],
  ) =>
    payments
      .startCheckout({ ...checkoutFor(booking, new Date(), fake), newOrder })
      .then(() => undefined);

  async function stored(reference: string) {
    const booking = await db()
      .selectFrom("rc_bookings")
      .selectAll()
      .where("reference", "=", reference)
      .executeTakeFirst();
    const days = await db()
      .selectFrom("rc_car_days")
      .select(["car_id", "day"])
      .where("booking_id", "=", booking?.id ?? "")
      .execute();
    return { booking, days, attempt: await store.findLatestAttempt({ orderRef: reference }) };
  }

  it("stores the booking, its car's days and its attempt before the provider is called", async () => {
    const calls = fake.createCalls;
    const booking = await bookAndCheckout(db(), input(), start);
    expect(booking.car_id).toBe("NHC-W-1");
    expect(fake.createCalls).toBe(calls + 1);
    const before = atProviderCall.get(booking.reference);
    expect(before?.booking).toMatchObject({ id: booking.id, car_id: "NHC-W-1" });
    expect(before?.days.map((day) => day.day)).toEqual(["2028-02-01", "2028-02-02", "2028-02-03"]);
    expect(before?.attempt).toMatchObject({ sequence: 1, status: "open", providerSessionId: null });
    const after = await stored(booking.reference);
    expect(after.booking?.status).toBe("awaiting_payment");
    expect(after.attempt?.providerSessionId).not.toBeNull();
  });

  it("stores nothing and calls no provider when the car is sold out", async () => {
    const calls = fake.createCalls;
    let reference = "";
    const failure = await bookAndCheckout(db(), input(), (made, newOrder) => {
      reference = made.reference;
      return start(made, newOrder);
    }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(SoldOutError);
    expect(fake.createCalls).toBe(calls);
    expect(await stored(reference)).toEqual({ booking: undefined, days: [], attempt: null });
  });

  it("keeps no booking or hold when its attempt's transaction fails after they were written", async () => {
    const broken = new Error("the transaction failed after the booking's writes");
    let reference = "";
    const failure = await bookAndCheckout(db(), input(freeMinivan()), (made, newOrder) => {
      reference = made.reference;
      return start(made, async (context) => {
        await newOrder?.(context);
        throw broken;
      });
    }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBe(broken);
    expect(await stored(reference)).toEqual({ booking: undefined, days: [], attempt: null });
  });

  it("keeps the booking, its hold and its attempt when the provider then fails (the shopper can pay again)", async () => {
    const down = new Error("provider down");
    fake.failNextCreate(down);
    let reference = "";
    const failure = await bookAndCheckout(db(), input(freeMinivan()), (made, newOrder) => {
      reference = made.reference;
      return start(made, newOrder);
    }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBe(down);
    const after = await stored(reference);
    expect(after.booking?.status).toBe("awaiting_payment");
    expect(after.days).toHaveLength(1);
    expect(after.attempt).toMatchObject({ status: "open", providerSessionId: null });
  });
}

describe("a booking and its checkout attempt, one transaction (SQLite)", () => {
  const directory = mkdtempSync(join(tmpdir(), "rental-car-bookings-"));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  bookingSuite(() => createSqlStore({ url: `sqlite:${join(directory, "bookings.db")}` }));
});

describePostgres("a booking and its checkout attempt, one transaction (PostgreSQL)", (database) => {
  bookingSuite(() => createSqlStore({ url: database.url }));
});

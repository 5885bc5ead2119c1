/**
 * @module
 * The paid hook on SQLite and PostgreSQL, set up as the app does (linkpay's migrations, the app's,
 * the fleet): a booking awaiting payment is confirmed and its e-mail queued in two statements; one
 * released meanwhile takes a free car again; a confirmed or cancelled booking, or a missing one,
 * is left as it is and mailed nothing.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { type CheckoutAttempt, money, type PaymentEvent } from "@linkpay/core";
import { createSqlStore, type Kysely, type SqlStore } from "@linkpay/store-sql";
import { describePostgres } from "@linkpay/store-sql/testing";
import { CAR_CLASSES, LOCATIONS } from "../catalogue/catalogue";
import { migrateApp } from "../db/app-migrations";
import type { AppTables, BookingStatus } from "../db/app-tables";
import { daysOut, holdCar, syncFleet } from "../inventory/inventory";
import { bookingHooks } from "./booking-hooks";
import { newReference } from "./booking-reference";
import type { Booking } from "./bookings";

const NOW = new Date("2027-03-01T00:00:00.000Z");
const DAY_MS = 86_400_000;
/** Each booking rents in a week of its own, so no test uses up the fleet another needs. */
let bookingsSeeded = 0;

const LOCATION = LOCATIONS[0]?.code ?? "";
const CAR_CLASS = CAR_CLASSES[0]?.code ?? "";

const hooks = bookingHooks({
  bookingLink: (reference) => `http://localhost:3000/bookings/${reference}?t=token`,
  now: () => NOW,
});

/** A booking row in `status`, holding a car when `held`. */
async function seedBooking(
  db: Kysely<AppTables>,
  status: BookingStatus,
  held: boolean,
): Promise<Booking> {
  const stamp = new Date("2027-02-01T00:00:00.000Z").toISOString();
  const pickUp = new Date(Date.parse("2027-04-10T01:00:00.000Z") + 7 * DAY_MS * bookingsSeeded++);
  const booking: Booking = {
    id: `booking-${newReference()}`,
    reference: newReference(),
    status,
    locale: "en",
    pick_up_location: LOCATION,
    return_location: LOCATION,
    pick_up_at: pickUp.toISOString(),
    return_at: new Date(pickUp.getTime() + 2 * DAY_MS).toISOString(),
    car_class: CAR_CLASS,
    car_id: null,
    options_json: "[]",
    lines_json: "[]",
    total: 22_000,
    currency: "JPY",
    customer_name: "Hook Test",
    customer_email: "hook@example.com",
    customer_phone: "090-0000-0000",
    customer_kana: "",
    draft_id: null,
    created_at: stamp,
    updated_at: stamp,
  };
  await db.insertInto("rc_bookings").values(booking).execute();
  if (!held) return booking;
  const carId = await db.transaction().execute((trx) =>
    holdCar(trx, {
      bookingId: booking.id,
      location: booking.pick_up_location,
      carClass: booking.car_class,
      days: daysOut(pickUp, new Date(booking.return_at)),
    }),
  );
  if (carId === null) throw new Error("the test fleet has no free car");
  await db.updateTable("rc_bookings").set({ car_id: carId }).where("id", "=", booking.id).execute();
  return { ...booking, car_id: carId };
}

function paidAttempt(orderRef: string): CheckoutAttempt {
  return {
    id: `attempt-${orderRef}`,
    orderRef,
    sequence: 1,
    provider: "stripe",
    providerSessionId: `cs_test_${orderRef}`,
    hostedUrl: null,
    amount: money(22_000, "JPY"),
    status: "paid",
    refundedAmount: money(0, "JPY"),
    expiresAt: new Date(NOW.getTime() + DAY_MS),
    createdAt: NOW,
    updatedAt: NOW,
    version: 3,
  };
}

function paidEvent(attempt: CheckoutAttempt): PaymentEvent {
  return {
    kind: "payment.succeeded",
    provider: attempt.provider,
    eventId: `evt_${attempt.orderRef}`,
    providerSessionId: attempt.providerSessionId ?? "",
    orderRef: attempt.orderRef,
    amount: attempt.amount,
    occurredAt: NOW,
    raw: {},
  };
}

/** Runs the paid hook for `orderRef` in one transaction; returns the statements it ran. */
async function runOnPaid(store: SqlStore, orderRef: string): Promise<number> {
  let statements = 0;
  const attempt = paidAttempt(orderRef);
  await store.db.transaction().execute(async (trx) => {
    const counted = trx.withPlugin({
      transformQuery: (args) => {
        statements += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    await hooks.onPaid?.({
      attempt,
      event: paidEvent(attempt),
      tx: { dialect: store.dialect, db: counted },
    });
  });
  return statements;
}

async function stored(db: Kysely<AppTables>, id: string) {
  const booking = await db
    .selectFrom("rc_bookings")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  const mails = await db.selectFrom("rc_outbox").selectAll().where("booking_id", "=", id).execute();
  const heldDays = await db
    .selectFrom("rc_car_days")
    .select("car_id")
    .where("booking_id", "=", id)
    .execute();
  return { booking, mails, heldDays };
}

function paidHookBehaviour(storeOf: () => SqlStore): void {
  const db = () => storeOf().db.withTables<AppTables>();

  it("confirms a booking awaiting payment and queues its e-mail, in two statements", async () => {
    const booking = await seedBooking(db(), "awaiting_payment", true);
    const statements = await runOnPaid(storeOf(), booking.reference);
    const after = await stored(db(), booking.id);
    expect(after.booking).toEqual({
      ...booking,
      status: "confirmed",
      updated_at: NOW.toISOString(),
    });
    expect(after.mails).toHaveLength(1);
    expect(after.mails[0]).toMatchObject({
      kind: "booking_confirmed",
      recipient: "hook@example.com",
      subject: `Booking confirmed: ${booking.reference}`,
      created_at: NOW.toISOString(),
      sent_at: null,
    });
    expect(after.mails[0]?.body).toContain(`/bookings/${booking.reference}?t=token`);
    // One UPDATE … RETURNING confirms and reads the row; one INSERT queues the e-mail.
    expect(statements).toBe(2);
  });

  it.each<BookingStatus>(["expired", "payment_failed"])(
    "gives a booking released meanwhile (%s) a free car again, and confirms and mails it",
    async (status) => {
      const booking = await seedBooking(db(), status, false);
      await runOnPaid(storeOf(), booking.reference);
      const after = await stored(db(), booking.id);
      expect(after.booking.status).toBe("confirmed");
      expect(after.booking.car_id).not.toBeNull();
      const period = daysOut(new Date(booking.pick_up_at), new Date(booking.return_at));
      expect(after.heldDays.map((day) => day.car_id)).toEqual(
        period.map(() => after.booking.car_id),
      );
      expect(after.mails.map((mail) => mail.kind)).toEqual(["booking_confirmed"]);
    },
  );

  it.each<BookingStatus>(["confirmed", "cancelled"])(
    "leaves a %s booking as it is and mails nothing",
    async (status) => {
      const booking = await seedBooking(db(), status, status === "confirmed");
      await runOnPaid(storeOf(), booking.reference);
      const after = await stored(db(), booking.id);
      expect(after.booking).toEqual(booking);
      expect(after.mails).toEqual([]);
    },
  );

  it("does nothing for an order reference with no booking", async () => {
    const before = await db().selectFrom("rc_outbox").select("id").execute();
    await expect(runOnPaid(storeOf(), newReference())).resolves.toBe(2);
    expect(await db().selectFrom("rc_outbox").select("id").execute()).toEqual(before);
  });
}

async function openStore(url: string): Promise<SqlStore> {
  const store = createSqlStore({ url });
  await store.migrate();
  await migrateApp(store.db, store.dialect);
  await syncFleet(store.db.withTables<AppTables>());
  return store;
}

describe("the paid hook on SQLite", () => {
  let directory: string;
  let store: SqlStore;
  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), "rental-car-hooks-"));
    store = await openStore(`sqlite:${join(directory, "hooks.db")}`);
  });
  afterAll(async () => {
    await store?.close();
    rmSync(directory, { recursive: true, force: true });
  });
  paidHookBehaviour(() => store);
});

describePostgres("the paid hook on PostgreSQL", (database) => {
  let store: SqlStore;
  beforeAll(async () => {
    store = await openStore(database.url);
  });
  afterAll(async () => {
    await store?.close();
  });
  paidHookBehaviour(() => store);
});

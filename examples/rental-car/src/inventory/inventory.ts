/**
 * @module
 * Inventory: physical cars per class and location, and the calendar days each is out. A hold is
 * a row per (car, day); the table's primary key makes a double booking impossible in the
 * database itself, whatever the application does. A car is blocked for every calendar day (Japan
 * time) it is out, the return day included, which leaves the branch time to clean it.
 */
import type { Kysely, Transaction } from "@linkpay/store-sql";
import { CAR_CLASSES, fleetSize, LOCATIONS } from "../catalogue/catalogue";
import type { AppTables } from "../db/app-tables";
import { tokyoDate } from "../pricing/rental-period";

/** The app's database, or a transaction on it. */
export type AppDb = Kysely<AppTables> | Transaction<AppTables>;

const DAY_MS = 86_400_000;

/** Every calendar day in Japan from pick-up to return, both included. */
export function daysOut(pickUpAt: Date, returnAt: Date): string[] {
  // Counted in milliseconds, not by comparing date strings: the day after 9999-12-31 prints as
  // "+010000-01-01", which sorts before it, and a string loop never ended.
  const midnight = (instant: Date) => Date.parse(`${tokyoDate(instant)}T00:00:00Z`);
  const last = midnight(returnAt);
  const days: string[] = [];
  for (let day = midnight(pickUpAt); day <= last; day += DAY_MS) {
    days.push(new Date(day).toISOString().slice(0, 10));
  }
  return days;
}

/** Creates the catalogue's cars that are not in the database yet (idempotent). */
export async function syncFleet(db: AppDb): Promise<void> {
  const cars = LOCATIONS.flatMap((location) =>
    CAR_CLASSES.flatMap((carClass) =>
      Array.from({ length: fleetSize(location.code, carClass.code) }, (_, index) => ({
        id: `${location.code}-${carClass.code}-${index + 1}`,
        location: location.code,
        car_class: carClass.code,
      })),
    ),
  );
  await db
    .insertInto("rc_cars")
    .values(cars)
    .onConflict((conflict) => conflict.column("id").doNothing())
    .execute();
}

function freeCars(db: AppDb, location: string, days: readonly string[]) {
  return db
    .selectFrom("rc_cars")
    .where("rc_cars.location", "=", location)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("rc_car_days")
            .select("rc_car_days.car_id")
            .whereRef("rc_car_days.car_id", "=", "rc_cars.id")
            .where("rc_car_days.day", "in", [...days]),
        ),
      ),
    );
}

/** The count of free cars per class (its plan is checked in query-plans.test.ts). */
export function availabilityQuery(db: AppDb, location: string, days: readonly string[]) {
  return freeCars(db, location, days)
    .select(({ fn }) => ["rc_cars.car_class", fn.countAll<number>().as("free")])
    .groupBy("rc_cars.car_class");
}

/** How many cars of each class are free at `location` for the whole period. */
export async function availability(
  db: AppDb,
  location: string,
  days: readonly string[],
): Promise<Map<string, number>> {
  const rows = await availabilityQuery(db, location, days).execute();
  return new Map(rows.map((row) => [row.car_class, Number(row.free)]));
}

/** The rental a car is wanted for: where, which class, which calendar days. */
export interface CarWanted {
  readonly location: string;
  readonly carClass: string;
  readonly days: readonly string[];
}

/**
 * The first free car of the class, by id (its plan is checked in query-plans.test.ts: the index
 * on location, class and id finds the cars in order, the calendar's key each one's days).
 */
export function firstFreeCarQuery(db: AppDb, wanted: CarWanted) {
  return freeCars(db, wanted.location, wanted.days)
    .where("rc_cars.car_class", "=", wanted.carClass)
    .select("rc_cars.id")
    .orderBy("rc_cars.id")
    .limit(1);
}

/**
 * The first car of the class (by id) free on every day, or null. Read without a lock: the hold
 * that follows decides (see {@link holdDays}).
 */
export async function firstFreeCar(db: AppDb, wanted: CarWanted): Promise<string | null> {
  const car = await firstFreeCarQuery(db, wanted).executeTakeFirst();
  return car?.id ?? null;
}

/**
 * Holds `carId` on every day for `bookingId`. Two holds racing for one car: the loser's insert
 * fails with a unique violation and its transaction rolls back (the caller retries with the next
 * car).
 */
export async function holdDays(
  trx: Transaction<AppTables>,
  input: { readonly carId: string; readonly bookingId: string; readonly days: readonly string[] },
): Promise<void> {
  await trx
    .insertInto("rc_car_days")
    .values(input.days.map((day) => ({ car_id: input.carId, day, booking_id: input.bookingId })))
    .execute();
}

/**
 * Holds the first free car of the class for every day, for `bookingId`; returns its id, or null
 * when none is free (see {@link holdDays} for a race).
 */
export async function holdCar(
  trx: Transaction<AppTables>,
  input: CarWanted & { readonly bookingId: string },
): Promise<string | null> {
  const carId = await firstFreeCar(trx, input);
  if (carId === null) return null;
  await holdDays(trx, { carId, bookingId: input.bookingId, days: input.days });
  return carId;
}

/** Releases every day held for a booking. */
export async function releaseCar(db: AppDb, bookingId: string): Promise<void> {
  await db.deleteFrom("rc_car_days").where("booking_id", "=", bookingId).execute();
}

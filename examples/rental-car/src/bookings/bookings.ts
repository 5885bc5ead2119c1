/**
 * @module
 * Bookings in the database: made together with the car hold and the booking's first checkout
 * attempt in one transaction (linkpay's `startCheckout` with `newOrder`), read back by reference,
 * and moved on by the payment hooks. A booking made from a draft (the confirmation step) is made
 * once: the draft's unique index decides between concurrent submissions.
 */
import { randomUUID } from "node:crypto";
import { isLinkpayError, type NewOrderWrites } from "@linkpay/core";
import type { SqlTransactionHandle, Transaction } from "@linkpay/store-sql";
import type { AppTables, BookingStatus, BookingsTable } from "../db/app-tables";
import { isUniqueViolation } from "../db/unique-violation";
import { type AppDb, daysOut, firstFreeCar, holdDays } from "../inventory/inventory";
import type { Quote, RentalChoice } from "../pricing/quote";
import { bookingOfDraft } from "./booking-drafts";
import { newReference } from "./booking-reference";

/** A booking row. */
export type Booking = BookingsTable;

/** Who is renting. */
export interface Customer {
  readonly name: string;
  /** The name in katakana (フリガナ), or empty. */
  readonly kana: string;
  readonly email: string;
  readonly phone: string;
}

/** What a booking is made of. */
export interface BookingInput {
  readonly choice: RentalChoice;
  readonly quote: Quote;
  readonly customer: Customer;
  readonly locale: "ja" | "en";
  readonly now: Date;
  /** The draft it is made from: at most one booking per draft. */
  readonly draftId?: string | undefined;
}

/** Why a booking could not be made. */
export class SoldOutError extends Error {
  override readonly name = "SoldOutError";
  constructor() {
    super("No car of this class is free for the whole period");
  }
}

/** The draft was already made into a booking (by an earlier or a concurrent submission). */
export class DraftAlreadyBookedError extends Error {
  override readonly name = "DraftAlreadyBookedError";
  constructor(readonly booking: Booking) {
    super(`The draft is already booking ${booking.reference}`);
  }
}

/**
 * A unique key refused a row of a new booking: a concurrent booking took the car, the draft (or,
 * rarely, the reference) first. Its transaction rolled back; {@link bookAndCheckout} tries again.
 */
class BookingRaceError extends Error {
  override readonly name = "BookingRaceError";
}

const RACE_RETRIES = 5;

/** A new booking awaiting payment for `input`, not stored: a new id and reference, no car yet. */
export function newBooking(input: BookingInput): Booking {
  const { choice, quote, customer, now } = input;
  return {
    id: randomUUID(),
    reference: newReference(),
    status: "awaiting_payment",
    locale: input.locale,
    pick_up_location: choice.pickUpLocation,
    return_location: choice.returnLocation,
    pick_up_at: choice.pickUpAt.toISOString(),
    return_at: choice.returnAt.toISOString(),
    car_class: choice.carClass,
    car_id: null,
    options_json: JSON.stringify(choice.options),
    lines_json: JSON.stringify(quote.lines),
    total: quote.total,
    currency: quote.currency,
    customer_name: customer.name,
    customer_email: customer.email,
    customer_phone: customer.phone,
    customer_kana: customer.kana,
    draft_id: input.draftId ?? null,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
}

/**
 * Stores `booking` with the first free car of its class held for every day it is out, on `trx`;
 * returns the stored row. SoldOutError when no car is free; BookingRaceError when a unique key
 * refused a row (the transaction must then roll back, as it does when this throws).
 */
export async function insertBooking(
  trx: Transaction<AppTables>,
  booking: Booking,
): Promise<Booking> {
  const days = daysOut(new Date(booking.pick_up_at), new Date(booking.return_at));
  const carId = await firstFreeCar(trx, {
    location: booking.pick_up_location,
    carClass: booking.car_class,
    days,
  });
  if (carId === null) throw new SoldOutError();
  const stored = { ...booking, car_id: carId };
  try {
    await trx.insertInto("rc_bookings").values(stored).execute();
    await holdDays(trx, { carId, bookingId: booking.id, days });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new BookingRaceError("A row of the booking was taken", { cause: error });
    throw error;
  }
  return stored;
}

/**
 * Makes a booking and starts its checkout: `start` calls linkpay's `startCheckout` for the
 * booking with `newOrder`, which stores the booking, its car hold and its first attempt in one
 * transaction (one commit; never a booking without its attempt, nor an attempt without its
 * booking). When a concurrent booking wins a race for the car or the reference, nothing was
 * stored and the next free car is tried with a new reference; after five tries SoldOutError. With
 * `draftId`, a draft that is (or is concurrently being) made into a booking throws
 * DraftAlreadyBookedError with that booking. Returns the booking as stored.
 */
export async function bookAndCheckout(
  db: AppDb,
  input: BookingInput,
  start: (booking: Booking, newOrder: NewOrderWrites<SqlTransactionHandle>) => Promise<void>,
): Promise<Booking> {
  for (let attempt = 0; attempt < RACE_RETRIES; attempt++) {
    const booking = newBooking(input);
    let stored: Booking | undefined;
    try {
      await start(booking, async ({ tx }) => {
        stored = await insertBooking(tx.db.withTables<AppTables>(), booking);
      });
      if (stored === undefined) throw new Error("start did not give startCheckout the booking");
      return stored;
    } catch (error) {
      // A reference another order's attempts already use is a race lost too (a new one is drawn).
      const lost = error instanceof BookingRaceError || isLinkpayError(error, "ATTEMPT_CONFLICT");
      if (!lost) throw error;
      if (input.draftId !== undefined) {
        const made = await bookingOfDraft(db, input.draftId);
        if (made !== undefined) throw new DraftAlreadyBookedError(made);
      }
    }
  }
  throw new SoldOutError();
}

/** Whether a booking with this id is stored. */
export async function bookingExists(db: AppDb, bookingId: string): Promise<boolean> {
  const row = await db
    .selectFrom("rc_bookings")
    .select("id")
    .where("id", "=", bookingId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The booking with this reference, or undefined. */
export function findBooking(db: AppDb, reference: string): Promise<Booking | undefined> {
  return db
    .selectFrom("rc_bookings")
    .selectAll()
    .where("reference", "=", reference)
    .executeTakeFirst();
}

/** Moves a booking to `status`. */
export async function setBookingStatus(
  db: AppDb,
  bookingId: string,
  status: BookingStatus,
  now: Date,
): Promise<void> {
  await db
    .updateTable("rc_bookings")
    .set({ status, updated_at: now.toISOString() })
    .where("id", "=", bookingId)
    .execute();
}

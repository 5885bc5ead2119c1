/**
 * @module
 * Bookings in the database: created together with the car hold in one transaction, read back by
 * reference, and moved on by the payment hooks. A booking made from a draft (the confirmation
 * step) is made once: the draft's unique index decides between concurrent submissions.
 */
import { randomUUID } from "node:crypto";
import { LinkpayError } from "@linkpay/core";
import type { Kysely } from "@linkpay/store-sql";
import type { AppTables, BookingStatus, BookingsTable } from "../db/app-tables";
import { isUniqueViolation } from "../db/unique-violation";
import { type AppDb, daysOut, holdCar } from "../inventory/inventory";
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

const RACE_RETRIES = 5;

/**
 * Stores a booking awaiting payment and holds a car for it, atomically. When another shopper
 * takes the car first, the transaction rolls back and the next free car is tried; with none
 * left it throws SoldOutError and nothing is written. With `draftId`, a draft that is (or is
 * concurrently being) made into a booking throws DraftAlreadyBookedError with that booking.
 */
export async function createBooking(
  db: Kysely<AppTables>,
  input: {
    readonly choice: RentalChoice;
    readonly quote: Quote;
    readonly customer: Customer;
    readonly locale: "ja" | "en";
    readonly now: Date;
    readonly draftId?: string | undefined;
  },
): Promise<Booking> {
  const { choice, quote, customer, now } = input;
  for (let attempt = 0; attempt < RACE_RETRIES; attempt++) {
    try {
      return await db.transaction().execute(async (trx) => {
        const booking: Booking = {
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
        await trx.insertInto("rc_bookings").values(booking).execute();
        const carId = await holdCar(trx, {
          bookingId: booking.id,
          location: choice.pickUpLocation,
          carClass: choice.carClass,
          days: daysOut(choice.pickUpAt, choice.returnAt),
        });
        if (carId === null) throw new SoldOutError();
        await trx
          .updateTable("rc_bookings")
          .set({ car_id: carId })
          .where("id", "=", booking.id)
          .execute();
        return { ...booking, car_id: carId };
      });
    } catch (error) {
      if (error instanceof SoldOutError) throw error;
      if (input.draftId !== undefined && isUniqueViolation(error)) {
        const made = await bookingOfDraft(db, input.draftId);
        if (made !== undefined) throw new DraftAlreadyBookedError(made);
      }
      // Anything else from the database (a restart, a lost connection) is worth a retry: 503.
      if (!isUniqueViolation(error)) {
        throw new LinkpayError("STORE_UNAVAILABLE", "The booking could not be stored", {
          cause: error,
        });
      }
    }
  }
  throw new SoldOutError();
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

/**
 * @module
 * What the shop does when a payment changes state. linkpay runs each hook exactly once, inside the
 * transaction that records the change, so the booking, the car hold, the konbini slip and the
 * e-mails move together with the payment state or not at all.
 */
import type { PaymentHooks } from "@linkpay/core";
import type { SqlTransactionHandle, Transaction } from "@linkpay/store-sql";
import type { AppTables } from "../db/app-tables";
import { daysOut, holdCar, releaseCar } from "../inventory/inventory";
import { confirmationMail } from "../mail/confirmation-mail";
import { konbiniSlipMail } from "../mail/konbini-slip-mail";
import { queueMail } from "../mail/outbox";
import { type Booking, findBooking, setBookingStatus } from "./bookings";
import { saveKonbiniSlip } from "./konbini-slips";

/**
 * Confirms the booking `reference` if it is still awaiting payment (its car is held), returning
 * the confirmed row the e-mail is written from: the usual paid event in one statement instead of
 * a read and a write (every webhook pays each statement's round trip).
 */
function confirmAwaitingBooking(
  trx: Transaction<AppTables>,
  reference: string,
  now: Date,
): Promise<Booking | undefined> {
  return trx
    .updateTable("rc_bookings")
    .set({ status: "confirmed", updated_at: now.toISOString() })
    .where("reference", "=", reference)
    .where("status", "=", "awaiting_payment")
    .returningAll()
    .executeTakeFirst();
}

/**
 * A payment for a booking that is no longer awaiting it. One released meanwhile (expired, or its
 * payment failed; a konbini slip paid at the last minute, say) takes a free car again and is
 * confirmed. Nothing changes, and undefined is returned, without a free car, or for a booking
 * missing, already confirmed, or cancelled (its money goes back through its cancellation).
 */
async function confirmReleasedBooking(
  trx: Transaction<AppTables>,
  reference: string,
  now: Date,
): Promise<Booking | undefined> {
  const booking = await findBooking(trx, reference);
  if (booking?.status !== "expired" && booking?.status !== "payment_failed") return undefined;
  const carId = await holdCar(trx, {
    bookingId: booking.id,
    location: booking.pick_up_location,
    carClass: booking.car_class,
    days: daysOut(new Date(booking.pick_up_at), new Date(booking.return_at)),
  });
  if (carId === null) return undefined;
  const updatedAt = now.toISOString();
  await trx
    .updateTable("rc_bookings")
    .set({ car_id: carId, status: "confirmed", updated_at: updatedAt })
    .where("id", "=", booking.id)
    .execute();
  return { ...booking, car_id: carId, status: "confirmed", updated_at: updatedAt };
}

/** What the hooks need. */
export interface BookingHookDeps {
  /** The absolute booking link (with its token) for the e-mail. */
  readonly bookingLink: (reference: string) => string;
  readonly now: () => Date;
}

/**
 * The hooks. A payment that arrives after its booking was released (a konbini slip paid at the
 * last minute, say) takes a car again if one is free; if none is, the booking stays released and
 * linkpay's `paid_after_closed` alert tells staff to call the shopper or refund.
 */
export function bookingHooks(deps: BookingHookDeps): PaymentHooks<SqlTransactionHandle> {
  async function release(
    tx: SqlTransactionHandle,
    orderRef: string,
    status: "payment_failed" | "expired",
  ): Promise<void> {
    const trx = tx.db.withTables<AppTables>();
    const booking = await findBooking(trx, orderRef);
    if (booking === undefined || booking.status !== "awaiting_payment") return;
    await releaseCar(trx, booking.id);
    await setBookingStatus(trx, booking.id, status, deps.now());
  }

  return {
    /**
     * A konbini slip was issued. The car stays held (the booking stays awaiting payment) until
     * the provider reports the slip paid or expired at its deadline; the slip is stored for the
     * booking page and mailed, so the shopper can pay without the provider's page.
     */
    async onPending({ attempt, event, tx }) {
      const pending = event.pendingPayment;
      if (pending === undefined) return;
      const trx = tx.db.withTables<AppTables>();
      const booking = await findBooking(trx, attempt.orderRef);
      if (booking === undefined || booking.status !== "awaiting_payment") return;
      const now = deps.now();
      const slip = await saveKonbiniSlip(trx, { bookingId: booking.id, pending, now });
      const message = konbiniSlipMail(booking, slip, deps.bookingLink(booking.reference));
      await queueMail(trx, { booking, kind: "konbini_slip", message, now });
    },
    async onPaid({ attempt, tx }) {
      const trx = tx.db.withTables<AppTables>();
      const now = deps.now();
      const booking =
        (await confirmAwaitingBooking(trx, attempt.orderRef, now)) ??
        (await confirmReleasedBooking(trx, attempt.orderRef, now));
      if (booking === undefined) return;
      const message = confirmationMail(booking, deps.bookingLink(booking.reference));
      await queueMail(trx, { booking, kind: "booking_confirmed", message, now });
    },
    onFailed: ({ attempt, tx }) => release(tx, attempt.orderRef, "payment_failed"),
    onExpired: ({ attempt, tx }) => release(tx, attempt.orderRef, "expired"),
    onCanceled: ({ attempt, tx }) => release(tx, attempt.orderRef, "expired"),
  };
}

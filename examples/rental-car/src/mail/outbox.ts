/**
 * @module
 * The outbox: confirmation e-mails are written in the same transaction that confirms the booking,
 * so a booking is never confirmed without its e-mail nor mailed twice ((booking, kind) is unique).
 * A sender drains it afterwards; without SMTP the outbox table is the mailbox.
 */
import { randomUUID } from "node:crypto";
import type { Transaction } from "@linkpay/store-sql";
import type { Booking } from "../bookings/bookings";
import type { AppTables } from "../db/app-tables";
import type { AppDb } from "../inventory/inventory";
import type { MailMessage } from "./confirmation-mail";

/** Queues the confirmation of `booking` (inside the caller's transaction). */
export async function queueConfirmation(
  trx: Transaction<AppTables>,
  booking: Booking,
  message: MailMessage,
  now: Date,
): Promise<void> {
  await trx
    .insertInto("rc_outbox")
    .values({
      id: randomUUID(),
      booking_id: booking.id,
      kind: "booking_confirmed",
      recipient: booking.customer_email,
      subject: message.subject,
      body: message.body,
      created_at: now.toISOString(),
      sent_at: null,
    })
    .execute();
}

/** Messages not sent yet, oldest first. */
export function unsentMessages(db: AppDb, limit = 50) {
  return db
    .selectFrom("rc_outbox")
    .selectAll()
    .where("sent_at", "is", null)
    .orderBy("created_at")
    .limit(limit)
    .execute();
}

/** Marks a message sent. */
export async function markSent(db: AppDb, id: string, now: Date): Promise<void> {
  await db
    .updateTable("rc_outbox")
    .set({ sent_at: now.toISOString() })
    .where("id", "=", id)
    .execute();
}

/**
 * @module
 * The outbox: e-mails are written in the same transaction that changes the booking (the
 * confirmation when it is confirmed, the konbini slip when the slip is issued), so a booking never
 * changes without its e-mail nor is mailed twice ((booking, kind) is unique).
 * A sender drains it afterwards; without SMTP the outbox table is the mailbox.
 */
import { randomUUID } from "node:crypto";
import type { Transaction } from "@linkpay/store-sql";
import type { Booking } from "../bookings/bookings";
import type { AppTables, OutboxTable } from "../db/app-tables";
import type { AppDb } from "../inventory/inventory";
import type { MailMessage } from "./confirmation-mail";

/** Queues a message of `kind` to `booking`'s customer (inside the caller's transaction). */
export async function queueMail(
  trx: Transaction<AppTables>,
  input: {
    readonly booking: Booking;
    readonly kind: OutboxTable["kind"];
    readonly message: MailMessage;
    readonly now: Date;
  },
): Promise<void> {
  const { booking, message, now } = input;
  await trx
    .insertInto("rc_outbox")
    .values({
      id: randomUUID(),
      booking_id: booking.id,
      kind: input.kind,
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

/**
 * @module
 * What must hold after the run, checked from the database and from the sandbox's own records
 * (not from what the app says about itself), whichever provider the sandbox played.
 */
import { readFileSync } from "node:fs";
import { findCardNumbers } from "@linkpay/core";
import type { AppTables } from "@linkpay/example-rental-car/db/app-tables";
import { type Kysely, sql } from "@linkpay/store-sql";
import type { PspSession } from "./psp-sessions";

/** One invariant's verdict. */
export interface Verdict {
  readonly name: string;
  readonly ok: boolean;
  /** Counts or the offending ids. */
  readonly detail: string;
}

function verdict(name: string, offenders: readonly string[], ok: string): Verdict {
  return {
    name,
    ok: offenders.length === 0,
    detail:
      offenders.length === 0 ? ok : `${offenders.length}: ${offenders.slice(0, 5).join(", ")}`,
  };
}

/** Text of every text-like column of every table in the public schema. */
async function everyTextValue(db: Kysely<object>): Promise<string[]> {
  const columns = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and data_type in ('text', 'character varying', 'json', 'jsonb')`.execute(
    db,
  );
  const values: string[] = [];
  for (const { table_name, column_name } of columns.rows) {
    const rows = await sql<{ value: string | null }>`
      select ${sql.ref(column_name)}::text as value from ${sql.table(table_name)}`.execute(db);
    for (const row of rows.rows) if (row.value !== null) values.push(row.value);
  }
  return values;
}

/** Checks every invariant. */
export async function checkInvariants(input: {
  readonly db: Kysely<AppTables>;
  readonly rawDb: Kysely<object>;
  readonly sessions: readonly PspSession[];
  readonly logFiles: readonly string[];
}): Promise<Verdict[]> {
  const { db, sessions } = input;
  const bookings = await db.selectFrom("rc_bookings").selectAll().execute();
  // Confirmations only: a konbini booking also gets its slip by e-mail before it is paid.
  const outbox = await db
    .selectFrom("rc_outbox")
    .selectAll()
    .where("kind", "=", "booking_confirmed")
    .execute();
  const carDays = await db.selectFrom("rc_car_days").selectAll().execute();
  const byReference = new Map(bookings.map((booking) => [booking.reference, booking]));
  // A cancellation is made only from `confirmed`: a cancelled booking with its record was confirmed.
  const cancelledIds = new Set(
    (await db.selectFrom("rc_cancellations").select("booking_id").execute()).map(
      (row) => row.booking_id,
    ),
  );
  const wasConfirmed = (booking: { readonly id: string; readonly status: string } | undefined) =>
    booking !== undefined &&
    (booking.status === "confirmed" ||
      (booking.status === "cancelled" && cancelledIds.has(booking.id)));
  const paidRefs = new Set(
    sessions.filter((session) => session.paid).map((session) => session.reference),
  );

  const paidNotConfirmed = [...paidRefs].filter((ref) => !wasConfirmed(byReference.get(ref)));
  const confirmedNotPaid = bookings
    .filter((booking) => wasConfirmed(booking) && !paidRefs.has(booking.reference))
    .map((booking) => booking.reference);

  const mailsPerBooking = new Map<string, number>();
  for (const mail of outbox)
    mailsPerBooking.set(mail.booking_id, (mailsPerBooking.get(mail.booking_id) ?? 0) + 1);
  const mailProblems = bookings
    .filter((booking) => (mailsPerBooking.get(booking.id) ?? 0) !== (wasConfirmed(booking) ? 1 : 0))
    .map(
      (booking) => `${booking.reference}:${booking.status}:${mailsPerBooking.get(booking.id) ?? 0}`,
    );

  const daysPerCar = new Map<string, string>();
  const doubleBooked: string[] = [];
  for (const row of carDays) {
    const key = `${row.car_id}@${row.day}`;
    const holder = daysPerCar.get(key);
    if (holder !== undefined && holder !== row.booking_id) doubleBooked.push(key);
    daysPerCar.set(key, row.booking_id);
  }
  const holdsPerBooking = new Map<string, number>();
  for (const row of carDays)
    holdsPerBooking.set(row.booking_id, (holdsPerBooking.get(row.booking_id) ?? 0) + 1);
  const closedRefs = new Set(
    sessions.filter((session) => session.closed).map((session) => session.reference),
  );
  const notReleased = bookings
    .filter(
      (booking) =>
        (booking.status === "expired" ||
          booking.status === "payment_failed" ||
          booking.status === "cancelled" ||
          closedRefs.has(booking.reference)) &&
        booking.status !== "confirmed" &&
        (holdsPerBooking.get(booking.id) ?? 0) > 0,
    )
    .map((booking) => booking.reference);
  const closedStillAwaiting = [...closedRefs].filter(
    (ref) => byReference.get(ref)?.status === "awaiting_payment",
  );

  const cardInDb = (await everyTextValue(input.rawDb)).filter(
    (value) => findCardNumbers(value).length > 0,
  );
  const cardInLogs = input.logFiles.flatMap((file) =>
    readFileSync(file, "utf8")
      .split("\n")
      .filter((line) => findCardNumbers(line).length > 0)
      .map((line) => `${file}: ${line.slice(0, 120)}`),
  );

  return [
    verdict(
      "every paid session has exactly one confirmed booking (or one cancelled after it)",
      paidNotConfirmed,
      `${paidRefs.size} paid`,
    ),
    verdict(
      "no booking confirmed without a paid session",
      confirmedNotPaid,
      `${bookings.filter((b) => b.status === "confirmed").length} confirmed, ${cancelledIds.size} cancelled after`,
    ),
    verdict(
      "one confirmation e-mail per confirmed (or later cancelled) booking, none otherwise",
      mailProblems,
      `${outbox.length} confirmation e-mails`,
    ),
    verdict("no car double-booked", doubleBooked, `${carDays.length} car-days held`),
    verdict(
      "every expired, failed or cancelled booking released its car",
      notReleased,
      `${closedRefs.size} closed sessions`,
    ),
    verdict(
      "every expired or failed checkout closed its booking",
      closedStillAwaiting,
      "all closed",
    ),
    verdict("no card number in the database", cardInDb, "none"),
    verdict("no card number in the logs", cardInLogs, "none"),
  ];
}

/**
 * @module
 * Cancellations in the reliability run: the app's own `cancelBooking`, called for the same paid
 * booking from both operators at once (as a shopper's click and a manager's could reach two
 * instances), while the sandbox duplicates, reorders and drops the refund webhooks. Then: each
 * booking cancelled once, its car released, one cancellation record, and exactly the policy's
 * refund asked, confirmed and seen at the sandbox.
 */

import { cancelBooking } from "@linkpay/example-rental-car/cancellations/cancel-booking";
import type { AppTables } from "@linkpay/example-rental-car/db/app-tables";
import { type Kysely, sql } from "@linkpay/store-sql";
import type { Verdict } from "./invariants";
import type { PspSession } from "./psp-sessions";
import type { Operators } from "./refunds";

/** What the cancellations did, for the report. */
export interface CancelRun {
  readonly references: readonly string[];
  readonly problems: readonly string[];
}

/** Cancels each booking from both operators at once; the references cancelled. */
export async function cancelSome(
  db: Kysely<AppTables>,
  operators: Operators,
  paid: readonly PspSession[],
): Promise<CancelRun> {
  const problems: string[] = [];
  const references: string[] = [];
  const now = () => new Date();
  for (const session of paid) {
    const reference = session.reference;
    const outcomes = await Promise.allSettled(
      operators.payments.map((payments, index) =>
        cancelBooking({ db, payments, now }, { reference, actor: `operator-${index + 1}` }),
      ),
    );
    const fulfilled = outcomes.flatMap((outcome) =>
      outcome.status === "fulfilled" ? [outcome.value] : [],
    );
    if (fulfilled.length === 0) {
      problems.push(
        `${reference}: refused on both (${outcomes.map((o) => (o.status === "rejected" ? String(o.reason) : "")).join("; ")})`,
      );
      continue;
    }
    const refundIds = new Set(
      fulfilled.flatMap((outcome) => (outcome.refund === undefined ? [] : [outcome.refund.id])),
    );
    if (refundIds.size > 1) problems.push(`${reference}: two refunds for one cancellation`);
    references.push(reference);
  }
  return { references, problems };
}

interface CancelledRow {
  readonly reference: string;
  readonly status: string;
  readonly records: string | number;
  readonly car_days: string | number;
  readonly refund_amount: string | number | null;
}

/** The cancellation invariants, from the database and the sandbox's own records. */
export async function checkCancellations(input: {
  readonly db: Kysely<AppTables>;
  /** linkpay's physical table names (`store.tables`). */
  readonly tables: Readonly<Record<"refunds", string>>;
  readonly sessions: readonly PspSession[];
  readonly run: CancelRun;
}): Promise<Verdict> {
  const problems = [...input.run.problems];
  const refunds = sql.table(input.tables.refunds);
  const bySession = new Map(input.sessions.map((s) => [s.reference, s]));
  for (const reference of input.run.references) {
    const row = (
      await sql<
        CancelledRow & { asked: string | number | null; succeeded: string | number | null }
      >`
        select b.reference, b.status,
          (select count(*) from rc_cancellations c where c.booking_id = b.id) as records,
          (select count(*) from rc_car_days d where d.booking_id = b.id) as car_days,
          (select c.refund_amount from rc_cancellations c where c.booking_id = b.id) as refund_amount,
          (select sum(r.amount) from ${refunds} r where r.order_ref = b.reference and r.status <> 'failed') as asked,
          (select sum(r.amount) from ${refunds} r where r.order_ref = b.reference and r.status = 'succeeded') as succeeded
        from rc_bookings b where b.reference = ${reference}`.execute(input.db)
    ).rows[0];
    const policy = Number(row?.refund_amount ?? -1);
    const atSandbox = bySession.get(reference)?.amountRefunded ?? 0;
    if (
      row === undefined ||
      row.status !== "cancelled" ||
      Number(row.records) !== 1 ||
      Number(row.car_days) !== 0 ||
      Number(row.asked ?? 0) !== policy ||
      Number(row.succeeded ?? 0) !== policy ||
      atSandbox !== policy
    ) {
      problems.push(
        `${reference}: ${row?.status}, ${row?.records} record(s), ${row?.car_days} car day(s), policy ${policy}, asked ${row?.asked}, confirmed ${row?.succeeded}, sandbox ${atSandbox}`,
      );
    }
  }
  return {
    name: "each cancellation made once: car released, exactly the policy's refund (asked = confirmed = sandbox)",
    ok: problems.length === 0,
    detail:
      problems.length === 0
        ? `${input.run.references.length} bookings cancelled from both operators at once`
        : problems.slice(0, 5).join(", "),
  };
}

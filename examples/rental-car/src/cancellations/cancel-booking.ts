/**
 * @module
 * Cancelling a paid booking, for the shopper ("my booking") and for a manager (the console): the
 * booking, its car days and the cancellation record change in one transaction, then the refund
 * the policy allows is asked of linkpay under the key `cancel-<reference>`, so a double click, a
 * retry after a crash or two staff at once refund once.
 */
import {
  isLinkpayError,
  type LinkpayError,
  money,
  type OrderHistory,
  type Payments,
  type RefundRecord,
} from "@linkpay/core";
import type { Kysely } from "@linkpay/store-sql";
import { type Booking, findBooking } from "../bookings/bookings";
import type { AppTables, CancellationsTable } from "../db/app-tables";
import { type AppDb, releaseCar } from "../inventory/inventory";
import { type CancellationQuote, quoteCancellation } from "./cancellation-policy";

/** Why a booking cannot be cancelled. */
export type CancelErrorCode = "BOOKING_NOT_FOUND" | "NOT_CANCELLABLE" | "TOO_LATE_TO_CANCEL";

/** A cancellation refused before anything changed. */
export class CancelError extends Error {
  override readonly name = "CancelError";
  constructor(
    readonly code: CancelErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The idempotency key of a booking's cancellation refund: one refund per booking, whoever asks. */
export function cancellationRefundKey(reference: string): string {
  return `cancel-${reference}`;
}

/** What cancelling would do, for the confirmation page. */
export interface CancellationPreview {
  readonly booking: Booking;
  readonly quote: CancellationQuote;
  readonly currency: string;
}

/** What a cancellation did. */
export interface CancelOutcome {
  readonly booking: Booking;
  readonly cancellation: CancellationsTable;
  /** The refund asked (undefined when the policy keeps everything). */
  readonly refund: RefundRecord | undefined;
  /** The refund could not be asked now (the booking stays cancelled; a manager can refund). */
  readonly refundError: LinkpayError | undefined;
}

/** What cancelling needs. */
export interface CancelDeps {
  readonly db: Kysely<AppTables>;
  readonly payments: Payments;
  readonly now: () => Date;
}

/**
 * The fee and refund of cancelling `booking` at `now`, from its payment history (what was paid,
 * and what was already asked back or confirmed refunded); throws CancelError when it cannot be
 * cancelled.
 */
export function cancellationQuoteFor(
  booking: Booking,
  history: Pick<OrderHistory, "attempts" | "refunds">,
  now: Date,
): CancellationQuote {
  if (booking.status !== "confirmed") {
    throw new CancelError(
      "NOT_CANCELLABLE",
      `A booking that is ${booking.status} cannot be cancelled`,
    );
  }
  const paid = history.attempts.find((attempt) =>
    ["paid", "partially_refunded", "refunded"].includes(attempt.status),
  );
  const asked = history.refunds
    .filter((refund) => refund.status !== "failed")
    .reduce((sum, refund) => sum + refund.amount.amount, 0);
  const quote = quoteCancellation({
    pickUpAt: new Date(booking.pick_up_at),
    now,
    total: booking.total,
    paid: paid?.amount.amount ?? 0,
    alreadyRefunded: Math.max(asked, paid?.refundedAmount.amount ?? 0),
  });
  if (quote === undefined) {
    throw new CancelError("TOO_LATE_TO_CANCEL", "The pick-up time has passed");
  }
  return quote;
}

/** The fee and refund of cancelling now; throws CancelError when it cannot be cancelled. */
export async function previewCancellation(
  deps: CancelDeps,
  reference: string,
): Promise<CancellationPreview> {
  const booking = await findBooking(deps.db, reference);
  if (booking === undefined) throw new CancelError("BOOKING_NOT_FOUND", "No such booking");
  const history = await deps.payments.history({ orderRef: reference });
  const quote = cancellationQuoteFor(booking, history, deps.now());
  return { booking, quote, currency: booking.currency };
}

/**
 * Cancels the booking under the policy and asks for the refund. Cancelling a booking that is
 * already cancelled asks for its refund again under the same key (nothing is refunded twice).
 */
export async function cancelBooking(
  deps: CancelDeps,
  input: { readonly reference: string; readonly actor: string },
): Promise<CancelOutcome> {
  const existing = await findCancellation(deps.db, input.reference);
  const cancelled = existing ?? (await cancelNow(deps, input));
  const { booking, cancellation } = cancelled;
  if (cancellation.refund_amount === 0) {
    return { booking, cancellation, refund: undefined, refundError: undefined };
  }
  try {
    const { refund } = await deps.payments.refund({
      orderRef: booking.reference,
      amount: money(cancellation.refund_amount, booking.currency),
      reason: `cancelled ${cancellation.days_before} day(s) before pick-up, fee ${cancellation.fee_percent}%`,
      actor: input.actor,
      idempotencyKey: cancellationRefundKey(booking.reference),
    });
    return { booking, cancellation, refund, refundError: undefined };
  } catch (error) {
    if (!isLinkpayError(error)) throw error;
    return { booking, cancellation, refund: undefined, refundError: error };
  }
}

async function cancelNow(
  deps: CancelDeps,
  input: { readonly reference: string; readonly actor: string },
): Promise<{ booking: Booking; cancellation: CancellationsTable }> {
  const { booking, quote } = await previewCancellation(deps, input.reference);
  const now = deps.now().toISOString();
  const cancellation: CancellationsTable = {
    booking_id: booking.id,
    cancelled_at: now,
    cancelled_by: input.actor,
    days_before: quote.daysBefore,
    fee_percent: quote.feePercent,
    fee: quote.fee,
    refund_amount: quote.refund,
  };
  const won = await deps.db.transaction().execute(async (trx) => {
    const moved = await trx
      .updateTable("rc_bookings")
      .set({ status: "cancelled", updated_at: now })
      .where("id", "=", booking.id)
      .where("status", "=", "confirmed")
      .executeTakeFirst();
    if (moved.numUpdatedRows === 0n) return false;
    await releaseCar(trx, booking.id);
    await trx.insertInto("rc_cancellations").values(cancellation).execute();
    return true;
  });
  if (!won) {
    // Someone else cancelled it in between: theirs is the cancellation.
    const theirs = await findCancellation(deps.db, input.reference);
    if (theirs === undefined) {
      throw new CancelError("NOT_CANCELLABLE", "The booking changed while cancelling");
    }
    return theirs;
  }
  return { booking: { ...booking, status: "cancelled", updated_at: now }, cancellation };
}

/** The booking and its cancellation, when it was cancelled. */
export async function findCancellation(
  db: AppDb,
  reference: string,
): Promise<{ booking: Booking; cancellation: CancellationsTable } | undefined> {
  const booking = await findBooking(db, reference);
  if (booking === undefined || booking.status !== "cancelled") return undefined;
  const cancellation = await db
    .selectFrom("rc_cancellations")
    .selectAll()
    .where("booking_id", "=", booking.id)
    .executeTakeFirst();
  return cancellation === undefined ? undefined : { booking, cancellation };
}

/**
 * @module
 * The published cancellation policy: what a cancellation keeps, by whole days (Japan time) from
 * the day of cancelling to the pick-up day. The fee is rounded down to the yen, so the shopper
 * never pays more than the published percentage.
 */
import { tokyoDate } from "../pricing/rental-period";

/** One row of the policy: from `minDays` days before the pick-up day, the fee is `percent`. */
export interface PolicyTier {
  readonly minDays: number;
  readonly percent: number;
}

/** Longest notice first; the first tier whose `minDays` is reached applies. */
export const CANCELLATION_POLICY: readonly PolicyTier[] = [
  { minDays: 7, percent: 0 },
  { minDays: 3, percent: 20 },
  { minDays: 1, percent: 30 },
  { minDays: 0, percent: 50 },
];

/** What cancelling now would cost. */
export interface CancellationQuote {
  /** Whole days from today to the pick-up day (Japan time); 0 on the day. */
  readonly daysBefore: number;
  readonly feePercent: number;
  readonly fee: number;
  /** What the shopper gets back of `paid`. */
  readonly refund: number;
}

const DAY_MS = 86_400_000;

/** Whole calendar days between two instants, each taken as its Japan-time date. */
export function daysBetween(from: Date, to: Date): number {
  return Math.round(
    (Date.parse(`${tokyoDate(to)}T00:00:00Z`) - Date.parse(`${tokyoDate(from)}T00:00:00Z`)) /
      DAY_MS,
  );
}

/**
 * The fee and refund for cancelling at `now` a booking picked up at `pickUpAt`, of which `paid`
 * was paid and `alreadyRefunded` given back. Undefined once the pick-up time has passed: from
 * then on the booking cannot be cancelled, only refunded by a manager.
 */
export function quoteCancellation(input: {
  readonly pickUpAt: Date;
  readonly now: Date;
  readonly total: number;
  readonly paid: number;
  readonly alreadyRefunded: number;
}): CancellationQuote | undefined {
  if (input.now.getTime() >= input.pickUpAt.getTime()) return undefined;
  const daysBefore = daysBetween(input.now, input.pickUpAt);
  const tier = CANCELLATION_POLICY.find((row) => daysBefore >= row.minDays);
  const feePercent = tier?.percent ?? 100;
  const fee = Math.floor((input.total * feePercent) / 100);
  const refund = Math.max(0, Math.min(input.paid, input.total - fee) - input.alreadyRefunded);
  return { daysBefore, feePercent, fee, refund };
}

/**
 * @module
 * The car's time charge, by 24-hour blocks with an hourly extra, as Japanese rental shops price:
 *
 * - the first 24 hours, or any part of them, are one day;
 * - past the full 24-hour days, each started hour costs the hourly rate (1/6 of the daily rate,
 *   rounded to ¥10), until those hours would cost a day's rate or more: then they count as a day.
 *
 * So 10:00 → 10:00 the next day is 1 day; 10:00 → 10:01 the next day is 1 day + 1 hour; with a
 * ¥7,700 daily rate (¥1,280 an hour) 1 day + 6 hours costs ¥15,380 and 1 day + 7 hours is 2 days.
 * Per-day options are 24-hour rates and count every started 24 hours (see `rentalDays`).
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** What the car's time costs: whole days at the daily rate and extra hours at the hourly rate. */
export interface TimeCharge {
  readonly days: number;
  readonly extraHours: number;
  readonly hourlyRate: number;
}

/** The hourly rate of a daily rate: a sixth of it, rounded to ¥10. */
export function hourlyRate(dailyRate: number): number {
  return Math.round(dailyRate / 6 / 10) * 10;
}

/** Charges a rental of `ms` milliseconds (already checked to be positive) at `dailyRate`. */
export function timeCharge(ms: number, dailyRate: number): TimeCharge {
  const rate = hourlyRate(dailyRate);
  const fullDays = Math.floor(ms / DAY_MS);
  const hours = Math.ceil((ms - fullDays * DAY_MS) / HOUR_MS);
  if (fullDays === 0) return { days: 1, extraHours: 0, hourlyRate: rate };
  if (hours * rate >= dailyRate) return { days: fullDays + 1, extraHours: 0, hourlyRate: rate };
  return { days: fullDays, extraHours: hours, hourlyRate: rate };
}

/**
 * @module
 * Dates for tests that book through the app: relative to the clock (the booking rules refuse a
 * pick-up in the past or beyond the horizon, so a fixed date in a test expires) and outside the
 * peak seasons (so a test's expected totals carry no surcharge).
 */
import { peakSeasonOn } from "../catalogue/catalogue";
import { addDays, HORIZON_DAYS, tokyoDate } from "../pricing/rental-period";

/**
 * The first Japan-time date at least `daysAhead` days after `now` that starts `days` days all
 * outside the peak seasons (`YYYY-MM-DD`).
 */
export function offPeakDate(now: Date, daysAhead: number, days = 3): string {
  let first = addDays(tokyoDate(now), daysAhead);
  while (Array.from({ length: days }, (_, i) => addDays(first, i)).some(peakSeasonOn)) {
    first = addDays(first, 1);
  }
  if (first > addDays(tokyoDate(now), HORIZON_DAYS)) {
    throw new Error(`no ${days} off-peak days between ${daysAhead} days ahead and the horizon`);
  }
  return first;
}

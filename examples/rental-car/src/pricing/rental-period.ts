/**
 * @module
 * Rental periods in Japan time. Asia/Tokyo has no daylight saving, so a fixed +09:00 offset is
 * exact; every date the shopper types is read in that zone, whatever the server's zone is.
 */
import { PricingError } from "./pricing-error";

/** Japan's UTC offset, in the ISO form used to parse local times. */
const TOKYO_OFFSET = "+09:00";
const DAY_MS = 24 * 60 * 60 * 1000;

/** The longest rental the shop takes online. */
export const MAX_RENTAL_DAYS = 30;

/** The earliest pick-up, in hours from now: the shop needs time to prepare the car. */
export const LEAD_TIME_HOURS = 3;

/** The latest pick-up day, in Japan-time calendar days from today. */
export const HORIZON_DAYS = 180;

/** Reads a date (`2026-12-01`) and time (`10:00`) typed in Japan into an instant. */
export function tokyoDateTime(date: string, time: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) {
    throw new PricingError("INVALID_DATE", "Dates are YYYY-MM-DD and times HH:MM");
  }
  const instant = new Date(`${date}T${time}:00${TOKYO_OFFSET}`);
  // Rejects calendar dates that do not exist (2026-02-30 would otherwise roll over).
  if (Number.isNaN(instant.getTime()) || tokyoDate(instant) !== date) {
    throw new PricingError("INVALID_DATE", "That date does not exist");
  }
  return instant;
}

/** The calendar date in Japan of an instant, as YYYY-MM-DD. */
export function tokyoDate(instant: Date): string {
  return inTokyo(instant).slice(0, 10);
}

/** The time of day in Japan of an instant, as HH:MM. */
export function tokyoTime(instant: Date): string {
  return inTokyo(instant).slice(11, 16);
}

function inTokyo(instant: Date): string {
  return new Date(instant.getTime() + 9 * 60 * 60 * 1000).toISOString();
}

/** The calendar date `days` after `date` (both YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Started 24-hour periods, at least one; refuses a return not after pick-up and a rental over
 * {@link MAX_RENTAL_DAYS} such periods. Per-day options are charged per started 24 hours.
 */
export function rentalDays(pickUpAt: Date, returnAt: Date): number {
  const ms = returnAt.getTime() - pickUpAt.getTime();
  if (!(ms > 0)) throw new PricingError("RETURN_BEFORE_PICK_UP", "Return must be after pick-up");
  const days = Math.max(1, Math.ceil(ms / DAY_MS));
  if (days > MAX_RENTAL_DAYS) {
    throw new PricingError(
      "RENTAL_TOO_LONG",
      `Rentals are at most ${MAX_RENTAL_DAYS} days online`,
      { maxDays: MAX_RENTAL_DAYS },
    );
  }
  return days;
}

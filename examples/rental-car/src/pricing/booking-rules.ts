/**
 * @module
 * The rules a rental must meet before it is searched, shown, confirmed or booked: known shops, a
 * return after the pick-up and within {@link MAX_RENTAL_DAYS} days, a pick-up at least
 * {@link LEAD_TIME_HOURS} hours ahead and at most {@link HORIZON_DAYS} days ahead (Japan-time
 * calendar days), a pick-up within the pick-up shop's opening hours and a return within the return
 * shop's hours. Every route that searches, prices or books calls {@link assertBookable} with the
 * app's clock; `pricingProblem()` says what to change.
 *
 * @example
 * try {
 *   assertBookable(choice, deps.now());
 * } catch (error) {
 *   if (error instanceof PricingError) problem = pricingProblem(error, lang);
 *   else throw error;
 * }
 */
import { findLocation, type Location, type OpeningHours } from "../catalogue/catalogue";
import { PricingError } from "./pricing-error";
import type { RentalChoice } from "./quote";
import {
  addDays,
  HORIZON_DAYS,
  LEAD_TIME_HOURS,
  rentalDays,
  tokyoDate,
  tokyoTime,
} from "./rental-period";

export { pricingProblem } from "./pricing-problem";
export { HORIZON_DAYS, LEAD_TIME_HOURS, MAX_RENTAL_DAYS } from "./rental-period";

const HOUR_MS = 3_600_000;

/** Whether the Japan-time time of day of `instant` is within `hours` (both ends included). */
export function isWithinHours(instant: Date, hours: OpeningHours): boolean {
  const time = tokyoTime(instant);
  return hours.opens <= time && time <= hours.closes;
}

function shop(code: string): Location {
  const location = findLocation(code);
  if (location === undefined) throw new PricingError("UNKNOWN_LOCATION", `No location ${code}`);
  return location;
}

/**
 * Throws a {@link PricingError} unless the rental can be booked at `now`: the one function the
 * search, the booking form, the confirmation step and `POST /bookings` call.
 */
export function assertBookable(choice: RentalChoice, now: Date): void {
  const pickUpShop = shop(choice.pickUpLocation);
  const returnShop = shop(choice.returnLocation);
  const { pickUpAt, returnAt } = choice;
  if (pickUpAt.getTime() < now.getTime()) {
    throw new PricingError("PICK_UP_IN_PAST", "The pick-up time has passed", {
      leadHours: LEAD_TIME_HOURS,
    });
  }
  if (pickUpAt.getTime() < now.getTime() + LEAD_TIME_HOURS * HOUR_MS) {
    throw new PricingError(
      "PICK_UP_TOO_SOON",
      `Pick-up is ${LEAD_TIME_HOURS} hours ahead or more`,
      {
        leadHours: LEAD_TIME_HOURS,
      },
    );
  }
  const lastPickUpDate = addDays(tokyoDate(now), HORIZON_DAYS);
  if (tokyoDate(pickUpAt) > lastPickUpDate) {
    throw new PricingError("PICK_UP_TOO_FAR", `Pick-up is on ${lastPickUpDate} or before`, {
      horizonDays: HORIZON_DAYS,
      lastPickUpDate,
    });
  }
  rentalDays(pickUpAt, returnAt);
  if (!isWithinHours(pickUpAt, pickUpShop.hours)) {
    throw new PricingError("PICK_UP_OUTSIDE_HOURS", `${pickUpShop.code} hands cars over in hours`, {
      shop: pickUpShop.name,
      hours: pickUpShop.hours,
    });
  }
  if (!isWithinHours(returnAt, returnShop.hours)) {
    throw new PricingError("RETURN_OUTSIDE_HOURS", `${returnShop.code} takes cars back in hours`, {
      shop: returnShop.name,
      hours: returnShop.hours,
    });
  }
}

/**
 * @module
 * The checkout request for a booking: the lines priced when it was made, in its language, and the
 * payment methods that suit it. Nothing here comes from the current request.
 *
 * Konbini is offered only when its slip can be paid in time and for this amount: the slip must
 * expire by the end of the day before pick-up (a car is not handed over against an unpaid slip),
 * at least one full day after it is issued, and Stripe's konbini takes ¥120–¥300,000. Otherwise
 * the checkout offers cards only, instead of failing at the provider.
 */
import { money, type StartCheckoutInput } from "@linkpay/core";
import { konbiniCanCharge } from "@linkpay/stripe";
import * as z from "zod";
import { addDays, tokyoDate } from "../pricing/rental-period";
import type { Booking } from "./bookings";

/** The slip stays payable at most this many days: an unpaid slip keeps the car from others. */
export const KONBINI_MAX_DAYS = 3;

/**
 * How long after `now` the slip may still be issued: the hosted page stays open about half an
 * hour, and the shopper may choose konbini at its end (the deadline counts from that day).
 */
const LATEST_ISSUE_MS = 60 * 60 * 1000;

const DAY_MS = 86_400_000;

const storedLines = z.array(
  z.object({
    name: z.object({ ja: z.string(), en: z.string() }),
    unitAmount: z.number().int().nonnegative(),
    quantity: z.number().int().positive(),
  }),
);

/**
 * How many days a konbini slip issued now may stay payable (it expires at 23:59 Japan time that
 * many calendar days after the day it is issued), or 0 when it cannot end before pick-up day.
 */
export function konbiniDays(booking: Pick<Booking, "pick_up_at">, now: Date): number {
  const issuedOn = tokyoDate(new Date(now.getTime() + LATEST_ISSUE_MS));
  const lastDay = addDays(tokyoDate(new Date(booking.pick_up_at)), -1);
  const days = Math.round((Date.parse(lastDay) - Date.parse(issuedOn)) / DAY_MS);
  return Math.max(0, Math.min(days, KONBINI_MAX_DAYS));
}

/** The payment methods (and konbini's deadline) for `booking` started at `now`. */
function paymentChoice(
  booking: Booking,
  now: Date,
): Pick<StartCheckoutInput, "paymentMethods" | "konbini"> {
  const days = konbiniDays(booking, now);
  if (days < 1 || !konbiniCanCharge(money(booking.total, "JPY"))) {
    return { paymentMethods: ["card"] };
  }
  // Konbini among what the provider offers (card only when it is not configured for konbini).
  return { konbini: { expiresAfterDays: days } };
}

/** What `payments.startCheckout` gets for `booking`, started at `now`. */
export function checkoutFor(booking: Booking, now: Date): StartCheckoutInput {
  const lines = storedLines.parse(JSON.parse(booking.lines_json));
  return {
    orderRef: booking.reference,
    currency: "JPY",
    total: booking.total,
    lineItems: lines.map((line) => ({
      name: line.name[booking.locale],
      unitAmount: line.unitAmount,
      quantity: line.quantity,
    })),
    customerEmail: booking.customer_email,
    locale: booking.locale,
    metadata: { booking_id: booking.id },
    ...paymentChoice(booking, now),
  };
}

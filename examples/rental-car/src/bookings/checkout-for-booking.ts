/**
 * @module
 * The checkout request for a booking: the lines priced when it was made, in its language, and the
 * payment methods that suit it. Nothing here comes from the current request.
 *
 * The methods are the provider's (Stripe: card and konbini; KOMOJU: card, konbini and PayPay),
 * less the ones that do not suit this booking. Konbini is offered only when its slip can be paid in
 * time and for this amount: the slip must expire by the end of the day before pick-up (a car is
 * not handed over against an unpaid slip), at least one full day after it is issued, and the
 * provider must take the amount and that deadline by konbini. The limits are the provider adapter's
 * own (its `checkRequest`: Stripe's konbini takes ¥120–¥300,000; KOMOJU's slips last the days set
 * in its dashboard, so a pick-up sooner than that leaves konbini out), so the app keeps no copy of
 * them and a method the provider would refuse is left out instead of failing at the provider.
 */
import {
  type CheckoutRequest,
  isLinkpayError,
  type PaymentMethod,
  type PaymentProvider,
  parseCheckoutRequest,
  type StartCheckoutInput,
} from "@linkpay/core";
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

/** What the app needs to know of the provider: the methods it offers and its own limits. */
export type CheckoutProvider = Pick<PaymentProvider, "paymentMethods" | "checkRequest">;

/**
 * Whether `provider` takes `request` by `method` alone (its `checkRequest` does not refuse it),
 * with konbini's slip lasting `konbiniDays` (KOMOJU, whose slip lifetime is one dashboard setting,
 * refuses a slip that must expire sooner than that).
 */
function providerTakes(
  provider: CheckoutProvider,
  request: CheckoutRequest,
  method: PaymentMethod,
  konbiniDays: number,
): boolean {
  const konbini = method === "konbini" ? { expiresAfterDays: konbiniDays } : undefined;
  try {
    provider.checkRequest?.({ ...request, paymentMethods: [method], konbini });
    return true;
  } catch (error) {
    // A refusal is a typed error naming the method's limit; anything else is a bug, not an answer.
    if (isLinkpayError(error)) return false;
    throw error;
  }
}

/** The payment methods (and konbini's deadline) for `booking` started at `now`. */
function paymentChoice(
  booking: Booking,
  request: CheckoutRequest,
  now: Date,
  provider: CheckoutProvider,
): Pick<StartCheckoutInput, "paymentMethods" | "konbini"> {
  const offered = provider.paymentMethods ?? ["card"];
  const days = konbiniDays(booking, now);
  const methods = offered.filter(
    (method) =>
      (method !== "konbini" || days >= 1) && providerTakes(provider, request, method, days),
  );
  const konbini = methods.includes("konbini") ? { konbini: { expiresAfterDays: days } } : {};
  // Everything the provider offers suits: leave the list to it, as configured.
  if (methods.length === offered.length) return konbini;
  return { paymentMethods: methods.length > 0 ? methods : ["card"], ...konbini };
}

/** What `payments.startCheckout` gets for `booking`, started at `now`, with `provider`. */
export function checkoutFor(
  booking: Booking,
  now: Date,
  provider: CheckoutProvider,
): StartCheckoutInput {
  const lines = storedLines.parse(JSON.parse(booking.lines_json));
  const input: StartCheckoutInput = {
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
  };
  return { ...input, ...paymentChoice(booking, parseCheckoutRequest(input), now, provider) };
}

/**
 * @module
 * The checkout request for a booking: the lines priced when it was made, in its language.
 * Nothing here comes from the current request.
 */
import type { StartCheckoutInput } from "@linkpay/core";
import * as z from "zod";
import type { Booking } from "./bookings";

const storedLines = z.array(
  z.object({
    name: z.object({ ja: z.string(), en: z.string() }),
    unitAmount: z.number().int().nonnegative(),
    quantity: z.number().int().positive(),
  }),
);

/** What `payments.startCheckout` gets for `booking`. */
export function checkoutFor(booking: Booking): StartCheckoutInput {
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
  };
}

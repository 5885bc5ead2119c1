/**
 * @module
 * The booking form as the server reads it: choices and contact details only. Any price, amount or
 * currency a client adds is dropped here, and the total is computed from the catalogue.
 */
import * as z from "zod";
import { RENTAL_OPTIONS } from "../catalogue/catalogue";
import type { RentalChoice } from "../pricing/quote";
import { tokyoDateTime } from "../pricing/rental-period";

const code = z
  .string()
  .trim()
  .regex(/^[A-Z]{1,4}$/);
const date = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/);
const time = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const quantity = z
  .string()
  .trim()
  .regex(/^\d{1,2}$/)
  .transform(Number)
  .optional();

/** What a search asks: where and when. */
export const searchSchema = z.object({
  pickUpLocation: code,
  returnLocation: code,
  pickUpDate: date,
  pickUpTime: time,
  returnDate: date,
  returnTime: time,
});

/** The booking form: the search, the class, options, and who is renting. No amounts. */
export const bookingFormSchema = searchSchema.extend({
  carClass: code,
  name: z.string().trim().min(1).max(100),
  email: z.email().max(254),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 -]{6,18}[0-9]$/),
  ...Object.fromEntries(RENTAL_OPTIONS.map((option) => [`option_${option.code}`, quantity])),
});

/** A parsed search. */
export type SearchInput = z.output<typeof searchSchema>;

/** A parsed booking form. */
export type BookingForm = z.output<typeof bookingFormSchema>;

/** The rental choice a search or form describes (throws PricingError on impossible dates). */
export function choiceOf(search: SearchInput, form?: BookingForm): RentalChoice {
  const options = RENTAL_OPTIONS.map((option) => {
    const value: unknown =
      form === undefined ? undefined : Reflect.get(form, `option_${option.code}`);
    return { code: option.code, quantity: typeof value === "number" ? value : 0 };
  }).filter((option) => option.quantity > 0);
  return {
    pickUpLocation: search.pickUpLocation,
    returnLocation: search.returnLocation,
    pickUpAt: tokyoDateTime(search.pickUpDate, search.pickUpTime),
    returnAt: tokyoDateTime(search.returnDate, search.returnTime),
    carClass: form?.carClass ?? "",
    options,
  };
}

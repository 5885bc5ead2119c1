/**
 * @module
 * The booking form as the server reads it: choices and contact details only. Any price, amount or
 * currency a client adds is dropped here, and the total is computed from the catalogue.
 *
 * The shopper's details are read field by field, so the form can be shown again with a message
 * beside each field that needs fixing and everything else as typed. The フリガナ (name in
 * katakana) is required on the Japanese site and optional on the English one, where most names
 * have no katakana form; hiragana, half-width katakana and full-width spaces are accepted and
 * converted, because that is what Japanese keyboards and autofill produce.
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

/** The choice part of the booking form: the search, the class and the options. No amounts. */
export const choiceFormSchema = searchSchema.extend({
  carClass: code,
  ...Object.fromEntries(RENTAL_OPTIONS.map((option) => [`option_${option.code}`, quantity])),
});

/** A parsed search. */
export type SearchInput = z.output<typeof searchSchema>;

/** The choice part of a parsed booking form. */
export type ChoiceForm = z.output<typeof choiceFormSchema>;

/** The shopper's fields of the booking form. */
export const CUSTOMER_FIELDS = ["name", "kana", "email", "phone"] as const;

/** One of the shopper's fields. */
export type CustomerField = (typeof CUSTOMER_FIELDS)[number];

/** Who is renting, as read from the form (the フリガナ in katakana, or empty). */
export interface CustomerInput {
  readonly name: string;
  readonly kana: string;
  readonly email: string;
  readonly phone: string;
}

/** Hiragana to katakana (the two blocks are 0x60 apart), after NFKC (half-width kana, spaces). */
export function toKatakana(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\u3041-\u3096]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0x60))
    .replace(/\s+/g, " ")
    .trim();
}

const KATAKANA = /^[\u30A1-\u30FA\u30FB\u30FC ]+$/;

const kana = z.string().transform(toKatakana).pipe(z.string().max(100).regex(KATAKANA));

const customerSchema = z.object({
  name: z.string().trim().min(1).max(100),
  kana,
  email: z
    .string()
    .transform((value) => value.normalize("NFKC").trim())
    .pipe(z.email().max(254)),
  phone: z
    .string()
    .transform((value) => value.normalize("NFKC").trim())
    .pipe(z.string().regex(/^\+?[0-9][0-9 -]{6,18}[0-9]$/)),
});

/**
 * The shopper's fields by whether the フリガナ is required. Built once: a zod schema compiles its
 * parser on first use, which a schema made per request would pay on every request.
 */
const CUSTOMER_SCHEMAS = {
  kanaRequired: customerSchema,
  kanaOptional: customerSchema.extend({ kana: z.union([z.string().trim().max(0), kana]) }),
} as const;

/** The shopper's details, or which fields need fixing (and the values as typed, to show again). */
export type CustomerReading =
  | { readonly ok: true; readonly customer: CustomerInput }
  | { readonly ok: false; readonly invalid: ReadonlySet<CustomerField> };

/** Reads the shopper's fields; the フリガナ is required unless `lang` is `en`. */
export function readCustomer(body: Record<string, unknown>, lang: "ja" | "en"): CustomerReading {
  const fields = Object.fromEntries(
    CUSTOMER_FIELDS.map((field) => [field, typeof body[field] === "string" ? body[field] : ""]),
  );
  const schema = lang === "ja" ? CUSTOMER_SCHEMAS.kanaRequired : CUSTOMER_SCHEMAS.kanaOptional;
  const parsed = schema.safeParse(fields);
  if (parsed.success) return { ok: true, customer: parsed.data };
  const invalid = new Set<CustomerField>();
  for (const issue of parsed.error.issues) {
    const field = CUSTOMER_FIELDS.find((name) => name === issue.path[0]);
    if (field !== undefined) invalid.add(field);
  }
  return { ok: false, invalid };
}

/** The typed values of the shopper's fields (strings only), to put back into the form. */
export function typedCustomer(body: Record<string, unknown>): CustomerInput {
  const text = (field: CustomerField) => {
    const value = body[field];
    return typeof value === "string" ? value.slice(0, 300) : "";
  };
  return { name: text("name"), kana: text("kana"), email: text("email"), phone: text("phone") };
}

/** The rental choice a search or form describes (throws PricingError on impossible dates). */
export function choiceOf(search: SearchInput, form?: ChoiceForm): RentalChoice {
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

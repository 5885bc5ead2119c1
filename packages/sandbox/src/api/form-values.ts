/**
 * @module
 * zod schemas for values as they arrive in Stripe's form encoding: everything is a string
 * (`unit_amount=1000`), lists may come as `expand[]=…` or `expand[0]=…`, and an empty string
 * means "not set".
 */
import * as z from "zod";

/** The `params` key that carries a Stripe error code on a custom zod issue. */
export const STRIPE_CODE = "stripeCode";

const INTEGER = /^-?\d{1,16}$/;

/** A form integer (`"1000"` → 1000) between `min` and `max`, with Stripe's error messages. */
export function formInteger(min: number, max: number = Number.MAX_SAFE_INTEGER) {
  return z.string().transform((value, context) => {
    const number = Number(value);
    if (!INTEGER.test(value) || !Number.isSafeInteger(number)) {
      context.addIssue({
        code: "custom",
        message: `Invalid integer: ${value.slice(0, 40)}`,
        params: { [STRIPE_CODE]: "parameter_invalid_integer" },
      });
      return z.NEVER;
    }
    if (number < min || number > max) {
      context.addIssue({
        code: "custom",
        message:
          max === Number.MAX_SAFE_INTEGER
            ? `This value must be greater than or equal to ${min}.`
            : `This value must be between ${min} and ${max}.`,
        params: { [STRIPE_CODE]: "parameter_invalid_integer" },
      });
      return z.NEVER;
    }
    return number;
  });
}

/** An absolute http(s) URL, kept exactly as written (so `{CHECKOUT_SESSION_ID}` survives). */
export const formUrl = z
  .string()
  .max(5000)
  .refine(
    (value) => {
      if (!URL.canParse(value)) return false;
      const { protocol } = new URL(value);
      return protocol === "http:" || protocol === "https:";
    },
    { message: "Not a valid URL", params: { [STRIPE_CODE]: "url_invalid" } },
  );

/** Treats `""` (how the SDK sends `null`) as absent. */
export function optionalField<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === "" ? undefined : value), schema.optional());
}

/** Stripe metadata: up to 50 string values under keys of up to 40 characters. */
export const metadata = z
  .preprocess(
    (value) => (value === "" ? {} : value),
    z.record(
      z.string().max(40, { message: "Metadata keys can be at most 40 characters long." }),
      z.string().max(500, { message: "Metadata values can be at most 500 characters long." }),
    ),
  )
  .refine((value) => Object.keys(value).length <= 50, {
    message: "Metadata can have at most 50 keys.",
  });

/** A form list of at most `max` items: `x[]=a&x[]=b`, `x[0]=a` or a lone `x=a`. */
export function formList<T extends z.ZodType>(item: T, max: number) {
  return z.preprocess(
    (value) => (typeof value === "string" ? [value] : value),
    z.array(item).max(max, { message: `You may pass at most ${max} values.` }),
  );
}

/** The `expand` parameter. */
export const expandParam = formList(z.string().min(1).max(200), 20);

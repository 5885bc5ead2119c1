/**
 * @module
 * The parameters of `POST /v1/checkout/sessions` the sandbox understands, as a zod schema over
 * the form-decoded body, and the rules that need the clock or several fields at once (one
 * currency, amount limits, `expires_at` window, konbini's JPY-only range).
 */
import { isCurrencyCode } from "@linkpay/core";
import * as z from "zod";
import {
  expandParam,
  formInteger,
  formList,
  formUrl,
  metadata,
  optionalField,
  STRIPE_CODE,
} from "./form-values";

const currency = z
  .string()
  .refine((value) => isCurrencyCode(value.toUpperCase()), {
    message: "Invalid currency. Use a three-letter ISO 4217 code such as jpy or usd.",
    params: { [STRIPE_CODE]: "invalid_currency" },
  })
  .transform((value) => value.toLowerCase());

const emailAddress = z.email();
const paymentMethodType = z.enum(["card", "konbini"]);

const lineItem = z.strictObject({
  price: optionalField(z.string()),
  price_data: z
    .strictObject({
      currency,
      unit_amount: formInteger(0, 99_999_999),
      product_data: z.strictObject({
        name: z.string().trim().min(1, { message: "The product name cannot be empty." }).max(250),
        description: optionalField(z.string().max(1000)),
        metadata: metadata.optional(),
      }),
      metadata: metadata.optional(),
    })
    .optional(),
  quantity: formInteger(1, 999_999),
});

/** The schema of a session-create request body. */
export const createSessionParamsSchema = z.strictObject({
  mode: optionalField(z.enum(["payment", "setup", "subscription"])),
  line_items: formList(lineItem, 100),
  success_url: optionalField(formUrl),
  cancel_url: optionalField(formUrl),
  client_reference_id: optionalField(z.string().max(200)),
  customer_email: optionalField(
    z
      .string()
      .max(512)
      .refine((value) => emailAddress.safeParse(value).success, {
        message: "Invalid email address.",
        params: { [STRIPE_CODE]: "email_invalid" },
      }),
  ),
  locale: optionalField(z.enum(["ja", "en", "auto"])),
  expires_at: optionalField(formInteger(0)),
  metadata: metadata.optional(),
  payment_intent_data: z
    .strictObject({
      metadata: metadata.optional(),
      description: optionalField(z.string().max(1000)),
    })
    .optional(),
  allowed_payment_method_types: formList(paymentMethodType, 2).optional(),
  payment_method_types: formList(paymentMethodType, 2).optional(),
  payment_method_options: z
    .strictObject({
      konbini: z.strictObject({ expires_after_days: optionalField(formInteger(1, 60)) }).optional(),
    })
    .optional(),
  ui_mode: optionalField(z.enum(["hosted_page"])),
  expand: expandParam.optional(),
});

/** A session-create request body after form decoding and validation. */
export type CreateSessionParams = z.output<typeof createSessionParamsSchema>;

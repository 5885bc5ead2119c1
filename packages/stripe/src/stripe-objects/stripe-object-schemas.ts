/**
 * @module
 * zod schemas for the few fields of Stripe objects linkpay reads. Everything else is left out of
 * the parsed object (the JSON as received is kept where it is stored), so new API fields never
 * break parsing and are never copied key by key on every webhook; a missing or mistyped field we
 * rely on does break it. Fields whose absence means "none" (an unexpanded or unset link) may be
 * missing.
 */
import * as z from "zod";

const minorUnits = z.number().int().nonnegative();

/** A Charge: what a `charge.refunded` event carries and `latest_charge` expands to. */
export const chargeSchema = z.object({
  id: z.string().min(1),
  object: z.literal("charge"),
  amount: minorUnits,
  amount_refunded: minorUnits,
  currency: z.string(),
  refunded: z.boolean(),
  payment_intent: z.union([z.string().min(1), z.looseObject({ id: z.string().min(1) })]).nullish(),
});

/** A Charge, as read by the adapter. */
export type StripeCharge = z.infer<typeof chargeSchema>;

/** One store chain's numbers on a konbini slip (null: the chain is not offered). */
const konbiniStoreSchema = z
  .looseObject({
    confirmation_number: z.string().nullish(),
    payment_code: z.string().nullish(),
  })
  .nullish();

/** The konbini slip of a PaymentIntent waiting for a store payment. */
export const konbiniDisplayDetailsSchema = z.looseObject({
  expires_at: z.number().int().positive(),
  hosted_voucher_url: z.string().nullish(),
  stores: z.record(z.string(), konbiniStoreSchema).nullish(),
});

/** A konbini slip, as read by the adapter. */
export type StripeKonbiniDisplayDetails = z.infer<typeof konbiniDisplayDetailsSchema>;

/** A PaymentIntent, with `latest_charge` possibly expanded. */
export const paymentIntentSchema = z.object({
  id: z.string().min(1),
  object: z.literal("payment_intent"),
  status: z.string().min(1),
  latest_charge: z.union([z.string().min(1), chargeSchema]).nullish(),
  next_action: z
    .looseObject({
      type: z.string(),
      konbini_display_details: konbiniDisplayDetailsSchema.nullish(),
    })
    .nullish(),
});

/** A PaymentIntent, as read by the adapter. */
export type StripePaymentIntent = z.infer<typeof paymentIntentSchema>;

/** A Checkout Session, with `payment_intent` possibly expanded. */
export const checkoutSessionSchema = z.object({
  id: z.string().min(1),
  object: z.literal("checkout.session"),
  mode: z.string().min(1).optional(),
  status: z.enum(["open", "complete", "expired"]),
  payment_status: z.enum(["paid", "unpaid", "no_payment_required"]),
  amount_total: minorUnits.nullable(),
  currency: z.string().nullable(),
  client_reference_id: z.string().nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
  expires_at: z.number().int().positive(),
  url: z.string().nullish(),
  payment_intent: z.union([z.string().min(1), paymentIntentSchema]).nullish(),
  customer_email: z.string().nullish(),
  customer_details: z.looseObject({ email: z.string().nullish() }).nullish(),
});

/** A Checkout Session, as read by the adapter. */
export type StripeCheckoutSession = z.infer<typeof checkoutSessionSchema>;

/** A JSON object (not an array, not null), checked without copying its keys. */
const jsonObject = z.custom<Record<string, unknown>>(
  (value) => typeof value === "object" && value !== null && !Array.isArray(value),
  "Invalid input: expected object",
);

/**
 * The envelope of a webhook event (a snapshot event of API v1): only the fields the mapping reads.
 * Unlike the object schemas it strips the rest instead of copying it (the event's JSON as received
 * is kept as `raw`), and `data.object` is only checked to be an object here: the mapping parses
 * it with the schema of its type. Copying every key of a session twice per delivery was the
 * larger part of the webhook's zod time.
 */
export const eventSchema = z.object({
  id: z.string().min(1),
  object: z.literal("event"),
  type: z.string().min(1),
  created: z.number().int().nonnegative(),
  data: z.object({ object: jsonObject }),
});

/** A webhook event's envelope, as read by the adapter. */
export type StripeEventEnvelope = z.infer<typeof eventSchema>;

/** The id of an expandable field that may be an id or an expanded object. */
export function idOf(value: string | { readonly id: string } | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === "string" ? value : value.id;
}

/** A Refund, as `refunds.create` returns it. */
export const refundSchema = z.looseObject({
  id: z.string().min(1),
  object: z.literal("refund"),
  status: z.string().nullable(),
});

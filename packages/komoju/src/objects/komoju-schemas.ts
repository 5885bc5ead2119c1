/**
 * @module
 * zod schemas of the KOMOJU objects the adapter reads: sessions, payments, events and error
 * bodies. Only the fields linkpay uses are checked; unknown fields are allowed (KOMOJU adds
 * fields without notice).
 */
import * as z from "zod";

const timestamp = z.iso.datetime({ offset: true });
const metadata = z.record(z.string(), z.unknown()).nullish();

/** A payment's `payment_details`; only konbini's fields are read. */
export const paymentDetailsSchema = z.looseObject({
  type: z.string(),
  store: z.string().nullish(),
  receipt: z.string().nullish(),
  confirmation_code: z.string().nullish(),
  instructions_url: z.string().nullish(),
});

/** A KOMOJU payment. */
export const paymentSchema = z.looseObject({
  id: z.string().min(1),
  resource: z.literal("payment"),
  session: z.string().nullish(),
  status: z.string(),
  amount: z.number().int().nonnegative(),
  currency: z.string(),
  amount_refunded: z.number().int().nonnegative().nullish(),
  payment_details: paymentDetailsSchema.nullish(),
  payment_deadline: timestamp.nullish(),
  metadata,
});

/** A KOMOJU session (payment mode), with its payment when it has one. */
export const sessionSchema = z.looseObject({
  id: z.string().min(1),
  resource: z.literal("session"),
  mode: z.string().nullish(),
  amount: z.number().int().nonnegative(),
  currency: z.string(),
  session_url: z.string().nullish(),
  email: z.string().nullish(),
  status: z.string(),
  expired: z.boolean().nullish(),
  /** Not in KOMOJU's published session object; read when present (the sandbox sends it). */
  expires_at: timestamp.nullish(),
  metadata,
  payment: paymentSchema.nullish(),
});

/** A webhook body: an event wrapping a payment (or `{}` for `ping`). */
export const eventSchema = z.looseObject({
  id: z.string().min(1),
  type: z.string().min(1),
  resource: z.literal("event"),
  data: z.record(z.string(), z.unknown()),
  created_at: timestamp,
});

/** KOMOJU's error body: `{ error: { code, message, param } }`. */
export const errorBodySchema = z.looseObject({
  error: z.looseObject({
    code: z.string().nullish(),
    message: z.string().nullish(),
    param: z.string().nullish(),
  }),
});

/** A KOMOJU payment as linkpay reads it. */
export type KomojuPayment = z.output<typeof paymentSchema>;
/** A KOMOJU session as linkpay reads it. */
export type KomojuSession = z.output<typeof sessionSchema>;
/** A KOMOJU webhook event as linkpay reads it. */
export type KomojuEvent = z.output<typeof eventSchema>;

/**
 * @module
 * What a merchant passes to `createKomojuProvider`, and the zod schema that checks its shape.
 */
import type { PaymentMethod } from "@linkpay/core";
import * as z from "zod";

/** KOMOJU's `payment_types` value for each payment method this adapter offers. */
export const KOMOJU_PAYMENT_TYPES = {
  card: "credit_card",
  konbini: "konbini",
  paypay: "paypay",
} as const satisfies Record<PaymentMethod, string>;

/** A payment method this adapter offers: cards, konbini (paid later at a store) or PayPay. */
export type KomojuPaymentMethod = keyof typeof KOMOJU_PAYMENT_TYPES;

const METHODS = Object.keys(KOMOJU_PAYMENT_TYPES) as [
  KomojuPaymentMethod,
  ...KomojuPaymentMethod[],
];

/** Options of `createKomojuProvider`. */
export interface KomojuProviderOptions {
  /** Secret API key: `sk_test_…` or `sk_live_…` (test keys only over plain http). */
  readonly secretKey: string;
  /** The webhook's secret token (set in KOMOJU's dashboard); list old and new while rotating. */
  readonly webhookSecrets: string | readonly string[];
  /** Where KOMOJU is: default `https://komoju.com` (the API is at `${apiBaseUrl}/api/v1`). */
  readonly apiBaseUrl?: string | undefined;
  /** Where hosted pages are (`${checkoutBaseUrl}/sessions/{id}`); default `apiBaseUrl`. */
  readonly checkoutBaseUrl?: string | undefined;
  /** Payment methods offered on the hosted page; default `["card"]`. */
  readonly paymentMethods?: readonly KomojuPaymentMethod[] | undefined;
  /**
   * How many days KOMOJU keeps a konbini slip payable: the "Expiry days" setting of your KOMOJU
   * dashboard (1–59, KOMOJU's default 3). KOMOJU's session API takes no per-session deadline, so
   * give the value set there: a checkout asking for a shorter `konbini.expiresAfterDays` is refused
   * by `checkRequest` (its slip would stay payable longer than asked). Default 3.
   */
  readonly konbiniExpiryDays?: number | undefined;
  /** The provider id used in webhook URLs and stored with attempts; default `komoju`. */
  readonly id?: string | undefined;
  /** Per-request timeout in milliseconds; default 30 000. */
  readonly timeoutMs?: number | undefined;
  /** How often a request that failed for now is retried (same idempotency key); default 2. */
  readonly maxNetworkRetries?: number | undefined;
}

const SECRET_HINT = "(is the environment variable set?)";

/** The shape of {@link KomojuProviderOptions}; values are checked further by `resolveOptions`. */
export const komojuProviderOptionsSchema = z.strictObject({
  secretKey: z.string({ error: `must be a string ${SECRET_HINT}` }),
  webhookSecrets: z.union([z.string(), z.array(z.string())], {
    error: `must be the webhook secret token or a list of them ${SECRET_HINT}`,
  }),
  apiBaseUrl: z.string().optional(),
  checkoutBaseUrl: z.string().optional(),
  paymentMethods: z
    .array(z.enum(METHODS))
    .min(1)
    .refine((methods) => new Set(methods).size === methods.length, "must not repeat a method")
    .optional(),
  konbiniExpiryDays: z
    .number()
    .int()
    .min(1, "must be 1–59 days (KOMOJU's dashboard setting)")
    .max(59, "must be 1–59 days (KOMOJU's dashboard setting)")
    .optional(),
  id: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,31}$/, "must be 1–32 lower-case letters, digits or '-'")
    .optional(),
  timeoutMs: z.number().int().positive().max(600_000).optional(),
  maxNetworkRetries: z.number().int().min(0).max(10).optional(),
});

/**
 * Options of `createKomojuCheckoutReader`: the provider's connection options, without webhook
 * secrets or payment methods.
 */
export type KomojuCheckoutReaderOptions = Pick<
  KomojuProviderOptions,
  "secretKey" | "apiBaseUrl" | "checkoutBaseUrl" | "id" | "timeoutMs" | "maxNetworkRetries"
>;

/** The shape of {@link KomojuCheckoutReaderOptions}: unknown options (a typo) are refused. */
export const komojuCheckoutReaderOptionsSchema = komojuProviderOptionsSchema.pick({
  secretKey: true,
  apiBaseUrl: true,
  checkoutBaseUrl: true,
  id: true,
  timeoutMs: true,
  maxNetworkRetries: true,
});

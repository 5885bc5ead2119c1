/**
 * @module
 * What a merchant passes to `createStripeProvider`, and the zod schema that checks its shape.
 */
import * as z from "zod";

/** Payment methods this adapter offers on the hosted page. */
export const STRIPE_PAYMENT_METHOD_TYPES = ["card", "konbini"] as const;

/** A payment method this adapter offers: cards, or konbini (paid later at a Japanese store). */
export type StripePaymentMethodType = (typeof STRIPE_PAYMENT_METHOD_TYPES)[number];

/** Options of `createStripeProvider`. */
export interface StripeProviderOptions {
  /** Secret or restricted API key: `sk_test_…`, `sk_live_…`, `rk_test_…` or `rk_live_…`. */
  readonly secretKey: string;
  /** The webhook endpoint's signing secret (`whsec_…`); list old and new while rotating. */
  readonly webhookSecrets: string | readonly string[];
  /** Another API origin, e.g. the sandbox at `http://127.0.0.1:4242` (http only with test keys). */
  readonly apiBaseUrl?: string | undefined;
  /** Origins of the hosted page shoppers may be sent to; default `["https://checkout.stripe.com"]`. */
  readonly checkoutOrigins?: readonly string[] | undefined;
  /** Payment methods offered on the hosted page; default `["card"]`. */
  readonly paymentMethodTypes?: readonly StripePaymentMethodType[] | undefined;
  /** Largest accepted age (and clock skew into the future) of a webhook, in seconds; default 300. */
  readonly webhookToleranceSeconds?: number | undefined;
  /** The provider id used in webhook URLs and stored with attempts; default `stripe`. */
  readonly id?: string | undefined;
  /** How often the SDK retries a failed request (same idempotency key); default 2. */
  readonly maxNetworkRetries?: number | undefined;
  /** Per-request timeout in milliseconds; default the SDK's (80 s). */
  readonly timeoutMs?: number | undefined;
  /** The clock used for webhook timestamps; default `() => new Date()`. */
  readonly now?: (() => Date) | undefined;
}

const SECRET_HINT = "(is the environment variable set?)";

/** The shape of {@link StripeProviderOptions}; values are checked further by `resolveOptions`. */
export const stripeProviderOptionsSchema = z.strictObject({
  secretKey: z.string({ error: `must be a string ${SECRET_HINT}` }),
  webhookSecrets: z.union([z.string(), z.array(z.string())], {
    error: `must be a signing secret (whsec_…) or a list of them ${SECRET_HINT}`,
  }),
  apiBaseUrl: z.string().optional(),
  checkoutOrigins: z.array(z.string()).min(1).optional(),
  paymentMethodTypes: z
    .array(z.enum(STRIPE_PAYMENT_METHOD_TYPES))
    .min(1)
    .refine((types) => new Set(types).size === types.length, "must not repeat a type")
    .optional(),
  webhookToleranceSeconds: z
    .number()
    .int()
    .min(1, "must be at least 1 second: 0 would switch replay protection off")
    .max(3600, "must be at most 3600 seconds")
    .optional(),
  id: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,31}$/, "must be 1–32 lower-case letters, digits or '-'")
    .optional(),
  maxNetworkRetries: z.number().int().min(0).max(10).optional(),
  timeoutMs: z.number().int().positive().optional(),
  now: z
    .custom<() => Date>(
      (value) => typeof value === "function",
      "must be a function returning a Date",
    )
    .optional(),
});

/**
 * @module
 * The validated description of what the shopper is about to pay for.
 *
 * Amounts here are computed by the merchant's server from its own catalogue. Success and cancel
 * URLs are deliberately absent: they come from the merchant's configuration, never from a request.
 */
import * as z from "zod";
import { assertNoCardData } from "../card-data";
import { LinkpayError } from "../errors";
import { isCurrencyCode, type Money, money, multiplyMoney, sumMoney } from "../money";

/**
 * Shortest and longest a hosted checkout may stay open, by linkpay's own rule: 5 minutes (less
 * leaves a shopper no time for 3-D Secure or a wallet app), 24 hours (a checkout link holds the
 * order; no PSP linkpay supports keeps one open longer); 30 minutes unless the request says.
 * A provider whose API takes a narrower window declares it as `PaymentProvider.checkoutLifetime`
 * (Stripe: 30 minutes to 24 hours), and `startCheckout` refuses a request outside it.
 */
export const CHECKOUT_EXPIRY_SECONDS = {
  min: 5 * 60,
  max: 24 * 60 * 60,
  default: 30 * 60,
} as const;

/**
 * Payment methods a checkout may offer, by provider-neutral name: cards; konbini (a slip the
 * shopper pays in cash at a Japanese convenience store, later); and PayPay (a QR/app wallet the
 * hosted page redirects to, paid at once). Each provider offers the ones its API has.
 */
export const PAYMENT_METHODS = ["card", "konbini", "paypay"] as const;

/** A payment method a checkout may offer. */
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/**
 * How many calendar days (Japan time) a konbini slip may stay payable: it expires at 23:59 JST on
 * the last day. linkpay's range is 1–60; a provider that allows fewer days refuses more in its
 * `checkRequest`.
 */
export const KONBINI_EXPIRY_DAYS = { min: 1, max: 60 } as const;

/** Limits on merchant metadata carried to the provider. */
export const METADATA_LIMITS = { keys: 20, keyLength: 40, valueLength: 500 } as const;

const minorUnits = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

const lineItemSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  unitAmount: minorUnits,
  quantity: z.number().int().min(1).max(9999),
});

/**
 * What an order reference may look like: 1–64 ASCII letters, digits, `.`, `_`, `:` or `-`, starting
 * with a letter or digit. It travels in URLs, provider metadata and logs, so nothing else is allowed.
 */
export const ORDER_REF_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

const konbiniSchema = z.strictObject({
  expiresAfterDays: z.number().int().min(KONBINI_EXPIRY_DAYS.min).max(KONBINI_EXPIRY_DAYS.max),
});

/** The schema of {@link CheckoutRequestInput}; exported for composition in merchant schemas. */
export const checkoutRequestSchema = z.strictObject({
  orderRef: z
    .string()
    .regex(
      ORDER_REF_PATTERN,
      "must be 1–64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit",
    ),
  lineItems: z.array(lineItemSchema).min(1).max(100),
  total: minorUnits.min(1),
  currency: z.string().refine(isCurrencyCode, "an upper-case ISO 4217 code such as JPY"),
  customerEmail: z.email().max(254).optional(),
  locale: z.enum(["ja", "en", "auto"]).default("auto"),
  expiresInSeconds: z
    .number()
    .int()
    .min(CHECKOUT_EXPIRY_SECONDS.min)
    .max(CHECKOUT_EXPIRY_SECONDS.max)
    .default(CHECKOUT_EXPIRY_SECONDS.default),
  metadata: z
    .record(
      z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, "keys: 1–40 letters, digits, '_', '.' or '-'"),
      z.string().max(METADATA_LIMITS.valueLength),
    )
    .refine(
      (m) => Object.keys(m).length <= METADATA_LIMITS.keys,
      `at most ${METADATA_LIMITS.keys} keys`,
    )
    .default({}),
  paymentMethods: z
    .array(z.enum(PAYMENT_METHODS))
    .min(1)
    .refine((methods) => new Set(methods).size === methods.length, "must not repeat a method")
    .optional(),
  konbini: konbiniSchema.optional(),
});

/** What a merchant passes to `startCheckout` (amounts in minor units, e.g. yen). */
export type CheckoutRequestInput = z.input<typeof checkoutRequestSchema>;

/** One priced line of a checkout. */
export interface CheckoutLineItem {
  readonly name: string;
  readonly unitAmount: Money;
  readonly quantity: number;
}

/** Options of a konbini payment. */
export interface KonbiniOptions {
  /** The slip expires at 23:59 Japan time this many calendar days after it is issued (1–60). */
  readonly expiresAfterDays: number;
}

/** A validated checkout request whose total equals the sum of its lines. */
export interface CheckoutRequest {
  readonly orderRef: string;
  readonly lineItems: readonly CheckoutLineItem[];
  readonly total: Money;
  readonly customerEmail?: string | undefined;
  readonly locale: "ja" | "en" | "auto";
  readonly expiresInSeconds: number;
  readonly metadata: Readonly<Record<string, string>>;
  /** The methods to offer; undefined: every method the provider is configured with. */
  readonly paymentMethods?: readonly PaymentMethod[] | undefined;
  /**
   * Konbini options; apply only when konbini is among the methods offered (refused with a
   * `paymentMethods` list without konbini, ignored when the provider's default has none).
   */
  readonly konbini?: KonbiniOptions | undefined;
}

function invalid(
  message: string,
  issues: readonly { path: string; message: string }[],
): LinkpayError {
  return new LinkpayError("INVALID_CHECKOUT_REQUEST", message, { details: { issues } });
}

/**
 * Validates a checkout request: shape, limits, total = Σ unit × quantity, and no card data.
 * Whether the provider offers the requested payment methods is checked by `startCheckout`.
 *
 * @example
 * parseCheckoutRequest({ orderRef: "RC-1", currency: "JPY", total: 8800,
 *   lineItems: [{ name: "Compact car, 2 days", unitAmount: 8800, quantity: 1 }] });
 */
export function parseCheckoutRequest(input: unknown): CheckoutRequest {
  assertNoCardData(input, "checkout request");
  const parsed = checkoutRequestSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    const listed = issues.map((issue) => `${issue.path || "request"}: ${issue.message}`).join("; ");
    throw invalid(`The checkout request is not valid: ${listed}`, issues);
  }
  const data = parsed.data;
  if (data.konbini !== undefined && data.paymentMethods?.includes("konbini") === false) {
    throw invalid(
      "The checkout request is not valid: konbini: options given, but 'konbini' is not among paymentMethods",
      [{ path: "konbini", message: "konbini is not among paymentMethods" }],
    );
  }
  const currency = data.currency;
  const lineItems = data.lineItems.map((item) => ({
    name: item.name,
    unitAmount: money(item.unitAmount, currency),
    quantity: item.quantity,
  }));
  const sum = sumMoney(
    lineItems.map((item) => multiplyMoney(item.unitAmount, item.quantity)),
    currency,
  );
  if (sum.amount !== data.total) {
    throw invalid(
      `The checkout request is not valid: total: must equal the sum of unitAmount × quantity ` +
        `over lineItems (${sum.amount}), got ${data.total}`,
      [{ path: "total", message: `expected ${sum.amount}, got ${data.total}` }],
    );
  }
  return {
    orderRef: data.orderRef,
    lineItems,
    total: money(data.total, currency),
    customerEmail: data.customerEmail,
    locale: data.locale,
    expiresInSeconds: data.expiresInSeconds,
    metadata: data.metadata,
    paymentMethods: data.paymentMethods,
    konbini: data.konbini,
  };
}

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

/** Shortest and longest a hosted checkout may stay open (Stripe's limits: 30 min – 24 h). */
export const CHECKOUT_EXPIRY_SECONDS = {
  min: 30 * 60,
  max: 24 * 60 * 60,
  default: 30 * 60,
} as const;

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
});

/** What a merchant passes to `startCheckout` (amounts in minor units, e.g. yen). */
export type CheckoutRequestInput = z.input<typeof checkoutRequestSchema>;

/** One priced line of a checkout. */
export interface CheckoutLineItem {
  readonly name: string;
  readonly unitAmount: Money;
  readonly quantity: number;
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
}

function invalid(
  message: string,
  issues: readonly { path: string; message: string }[],
): LinkpayError {
  return new LinkpayError("INVALID_CHECKOUT_REQUEST", message, { details: { issues } });
}

/**
 * Validates a checkout request: shape, limits, total = Σ unit × quantity, and no card data.
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
  };
}

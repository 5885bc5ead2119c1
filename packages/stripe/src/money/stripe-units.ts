/**
 * @module
 * Core `Money` ↔ the integer `amount` Stripe's API takes and returns. Core counts in ISO 4217
 * minor units; Stripe has its own rules (https://docs.stripe.com/currencies, "Zero-decimal",
 * "Three-decimal" and "Special cases"), and where they differ a pass-through is off by 100×:
 *
 * - Zero-decimal at Stripe: BIF CLP DJF GNF JPY KMF KRW MGA PYG RWF VND VUV XAF XOF XPF. MGA is
 *   two-decimal in ISO 4217, so an MGA amount must be whole ariary and is divided by 100.
 * - ISK and UGX: zero-decimal in ISO 4217 (and UGX is on Stripe's zero-decimal list), but
 *   "backwards compatibility requires you to represent it as a two-decimal value, where the
 *   decimal amount is always 00": 5 ISK is `500`. Core's 5 becomes 500, and back.
 * - HUF and TWD are zero-decimal at Stripe for payouts only; charges take two decimals, as ISO.
 * - Three-decimal (BHD JOD KWD OMR TND): the last digit must be 0 ("round amounts to the
 *   nearest ten"); linkpay never rounds money, so such an amount is refused instead.
 * - IQD and LYD are three-decimal in ISO 4217 but not on Stripe's three-decimal list: their unit at
 *   Stripe is undocumented, so they are refused rather than guessed.
 *
 * Everything else passes through (two decimals on both sides). A currency Stripe does not offer
 * at all is refused by Stripe itself (PROVIDER_REJECTED).
 */
import {
  type CheckoutRequest,
  currencyExponent,
  isCurrencyCode,
  LinkpayError,
  type Money,
  money,
} from "@linkpay/core";

/** Currencies whose Stripe amount is in major units. */
export const STRIPE_ZERO_DECIMAL_CURRENCIES: readonly string[] = [
  "BIF",
  "CLP",
  "DJF",
  "GNF",
  "JPY",
  "KMF",
  "KRW",
  "MGA",
  "PYG",
  "RWF",
  "VND",
  "VUV",
  "XAF",
  "XOF",
  "XPF",
];

/** Currencies Stripe takes in thousandths, whose amounts must end in 0. */
export const STRIPE_THREE_DECIMAL_CURRENCIES: readonly string[] = [
  "BHD",
  "JOD",
  "KWD",
  "OMR",
  "TND",
];

/** Currencies linkpay will not send to Stripe: their unit there is not documented. */
const UNMAPPED: ReadonlySet<string> = new Set(["IQD", "LYD"]);

const zeroDecimal: ReadonlySet<string> = new Set(STRIPE_ZERO_DECIMAL_CURRENCIES);
const threeDecimal: ReadonlySet<string> = new Set(STRIPE_THREE_DECIMAL_CURRENCIES);

/** How many decimals Stripe's `amount` has for `currency` (ISO code, upper case). */
export function stripeExponent(currency: string): 0 | 2 | 3 {
  if (zeroDecimal.has(currency)) return 0;
  if (threeDecimal.has(currency)) return 3;
  return 2;
}

function notSupported(currency: string, where: string): LinkpayError {
  return new LinkpayError(
    "CURRENCY_NOT_SUPPORTED",
    `${where}: ${currency} cannot be charged through Stripe by linkpay: Stripe does not document ` +
      `${currency} as a three-decimal currency, so its unit there is unknown; price in another currency`,
    { details: { currency, field: where } },
  );
}

/**
 * The Stripe `amount` for `value`; `where` names the field for the message (`lineItems[0].unitAmount`).
 * Throws INVALID_AMOUNT for an amount Stripe cannot take (a fraction of a whole-unit currency, a
 * three-decimal amount not ending in 0) and CURRENCY_NOT_SUPPORTED for IQD and LYD.
 */
export function toStripeAmount(value: Money, where: string): number {
  const { currency, amount } = value;
  if (UNMAPPED.has(currency)) throw notSupported(currency, where);
  const shift = stripeExponent(currency) - currencyExponent(currency);
  if (shift >= 0) {
    if (stripeExponent(currency) === 3 && amount % 10 !== 0) {
      throw new LinkpayError(
        "INVALID_AMOUNT",
        `${where}: ${currency} ${amount} (minor units) cannot be charged: Stripe needs ` +
          `three-decimal amounts to end in 0; price in tens of the minor unit (e.g. ${amount - (amount % 10)})`,
        { details: { currency, amount, field: where, rule: "three_decimal_last_digit_zero" } },
      );
    }
    return amount * 10 ** shift;
  }
  const divisor = 10 ** -shift;
  if (amount % divisor !== 0) {
    throw new LinkpayError(
      "INVALID_AMOUNT",
      `${where}: ${currency} ${amount} (minor units) cannot be charged: Stripe takes ${currency} in ` +
        `whole units only; price in multiples of ${divisor}`,
      { details: { currency, amount, field: where, rule: "whole_units_only" } },
    );
  }
  return amount / divisor;
}

/** Where an amount read from Stripe came from: the API, or a (verified) webhook. */
export type StripeAmountSource = "api" | "webhook";

/**
 * Core Money for an `amount` and `currency` (lower case) Stripe returned. Throws
 * WEBHOOK_PAYLOAD_INVALID (webhook) or PROVIDER_REJECTED (API) when either is missing, the
 * currency is unknown, or the amount is a fraction core's unit cannot hold.
 */
export function fromStripeAmount(
  value: { readonly amount: number | null; readonly currency: string | null },
  source: StripeAmountSource,
  what: string,
): Money {
  const code = source === "webhook" ? "WEBHOOK_PAYLOAD_INVALID" : "PROVIDER_REJECTED";
  const currency = value.currency?.toUpperCase() ?? null;
  if (value.amount === null || currency === null) {
    throw new LinkpayError(code, `The Stripe ${what} has no amount or currency`, {
      details: { object: what },
    });
  }
  if (!isCurrencyCode(currency) || UNMAPPED.has(currency) || !Number.isSafeInteger(value.amount)) {
    throw new LinkpayError(
      code,
      `The Stripe ${what} has an amount or currency linkpay cannot use`,
      {
        details: { object: what, currency: currency.slice(0, 8) },
      },
    );
  }
  const shift = currencyExponent(currency) - stripeExponent(currency);
  if (shift >= 0) return money(value.amount * 10 ** shift, currency);
  const divisor = 10 ** -shift;
  if (value.amount % divisor !== 0) {
    throw new LinkpayError(
      code,
      `The Stripe ${what} is for a fraction of a ${currency} unit, which linkpay never charges`,
      { details: { object: what, currency, amount: value.amount } },
    );
  }
  return money(value.amount / divisor, currency);
}

/**
 * Refuses, before anything is stored or sent, a checkout Stripe cannot charge as priced: every
 * line's unit amount (Stripe charges the sum of the lines) and the total must convert.
 */
export function assertStripeCanCharge(request: CheckoutRequest): void {
  request.lineItems.forEach((item, index) => {
    toStripeAmount(item.unitAmount, `lineItems[${index}].unitAmount`);
  });
  toStripeAmount(request.total, "total");
}

/**
 * @module
 * Amounts as Stripe counts them (https://docs.stripe.com/currencies), which is not always ISO
 * 4217: MGA is zero-decimal at Stripe; ISK and UGX, zero-decimal in ISO, take "a two-decimal
 * value, where the decimal amount is always 00"; three-decimal amounts must end in 0. The sandbox
 * enforces what Stripe enforces, and shows amounts the way a shopper reads them.
 */
import { currencyExponent, type Money, money, toCurrencyCode } from "@linkpay/core";
import { invalidRequest } from "../api/sandbox-api-error";

const ZERO_DECIMAL: ReadonlySet<string> = new Set(
  "bif clp djf gnf jpy kmf krw mga pyg rwf vnd vuv xaf xof xpf".split(" "),
);
const WHOLE_UNITS_TWO_DECIMAL: ReadonlySet<string> = new Set(["isk", "ugx"]);
const THREE_DECIMAL: ReadonlySet<string> = new Set("bhd jod kwd omr tnd".split(" "));

function stripeExponent(currency: string): number {
  if (ZERO_DECIMAL.has(currency)) return 0;
  return THREE_DECIMAL.has(currency) ? 3 : 2;
}

/** Refuses an amount Stripe refuses for `currency` (lower case); `param` names the field. */
export function assertStripeAmount(amount: number, currency: string, param: string): void {
  if (WHOLE_UNITS_TWO_DECIMAL.has(currency) && amount % 100 !== 0) {
    throw invalidRequest(
      `Invalid amount. Currency ${currency.toUpperCase()} has become effectively zero-decimal and charged amounts must be evenly divisible by 100.`,
      { param, code: "invalid_charge_amount_no_decimal_compatible" },
    );
  }
  if (THREE_DECIMAL.has(currency) && amount % 10 !== 0) {
    throw invalidRequest(
      `Invalid amount. Amounts in ${currency.toUpperCase()} must end in 0 (round to the nearest ten).`,
      { param, code: "amount_invalid" },
    );
  }
}

/** A Stripe `amount` in `currency` (lower case) as core Money, for display. */
export function moneyFromStripe(amount: number, currency: string): Money {
  const code = toCurrencyCode(currency.toUpperCase());
  const shift = currencyExponent(code) - stripeExponent(currency);
  return money(shift >= 0 ? amount * 10 ** shift : Math.round(amount / 10 ** -shift), code);
}

/**
 * @module
 * Reads the amount a page shows (the total the shopper is about to pay), so the patrol can
 * compare it with the amount of the payment session the shopper is sent to.
 */
import { moneyFromMajor } from "@linkpay/core";

/**
 * The amount in `text` as the page shows it ("¥12,100", "12,100円", "$1,234.50"), in minor units.
 * Grouping separators and symbols are dropped; a decimal point is kept.
 */
export function amountShown(text: string, currency: string): number {
  const digits = text.replace(/[^\d.]/g, "").replace(/\.$/, "");
  if (digits === "") throw new Error(`no amount in ${JSON.stringify(text.trim().slice(0, 60))}`);
  return moneyFromMajor(digits, currency).amount;
}

/**
 * @module
 * Reads a card expiry as shoppers type it: `12/30`, `12 / 30`, `12-30`, `12/2030`, or digits only
 * (`1230`, `122030`, `130`), since phones' numeric keypads have no slash; full-width digits and
 * slashes (`１２／３０`, what a Japanese IME types) are read as their ASCII forms.
 */
import type { PaymentProblem } from "../hosted-page/texts";

/** A readable expiry, or why it is not. */
export type ExpiryResult =
  | { readonly ok: true; readonly month: number; readonly year: number }
  | {
      readonly ok: false;
      readonly problem: Extract<PaymentProblem, "invalid_expiry" | "expired_card">;
    };

/** How many years ahead an expiry may be; cards are issued for five, so more is a typing slip. */
const MAX_YEARS_AHEAD = 20;

const SEPARATED = /^(\d{1,2})[/.-](\d{2}|\d{4})$/;
const DIGITS_ONLY = /^(\d{1,2}?)(\d{2}|\d{4})$/;

function monthAndYear(text: string): [string, string] | undefined {
  const compact = text.normalize("NFKC").replace(/\s+/g, "");
  const match =
    SEPARATED.exec(compact) ??
    (/^\d{3,4}$|^\d{6}$/.test(compact) ? DIGITS_ONLY.exec(compact) : null);
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  return [match[1], match[2]];
}

/** Reads `text` as a card's expiry month, refusing impossible dates and months before `now`'s (UTC). */
export function parseExpiry(text: string, now: Date): ExpiryResult {
  const parts = monthAndYear(text);
  if (parts === undefined) return { ok: false, problem: "invalid_expiry" };
  const month = Number(parts[0]);
  const year = parts[1].length === 2 ? 2000 + Number(parts[1]) : Number(parts[1]);
  if (month < 1 || month > 12 || year > now.getUTCFullYear() + MAX_YEARS_AHEAD)
    return { ok: false, problem: "invalid_expiry" };
  if (year * 12 + month - 1 < now.getUTCFullYear() * 12 + now.getUTCMonth())
    return { ok: false, problem: "expired_card" };
  return { ok: true, month, year };
}

/**
 * @module
 * Reads the hosted page's card form. The card number is checked (length, Luhn, test outcome) and
 * reduced to its brand and last four digits here; it goes no further and is never kept. Full-width
 * digits (a Japanese IME's) read as ASCII ones.
 */
import { type CardBrand, cardBrandOf, passesLuhn } from "@linkpay/core/provider-kit";
import * as z from "zod";
import type { PaymentProblem } from "../hosted-page/texts";
import type { CardDetails } from "../state/records";
import { parseExpiry } from "./card-expiry";
import { type CardOutcome, outcomeOf } from "./test-cards";

/** A readable card form, or why it is not. */
export type CardFormResult =
  | { readonly ok: true; readonly card: CardDetails; readonly outcome: CardOutcome }
  | { readonly ok: false; readonly problem: PaymentProblem };

const formSchema = z.object({
  number: z.string().max(64),
  exp: z.string().max(16),
  cvc: z.string().max(8),
  name: z.string().max(200).optional(),
});

/** Stripe's `card.brand` values for core's brands (Stripe has no maestro or mir brand). */
const STRIPE_BRANDS: Readonly<Record<CardBrand, string>> = {
  visa: "visa",
  mastercard: "mastercard",
  amex: "amex",
  jcb: "jcb",
  diners: "diners",
  discover: "discover",
  unionpay: "unionpay",
  maestro: "unknown",
  mir: "unknown",
};

/** Validates a posted card form against the clock's `now`. */
export function readCardForm(body: unknown, now: Date): CardFormResult {
  const form = formSchema.safeParse(body);
  if (!form.success) return { ok: false, problem: "invalid_number" };
  const digits = form.data.number.normalize("NFKC").replace(/[\s-]/g, "");
  if (!/^\d{13,19}$/.test(digits) || !passesLuhn(digits))
    return { ok: false, problem: "invalid_number" };
  const expiry = parseExpiry(form.data.exp, now);
  if (!expiry.ok) return expiry;
  if (!/^\d{3,4}$/.test(form.data.cvc.normalize("NFKC").trim()))
    return { ok: false, problem: "invalid_cvc" };
  const brand = cardBrandOf(digits);
  return {
    ok: true,
    card: {
      brand: brand === undefined ? "unknown" : STRIPE_BRANDS[brand],
      last4: digits.slice(-4),
      expMonth: expiry.month,
      expYear: expiry.year,
    },
    outcome: outcomeOf(digits),
  };
}

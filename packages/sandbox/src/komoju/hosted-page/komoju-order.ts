/**
 * @module
 * What the shared page blocks need from a KOMOJU session: its lines and total in the shape of the
 * order summary (one line for the whole amount when the session has no line items), the page
 * language (`?lang` first, then `default_locale`), and where the shopper goes back to.
 */
import type { Request } from "express";
import type { OrderLines } from "../../hosted-page/order-summary";
import type { Language } from "../../hosted-page/texts";
import type { KomojuSessionRecord } from "../state/komoju-records";

/** The session as an order summary shows it. */
export function orderOf(session: KomojuSessionRecord, texts: { title: string }): OrderLines {
  const currency = session.currency.toLowerCase();
  const lineItems =
    session.lineItems.length === 0
      ? [
          {
            name: texts.title,
            unitAmount: session.amount,
            quantity: 1,
            amountTotal: session.amount,
          },
        ]
      : session.lineItems.map((item) => ({
          name: item.description,
          unitAmount: item.amount,
          quantity: item.quantity,
          amountTotal: item.amount * item.quantity,
        }));
  return { lineItems, currency, amountTotal: session.amount };
}

/** `?lang=ja|en` when given, else the session's `default_locale`. */
export function komojuLanguage(session: KomojuSessionRecord | undefined, req: Request): Language {
  const lang = req.query.lang;
  if (lang === "ja" || lang === "en") return lang;
  return session?.defaultLocale ?? "ja";
}

/** `?lang=…` to carry an explicit language from page to form to page, or "". */
export function langSuffix(req: Request): string {
  const lang = req.query.lang;
  return lang === "ja" || lang === "en" ? `?lang=${lang}` : "";
}

/** `return_url` with `session_id` added, as KOMOJU sends the shopper back (paid or not). */
export function returnTarget(session: KomojuSessionRecord): string {
  const url = new URL(session.returnUrl);
  url.searchParams.set("session_id", session.id);
  return url.toString();
}

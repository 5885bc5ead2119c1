/**
 * @module
 * Display formats: yen without decimals, and times in Japan whatever the server's zone.
 */
import { formatMoney, money } from "@linkpay/core";

/** The page languages. */
export type Lang = "ja" | "en";

/** `￥12,400` (ja) or `¥12,400` (en). */
export function formatYen(amount: number, lang: Lang): string {
  return formatMoney(money(amount, "JPY"), lang === "ja" ? "ja-JP" : "en-US");
}

// Building an Intl formatter costs far more than using one (it was 13% of the app's CPU per
// webhook in the ingest benchmark, through the confirmation e-mail): build each once.
const DATE_TIME_FORMATS: Readonly<Record<Lang, Intl.DateTimeFormat>> = {
  ja: tokyoFormat("ja-JP"),
  en: tokyoFormat("en-US"),
};

function tokyoFormat(locale: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, {
    timeZone: "Asia/Tokyo",
    dateStyle: "medium",
    timeStyle: "short",
    hourCycle: "h23",
  });
}

/** `2026/12/01 10:00` (ja) or `Dec 1, 2026, 10:00` (en), in Asia/Tokyo. */
export function formatTokyoDateTime(iso: string, lang: Lang): string {
  return DATE_TIME_FORMATS[lang].format(new Date(iso));
}

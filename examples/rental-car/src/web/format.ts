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

/** `2026/12/01 10:00` (ja) or `Dec 1, 2026, 10:00` (en), in Asia/Tokyo. */
export function formatTokyoDateTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === "ja" ? "ja-JP" : "en-US", {
    timeZone: "Asia/Tokyo",
    dateStyle: "medium",
    timeStyle: "short",
    hourCycle: "h23",
  }).format(new Date(iso));
}

/**
 * @module
 * The konbini slip on the shop's own pages: the deadline (「…までにコンビニでお支払いください」),
 * each store chain with the numbers to give at the till, and the provider's slip page. Shown while
 * the booking awaits the store payment, from the slip stored by the `onPending` hook, so a shopper
 * who left the provider's page still has everything needed to pay. The texts live here, beside the
 * only markup that uses them (the slip e-mail reuses the deadline wording).
 */
import type { KonbiniStore } from "@linkpay/core";
import type { KonbiniSlip } from "../../bookings/konbini-slips";
import type { BookingStatus } from "../../db/app-tables";
import type { Lang } from "../format";

/** The chains by the ids Stripe and KOMOJU give them (KOMOJU's `payment_details.store`). */
const CHAIN_NAMES: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  "daily-yamazaki": { ja: "デイリーヤマザキ", en: "Daily Yamazaki" },
  "family-mart": { ja: "ファミリーマート", en: "FamilyMart" },
  familymart: { ja: "ファミリーマート", en: "FamilyMart" },
  lawson: { ja: "ローソン", en: "Lawson" },
  ministop: { ja: "ミニストップ", en: "Ministop" },
  seicomart: { ja: "セイコーマート", en: "Seicomart" },
  "seven-eleven": { ja: "セブン-イレブン", en: "7-Eleven" },
};

/** The slip's wording in both languages. */
export const KONBINI_TEXTS = {
  ja: {
    heading: "コンビニでのお支払い",
    payBy: (deadline: string) => `${deadline}までにコンビニでお支払いください`,
    paymentCode: "お客様番号",
    slipNumber: "払込票番号",
    confirmationNumber: "確認番号",
    instructions: "払込票とお支払い方法を見る",
    afterPayment:
      "お支払いを確認しだいご予約を確定し、メールでお知らせします。期限までにお支払いがない場合、ご予約は取り消されます。",
  },
  en: {
    heading: "Pay at a convenience store",
    payBy: (deadline: string) => `Please pay at a convenience store by ${deadline}`,
    paymentCode: "Customer number",
    slipNumber: "Payment slip number",
    confirmationNumber: "Confirmation number",
    instructions: "Open the payment slip and how to pay",
    afterPayment:
      "Once your payment is received, we confirm the booking and e-mail you. If it is not paid by the deadline, the booking is cancelled.",
  },
} as const;

const DEADLINE_PARTS = new Intl.DateTimeFormat("en-US", {
  timeZone: "Asia/Tokyo",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

const EN_DATE = new Intl.DateTimeFormat("en-US", {
  timeZone: "Asia/Tokyo",
  year: "numeric",
  month: "long",
  day: "numeric",
});

/** `2026年12月8日 23:59` (ja) or `23:59 on December 8, 2026 (Japan time)` (en). */
export function formatSlipDeadline(expiresAt: Date, lang: Lang): string {
  const parts = Object.fromEntries(
    DEADLINE_PARTS.formatToParts(expiresAt).map((part) => [part.type, part.value]),
  );
  const time = `${parts.hour}:${parts.minute}`;
  if (lang === "ja") return `${parts.year}年${parts.month}月${parts.day}日 ${time}`;
  return `${time} on ${EN_DATE.format(expiresAt)} (Japan time)`;
}

/** Only a web page is linked: the URL comes from the provider, never a `javascript:` one. */
function isWebUrl(url: string | undefined): url is string {
  return url !== undefined && URL.canParse(url) && /^https?:$/.test(new URL(url).protocol);
}

/** A store chain's name, or its id when the provider names one we do not know. */
export function chainName(chain: string, lang: Lang): string {
  return CHAIN_NAMES[chain]?.[lang] ?? chain;
}

/** One chain and its numbers, a line each: a narrow screen never breaks inside a number. */
function StoreItem(props: { store: KonbiniStore; lang: Lang }) {
  const { store, lang } = props;
  const texts = KONBINI_TEXTS[lang];
  return (
    <li data-chain={store.chain}>
      <strong class="chain">{chainName(store.chain, lang)}</strong>
      {store.paymentCode !== undefined && (
        <>
          <br />
          {store.chain === "seven-eleven" ? texts.slipNumber : texts.paymentCode}{" "}
          <span class="slip-number payment-code">{store.paymentCode}</span>
        </>
      )}
      {store.confirmationNumber !== undefined && (
        <>
          <br />
          {texts.confirmationNumber}{" "}
          <span class="slip-number confirmation-number">{store.confirmationNumber}</span>
        </>
      )}
    </li>
  );
}

/** The slip, while the booking awaits its konbini payment; nothing otherwise. */
export function KonbiniSlipSection(props: {
  lang: Lang;
  status: BookingStatus;
  slip: KonbiniSlip | undefined;
}) {
  const { lang, slip } = props;
  if (slip === undefined || props.status !== "awaiting_payment") return null;
  const texts = KONBINI_TEXTS[lang];
  return (
    <section class="konbini-slip">
      <h2>{texts.heading}</h2>
      <p class="slip-deadline">{texts.payBy(formatSlipDeadline(slip.expiresAt, lang))}</p>
      {slip.stores.length > 0 && (
        <ul class="slip-stores">
          {slip.stores.map((store) => (
            <StoreItem key={store.chain} store={store} lang={lang} />
          ))}
        </ul>
      )}
      {isWebUrl(slip.instructionsUrl) && (
        <p>
          <a class="button secondary" href={slip.instructionsUrl} rel="noreferrer">
            {texts.instructions}
          </a>
        </p>
      )}
      <p class="hint">{texts.afterPayment}</p>
    </section>
  );
}

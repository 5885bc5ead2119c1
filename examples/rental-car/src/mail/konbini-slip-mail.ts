/**
 * @module
 * The "please pay at a konbini by …" e-mail, in the booking's language: the deadline, each store
 * chain's numbers, the provider's slip page and the booking link. Plain text, like the
 * confirmation; queued by the `onPending` hook in the transaction that records the slip.
 */
import type { Booking } from "../bookings/bookings";
import type { KonbiniSlip } from "../bookings/konbini-slips";
import { findCarClass, findLocation } from "../catalogue/catalogue";
import { formatTokyoDateTime, formatYen } from "../web/format";
import { chainName, formatSlipDeadline, KONBINI_TEXTS } from "../web/views/konbini-slip";
import type { MailMessage } from "./confirmation-mail";

function storeLines(slip: KonbiniSlip, lang: "ja" | "en"): string[] {
  const texts = KONBINI_TEXTS[lang];
  return slip.stores.map((store) => {
    const numbers = [
      store.paymentCode === undefined
        ? ""
        : `${store.chain === "seven-eleven" ? texts.slipNumber : texts.paymentCode}: ${store.paymentCode}`,
      store.confirmationNumber === undefined
        ? ""
        : `${texts.confirmationNumber}: ${store.confirmationNumber}`,
    ].filter((part) => part !== "");
    return `- ${chainName(store.chain, lang)}: ${numbers.join(lang === "ja" ? "、" : ", ")}`;
  });
}

/** The slip e-mail for `booking`; `link` opens the booking page, where the slip is shown too. */
export function konbiniSlipMail(booking: Booking, slip: KonbiniSlip, link: string): MailMessage {
  const lang = booking.locale;
  const ja = lang === "ja";
  const texts = KONBINI_TEXTS[lang];
  const deadline = formatSlipDeadline(slip.expiresAt, lang);
  const pickUp = findLocation(booking.pick_up_location)?.name[lang] ?? "";
  const carClass = findCarClass(booking.car_class)?.name[lang] ?? "";
  const slipPage = slip.instructionsUrl === undefined ? [] : ["", slip.instructionsUrl];
  const lines = ja
    ? [
        `${booking.customer_name} 様`,
        "",
        "ご予約ありがとうございます。コンビニ払いの払込票を発行しました。",
        `${texts.payBy(deadline)}。`,
        "",
        `予約番号: ${booking.reference}`,
        `車両クラス: ${carClass}`,
        `貸出: ${pickUp} ${formatTokyoDateTime(booking.pick_up_at, "ja")}`,
        `お支払い金額: ${formatYen(booking.total, "ja")}`,
        "",
        "お支払いに必要な番号:",
        ...storeLines(slip, "ja"),
        ...slipPage,
        "",
        texts.afterPayment,
        "",
        `ご予約の確認: ${link}`,
      ]
    : [
        `Dear ${booking.customer_name},`,
        "",
        "Thank you for your booking. Your convenience store payment slip has been issued.",
        `${texts.payBy(deadline)}.`,
        "",
        `Booking reference: ${booking.reference}`,
        `Car class: ${carClass}`,
        `Pick-up: ${pickUp}, ${formatTokyoDateTime(booking.pick_up_at, "en")}`,
        `Amount due: ${formatYen(booking.total, "en")}`,
        "",
        "The numbers to give at the store:",
        ...storeLines(slip, "en"),
        ...slipPage,
        "",
        texts.afterPayment,
        "",
        `Your booking: ${link}`,
      ];
  return {
    subject: ja
      ? `【お支払いのお願い】${booking.reference} ${deadline}までにコンビニでお支払いください`
      : `Payment due by ${deadline}: ${booking.reference}`,
    body: lines.join("\n"),
  };
}

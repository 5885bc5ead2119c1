/**
 * @module
 * The booking confirmation e-mail, in the booking's language. Plain text: nothing in it is
 * interpreted by a mail client, and the link carries the booking's access token.
 */

import type { Booking } from "../bookings/bookings";
import { findCarClass, findLocation } from "../catalogue/catalogue";
import { formatTokyoDateTime, formatYen } from "../web/format";

/** A rendered message. */
export interface MailMessage {
  readonly subject: string;
  readonly body: string;
}

/** The confirmation for a paid booking; `link` opens the booking page. */
export function confirmationMail(booking: Booking, link: string): MailMessage {
  const ja = booking.locale === "ja";
  const pickUp = findLocation(booking.pick_up_location)?.name[booking.locale] ?? "";
  const dropOff = findLocation(booking.return_location)?.name[booking.locale] ?? "";
  const carClass = findCarClass(booking.car_class)?.name[booking.locale] ?? "";
  const lines = ja
    ? [
        `${booking.customer_name} 様`,
        "",
        "ご予約ありがとうございます。お支払いを確認し、ご予約が確定しました。",
        "",
        `予約番号: ${booking.reference}`,
        `車両クラス: ${carClass}`,
        `貸出: ${pickUp} ${formatTokyoDateTime(booking.pick_up_at, "ja")}`,
        `返却: ${dropOff} ${formatTokyoDateTime(booking.return_at, "ja")}`,
        `お支払い金額: ${formatYen(booking.total, "ja")}`,
        "",
        `ご予約の確認: ${link}`,
      ]
    : [
        `Dear ${booking.customer_name},`,
        "",
        "Thank you. We have received your payment and your booking is confirmed.",
        "",
        `Booking reference: ${booking.reference}`,
        `Car class: ${carClass}`,
        `Pick-up: ${pickUp}, ${formatTokyoDateTime(booking.pick_up_at, "en")}`,
        `Return: ${dropOff}, ${formatTokyoDateTime(booking.return_at, "en")}`,
        `Paid: ${formatYen(booking.total, "en")}`,
        "",
        `Your booking: ${link}`,
      ];
  return {
    subject: ja
      ? `【予約確定】${booking.reference} レンタカーのご予約`
      : `Booking confirmed: ${booking.reference}`,
    body: lines.join("\n"),
  };
}

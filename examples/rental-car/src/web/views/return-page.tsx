/**
 * @module
 * Where the payment provider sends the shopper back. It shows what the database says: "confirming"
 * (and reloads itself) until the signed webhook has confirmed the booking, never "paid" on the
 * strength of the redirect alone.
 */
import type { ReturnStatus } from "@linkpay/express";
import type { Booking } from "../../bookings/bookings";
import { TEXTS } from "../i18n";
import { BookingSummary } from "./booking-page";
import { Layout, type PageContext } from "./layout";

/** The return page. */
export function ReturnPage(props: {
  context: PageContext;
  booking: Booking;
  status: ReturnStatus;
  /** The stored payment is a konbini slip waiting to be paid (no point in reloading). */
  konbini: boolean;
  bookingHref: string;
}) {
  const { lang } = props.context;
  const texts = TEXTS[lang];
  const confirmed = props.booking.status === "confirmed";
  const waiting =
    !confirmed &&
    props.booking.status === "awaiting_payment" &&
    (props.status === "pending" || props.status === "processing" || props.status === "paid");
  const konbini = waiting && props.konbini;
  const title = confirmed
    ? texts.confirmedTitle
    : waiting
      ? texts.confirmingTitle
      : texts.notConfirmedTitle;
  return (
    <Layout
      context={props.context}
      title={title}
      refreshSeconds={waiting && !konbini ? 2 : undefined}
    >
      {confirmed && <p class="confirmed">{texts.confirmedText}</p>}
      {waiting && <p class="confirming">{konbini ? texts.konbiniText : texts.confirmingText}</p>}
      <BookingSummary context={props.context} booking={props.booking} />
      <p>
        <a href={props.bookingHref}>{texts.bookingTitle}</a>
      </p>
    </Layout>
  );
}

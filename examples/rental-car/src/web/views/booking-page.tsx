/**
 * @module
 * A booking as its owner sees it (opened with the link's token): what was booked, where the
 * booking and its payment stand, and a way to pay (again) while it awaits payment.
 */
import type { PaymentStatus } from "@linkpay/core";
import type { Booking } from "../../bookings/bookings";
import { findCarClass, findLocation } from "../../catalogue/catalogue";
import { formatTokyoDateTime, formatYen } from "../format";
import { TEXTS } from "../i18n";
import { Layout, type PageContext } from "./layout";

/** The booking's facts, shared by the booking and return pages. */
export function BookingSummary(props: { context: PageContext; booking: Booking }) {
  const { lang } = props.context;
  const texts = TEXTS[lang];
  const { booking } = props;
  return (
    <dl class="booking">
      <dt>{texts.reference}</dt>
      <dd class="reference">{booking.reference}</dd>
      <dt>{texts.status}</dt>
      <dd class={`status status-${booking.status}`}>{texts.statusText[booking.status]}</dd>
      <dt>{texts.carClass}</dt>
      <dd>{findCarClass(booking.car_class)?.name[lang]}</dd>
      <dt>{texts.pickUp}</dt>
      <dd>
        {findLocation(booking.pick_up_location)?.name[lang]} ·{" "}
        {formatTokyoDateTime(booking.pick_up_at, lang)}
      </dd>
      <dt>{texts.return}</dt>
      <dd>
        {findLocation(booking.return_location)?.name[lang]} ·{" "}
        {formatTokyoDateTime(booking.return_at, lang)}
      </dd>
      <dt>{texts.total}</dt>
      <dd>{formatYen(booking.total, lang)}</dd>
      <dt>{texts.name}</dt>
      <dd>{booking.customer_name}</dd>
    </dl>
  );
}

/** The booking page. */
export function BookingPage(props: {
  context: PageContext;
  booking: Booking;
  payment: PaymentStatus | undefined;
  canceled: boolean;
  /** The form target to (re)start the payment, when the booking awaits payment. */
  payAction?: string | undefined;
  csrfToken?: string | undefined;
  problem?: string | undefined;
}) {
  const { lang } = props.context;
  const texts = TEXTS[lang];
  return (
    <Layout context={props.context} title={texts.bookingTitle}>
      {props.problem !== undefined && <p class="problem">{props.problem}</p>}
      {props.canceled && props.booking.status === "awaiting_payment" && (
        <p class="notice canceled">{texts.canceledNotice}</p>
      )}
      <BookingSummary context={props.context} booking={props.booking} />
      {props.payment !== undefined && (
        <p class={`payment payment-${props.payment}`}>{texts.paymentText[props.payment]}</p>
      )}
      {props.payAction !== undefined && props.csrfToken !== undefined && (
        <form method="post" action={props.payAction}>
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <button type="submit">{props.canceled ? texts.tryAgain : texts.payNow}</button>
        </form>
      )}
      {(props.booking.status === "expired" || props.booking.status === "payment_failed") && (
        <p>
          <a class="button" href="/">
            {texts.searchAgain}
          </a>
        </p>
      )}
    </Layout>
  );
}

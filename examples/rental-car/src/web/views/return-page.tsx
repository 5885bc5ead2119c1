/**
 * @module
 * Where the payment provider sends the shopper back. It shows what the database says: "checking
 * your payment" (and reloads itself) until the signed webhook has confirmed the booking, never
 * "paid" on the strength of the redirect alone, and never "awaiting payment" to a shopper who has
 * just paid. The confirmation e-mail is promised for when the booking is confirmed, which is when
 * the outbox sends it. A shopper who comes back without paying (KOMOJU sends every shopper back
 * to the same address, paid or not) reads "not paid yet", with the way back to the payment page.
 */
import type { ReturnStatus } from "@linkpay/express";
import type { Booking } from "../../bookings/bookings";
import type { KonbiniSlip } from "../../bookings/konbini-slips";
import { TEXTS } from "../i18n";
import { BookingSummary } from "./booking-page";
import { KonbiniSlipSection } from "./konbini-slip";
import { Layout, type PageContext } from "./layout";
import { ShopsInfo } from "./shop-info";

/** The return page. */
export function ReturnPage(props: {
  context: PageContext;
  booking: Booking;
  status: ReturnStatus;
  /** The stored payment is a konbini slip waiting to be paid (no point in reloading). */
  konbini: boolean;
  /** The stored konbini slip, once the provider reported it. */
  konbiniSlip?: KonbiniSlip | undefined;
  bookingHref: string;
  /**
   * The provider says the checkout is still open and unpaid: the form that goes back to it (the
   * booking's pay action and its CSRF token). Undefined: not known to be unpaid.
   */
  unpaid?: { readonly payAction: string; readonly csrfToken: string } | undefined;
}) {
  const { lang } = props.context;
  const texts = TEXTS[lang];
  const confirmed = props.booking.status === "confirmed";
  const unpaid =
    props.unpaid !== undefined &&
    props.booking.status === "awaiting_payment" &&
    props.status === "pending"
      ? props.unpaid
      : undefined;
  const waiting =
    !confirmed &&
    unpaid === undefined &&
    props.booking.status === "awaiting_payment" &&
    (props.status === "pending" || props.status === "processing" || props.status === "paid");
  const konbini = waiting && props.konbini;
  const title = confirmed
    ? texts.confirmedTitle
    : unpaid !== undefined
      ? texts.notPaidTitle
      : waiting
        ? konbini
          ? texts.awaitingKonbini
          : texts.confirmingTitle
        : texts.notConfirmedTitle;
  return (
    <Layout
      context={props.context}
      title={title}
      refreshSeconds={waiting && !konbini ? 2 : undefined}
    >
      {confirmed && <p class="confirmed">{texts.confirmedText}</p>}
      {unpaid !== undefined && (
        <>
          <p class="not-paid">{texts.notPaidText}</p>
          <form method="post" action={unpaid.payAction}>
            <input type="hidden" name="_csrf" value={unpaid.csrfToken} />
            <button type="submit">{texts.backToPayment}</button>
          </form>
        </>
      )}
      {waiting && <p class="confirming">{konbini ? texts.konbiniText : texts.confirmingText}</p>}
      {waiting && <p class="mail-note">{texts.mailOnConfirm}</p>}
      {konbini && (
        <KonbiniSlipSection lang={lang} status={props.booking.status} slip={props.konbiniSlip} />
      )}
      <BookingSummary
        context={props.context}
        booking={props.booking}
        progress={waiting ? (konbini ? "konbini" : "checking") : undefined}
      />
      <p>
        <a class="button secondary" href={props.bookingHref}>
          {texts.viewBooking}
        </a>
      </p>
      <ShopsInfo
        lang={lang}
        pickUpLocation={props.booking.pick_up_location}
        returnLocation={props.booking.return_location}
      />
    </Layout>
  );
}

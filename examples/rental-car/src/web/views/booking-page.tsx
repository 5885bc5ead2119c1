/**
 * @module
 * A booking as its owner sees it (opened with the link's token): what was booked, where the
 * booking and its payment stand, a way to pay (again) while it awaits payment, the way to cancel
 * it before pick-up, and, once cancelled, what was kept and where the refund stands.
 */
import type { PaymentStatus } from "@linkpay/core";
import type { Booking } from "../../bookings/bookings";
import type { KonbiniSlip } from "../../bookings/konbini-slips";
import type { CancellationRefundState } from "../../cancellations/refund-state";
import { findCarClass, findLocation } from "../../catalogue/catalogue";
import type { BookingStatus, CancellationsTable } from "../../db/app-tables";
import { formatTokyoDateTime, formatYen } from "../format";
import { TEXTS, type Texts } from "../i18n";
import { FREE_UNTIL_DAYS } from "./cancellation-policy-page";
import { CarPicture } from "./car-picture";
import { KonbiniSlipSection } from "./konbini-slip";
import { Layout, type PageContext } from "./layout";
import { ShopsInfo } from "./shop-info";

/**
 * What a page knows about the payment beyond the booking row: the shopper has paid and the
 * provider's confirmation is on its way (`checking`), or a konbini slip awaits payment.
 */
export type PaymentProgress = "checking" | "konbini";

/** The booking's status as the shopper should read it, with its CSS class. */
function shownStatus(
  texts: Texts,
  status: BookingStatus,
  progress: PaymentProgress | undefined,
): { readonly key: string; readonly text: string } {
  if (status === "awaiting_payment" && progress === "checking") {
    return { key: "checking", text: texts.checkingPayment };
  }
  if (status === "awaiting_payment" && progress === "konbini") {
    return { key: "awaiting-konbini", text: texts.awaitingKonbini };
  }
  return { key: status, text: texts.statusText[status] };
}

/** The progress the booking page can tell from the stored payment status. */
export function progressOf(payment: PaymentStatus | undefined): PaymentProgress | undefined {
  if (payment === "paid") return "checking";
  // Only a delayed method (konbini) is stored `processing`: a card is paid or not.
  if (payment === "processing") return "konbini";
  return undefined;
}

/** The booking's facts (with the car's picture), shared by the booking, return and cancel pages. */
export function BookingSummary(props: {
  context: PageContext;
  booking: Booking;
  progress?: PaymentProgress | undefined;
}) {
  const { lang } = props.context;
  const texts = TEXTS[lang];
  const { booking } = props;
  const status = shownStatus(texts, booking.status, props.progress);
  // The time, then the shop, one to a line: joined, they break mid-phrase on a phone.
  const when = (code: string, at: string) => (
    <>
      <span class="when">{formatTokyoDateTime(at, lang)}</span>
      <span class="where">{findLocation(code)?.name[lang] ?? code}</span>
    </>
  );
  return (
    <div class="booking-summary">
      <CarPicture lang={lang} carClass={booking.car_class} />
      <dl class="booking">
        <dt>{texts.reference}</dt>
        <dd class="reference">{booking.reference}</dd>
        <dt>{texts.status}</dt>
        <dd class={`status status-${status.key}`}>{status.text}</dd>
        <dt>{texts.carClass}</dt>
        <dd>{findCarClass(booking.car_class)?.name[lang]}</dd>
        <dt>{texts.pickUp}</dt>
        <dd class="pick-up">{when(booking.pick_up_location, booking.pick_up_at)}</dd>
        <dt>{texts.return}</dt>
        <dd class="return">{when(booking.return_location, booking.return_at)}</dd>
        <dt>{texts.total}</dt>
        <dd class="total-amount">{formatYen(booking.total, lang)}</dd>
        <dt>{texts.name}</dt>
        <dd>{booking.customer_name}</dd>
      </dl>
    </div>
  );
}

/** A cancelled booking's cancellation and where its refund stands. */
export interface CancellationView {
  readonly cancellation: CancellationsTable;
  readonly refund: CancellationRefundState;
}

/** What the shopper was told when the booking was cancelled, and the refund's progress. */
function CancellationSummary(props: { context: PageContext; view: CancellationView }) {
  const { lang } = props.context;
  const texts = TEXTS[lang];
  const { cancellation, refund } = props.view;
  return (
    <section class="cancellation">
      <h2>{texts.cancellationTitle}</h2>
      <table class="quote cancellation">
        <tbody>
          <tr>
            <th>{texts.cancelledAt}</th>
            <td class="amount">{formatTokyoDateTime(cancellation.cancelled_at, lang)}</td>
          </tr>
          <tr>
            <th>{texts.cancelFee(cancellation.fee_percent)}</th>
            <td class="amount fee">{formatYen(cancellation.fee, lang)}</td>
          </tr>
          <tr>
            <th>{texts.refundAmount}</th>
            <td class="amount refund">{formatYen(cancellation.refund_amount, lang)}</td>
          </tr>
          {refund !== "none" && refund !== "failed" && (
            <tr>
              <th>{texts.refundStatus}</th>
              <td class={`amount refund-state refund-${refund}`}>{texts.refundState[refund]}</td>
            </tr>
          )}
        </tbody>
      </table>
      {refund === "failed" && <p class="problem refund-failed">{texts.refundState.failed}</p>}
    </section>
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
  /** The cancel page, while the booking can be cancelled. */
  cancelHref?: string | undefined;
  /** The cancellation, once cancelled. */
  cancellation?: CancellationView | undefined;
  /** The konbini slip, while it awaits payment at a store. */
  konbiniSlip?: KonbiniSlip | undefined;
}) {
  const { lang } = props.context;
  const texts = TEXTS[lang];
  return (
    <Layout context={props.context} title={texts.bookingTitle}>
      {props.problem !== undefined && <p class="problem">{props.problem}</p>}
      {props.canceled && props.booking.status === "awaiting_payment" && (
        <p class="notice canceled">{texts.canceledNotice}</p>
      )}
      <BookingSummary
        context={props.context}
        booking={props.booking}
        progress={progressOf(props.payment)}
      />
      {props.payment !== undefined && (
        <p class={`payment payment-${props.payment}`}>{texts.paymentText[props.payment]}</p>
      )}
      <KonbiniSlipSection lang={lang} status={props.booking.status} slip={props.konbiniSlip} />
      {props.payAction !== undefined && props.csrfToken !== undefined && (
        <form method="post" action={props.payAction}>
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <button type="submit">{props.canceled ? texts.tryAgain : texts.payNow}</button>
        </form>
      )}
      {props.cancellation !== undefined && (
        <CancellationSummary context={props.context} view={props.cancellation} />
      )}
      {props.cancelHref !== undefined && (
        <section class="cancel">
          <p>
            <a class="button secondary" href={props.cancelHref}>
              {texts.cancelLink}
            </a>
          </p>
          <p class="hint">
            {texts.cancelFreeUntil(FREE_UNTIL_DAYS)}
            <br />
            <a href="/cancellation-policy">{texts.policyLink}</a>
          </p>
        </section>
      )}
      {(props.booking.status === "expired" || props.booking.status === "payment_failed") && (
        <p>
          <a class="button" href="/">
            {texts.searchAgain}
          </a>
        </p>
      )}
      <ShopsInfo
        lang={lang}
        pickUpLocation={props.booking.pick_up_location}
        returnLocation={props.booking.return_location}
      />
    </Layout>
  );
}

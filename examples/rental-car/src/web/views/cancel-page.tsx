/**
 * @module
 * The cancel page: the booking, the policy, and what cancelling now keeps and gives back, in
 * yen, before the shopper confirms; and the page that says why a booking cannot be cancelled.
 */
import type { CancellationPreview } from "../../cancellations/cancel-booking";
import { formatYen } from "../format";
import { TEXTS } from "../i18n";
import { BookingSummary } from "./booking-page";
import { PolicyNotes, PolicyTable } from "./cancellation-policy-page";
import { Layout, type PageContext } from "./layout";

/** The confirmation page of `GET /bookings/:reference/cancel`. */
export function CancelPage(props: {
  context: PageContext;
  preview: CancellationPreview;
  /** The form target (the same URL, with its token). */
  action: string;
  csrfToken: string;
  bookingHref: string;
}) {
  const { lang } = props.context;
  const texts = TEXTS[lang];
  const { booking, quote } = props.preview;
  // Refunds made before (by the shop) are off the refund; show them so the rows add up.
  const refundedBefore = booking.total - quote.fee - quote.refund;
  return (
    <Layout context={props.context} title={texts.cancelTitle}>
      <BookingSummary context={props.context} booking={booking} />
      <h2>{texts.policyTitle}</h2>
      <PolicyTable context={props.context} currentPercent={quote.feePercent} />
      <PolicyNotes context={props.context} />
      <form class="cancel" method="post" action={props.action}>
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <p class="cancel-timing">{texts.cancelTiming(quote.daysBefore)}</p>
        <table class="quote cancellation">
          <tbody>
            <tr>
              <th>{texts.total}</th>
              <td class="amount">{formatYen(booking.total, lang)}</td>
            </tr>
            <tr>
              <th>{texts.cancelFee(quote.feePercent)}</th>
              <td class="amount fee">{formatYen(quote.fee, lang)}</td>
            </tr>
            {refundedBefore > 0 && (
              <tr>
                <th>{texts.alreadyRefunded}</th>
                <td class="amount">{formatYen(refundedBefore, lang)}</td>
              </tr>
            )}
          </tbody>
          <tfoot>
            <tr>
              <th>{texts.refundAmount}</th>
              <td class="amount total refund">{formatYen(quote.refund, lang)}</td>
            </tr>
          </tfoot>
        </table>
        <p class="hint">{texts.refundNote}</p>
        <p class="hint">{texts.cancelIrreversible}</p>
        <div class="actions">
          <button type="submit" class="danger">
            {texts.confirmCancel}
          </button>
          <a href={props.bookingHref}>{texts.keepBooking}</a>
        </div>
      </form>
      <p>
        <a href="/cancellation-policy">{texts.policyLink}</a>
      </p>
    </Layout>
  );
}

/** Why a booking cannot be cancelled (409), with the way back to it. */
export function CannotCancelPage(props: {
  context: PageContext;
  reason: string;
  bookingHref: string;
}) {
  const texts = TEXTS[props.context.lang];
  return (
    <Layout context={props.context} title={texts.cannotCancelTitle}>
      <p class="problem">{props.reason}</p>
      <p class="actions">
        <a href={props.bookingHref}>{texts.viewBooking}</a>
        <a href="/cancellation-policy">{texts.policyLink}</a>
      </p>
    </Layout>
  );
}

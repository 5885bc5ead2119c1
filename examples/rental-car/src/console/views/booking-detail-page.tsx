/**
 * @module
 * One booking for staff: the booking, its cancellation, the payment timeline from linkpay's
 * `payments.history`, and the actions the account's role allows.
 */
import type { HistoryEntry, OrderHistory } from "@linkpay/core";
import type { Booking } from "../../bookings/bookings";
import type { CancellationQuote } from "../../cancellations/cancellation-policy";
import type { CancellationsTable } from "../../db/app-tables";
import { formatTokyoDateTime, formatYen, type Lang } from "../../web/format";
import { TEXTS } from "../../web/i18n";
import type { ConsoleTexts } from "../console-texts";
import { ConsoleLayout, type ConsolePageContext } from "./console-layout";
import { Reauth } from "./factor-fields";

function describe(entry: HistoryEntry, texts: ConsoleTexts, lang: Lang): string {
  switch (entry.type) {
    case "attempt_created":
      return texts.timeline.attempt_created(entry.sequence, entry.provider);
    case "event_received":
      return texts.timeline.event_received(entry.eventId, entry.kind, entry.outcome);
    case "status_changed":
      return texts.timeline.status_changed(
        TEXTS[lang].paymentText[entry.from],
        TEXTS[lang].paymentText[entry.to],
      );
    case "refund_requested":
      return texts.timeline.refund_requested(formatYen(entry.amount.amount, lang), entry.actor);
    case "refund_answered":
      return texts.timeline.refund_answered(entry.status);
  }
}

/** The detail page. */
export function BookingDetailPage(props: {
  readonly context: ConsolePageContext & { readonly texts: ConsoleTexts };
  readonly booking: Booking;
  readonly history: OrderHistory;
  readonly cancellation: CancellationsTable | undefined;
  readonly cancelQuote: CancellationQuote | undefined;
  readonly refundKey: string;
  readonly message?: { readonly ok: boolean; readonly text: string } | undefined;
}) {
  const { context, booking, history, cancellation } = props;
  const { texts, lang } = context;
  const manager = context.staff?.role === "manager";
  const base = `/bookings/${encodeURIComponent(booking.reference)}`;
  const paid = history.attempts.find((attempt) =>
    ["paid", "partially_refunded", "refunded"].includes(attempt.status),
  );
  const latest = history.attempts.at(-1);
  return (
    <ConsoleLayout context={context} title={texts.detailTitle(booking.reference)}>
      {props.message !== undefined && (
        <p class={props.message.ok ? "ok" : "problem"} role="status">
          {props.message.text}
        </p>
      )}
      <dl>
        <dt>{texts.statusLabel}</dt>
        <dd id="booking-status">{texts.bookingStatus[booking.status]}</dd>
        <dt>{texts.customer}</dt>
        <dd>
          {booking.customer_name} ({booking.customer_email})
        </dd>
        <dt>{texts.phone}</dt>
        <dd>{booking.customer_phone}</dd>
        <dt>{texts.pickUp}</dt>
        <dd>
          {formatTokyoDateTime(booking.pick_up_at, lang)} {booking.pick_up_location}
        </dd>
        <dt>{texts.returnAt}</dt>
        <dd>
          {formatTokyoDateTime(booking.return_at, lang)} {booking.return_location}
        </dd>
        <dt>{texts.carClass}</dt>
        <dd>
          {booking.car_class} {booking.car_id === null ? "" : `(${texts.car} ${booking.car_id})`}
        </dd>
        <dt>{texts.total}</dt>
        <dd>{formatYen(booking.total, lang)}</dd>
        <dt>{texts.paymentStatus}</dt>
        <dd id="payment-status" data-status={latest?.status}>
          {latest === undefined ? "-" : TEXTS[lang].paymentText[latest.status]}
        </dd>
        <dt>{texts.refunded}</dt>
        <dd id="refunded-amount">{formatYen(paid?.refundedAmount.amount ?? 0, lang)}</dd>
      </dl>

      {cancellation !== undefined && (
        <>
          <h2>{texts.cancellationTitle}</h2>
          <p>
            {texts.cancelledAt(
              formatTokyoDateTime(cancellation.cancelled_at, lang),
              cancellation.cancelled_by,
            )}
            <br />
            {texts.feeKept(cancellation.fee_percent, formatYen(cancellation.fee, lang))} /{" "}
            {texts.refundAmount} {formatYen(cancellation.refund_amount, lang)}
          </p>
        </>
      )}

      <h2>{texts.paymentTitle}</h2>
      <div class="scroll">
        <table id="timeline">
          <thead>
            <tr>
              <th>{texts.timelineAt}</th>
              <th>{texts.timelineWhat}</th>
            </tr>
          </thead>
          <tbody>
            {history.timeline.map((entry, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rendered once on the server; entries have no id of their own.
              <tr key={index}>
                <td>{formatTokyoDateTime(entry.at.toISOString(), lang)}</td>
                <td>{describe(entry, texts, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{texts.resendTitle}</h2>
      <form method="post" action={`${base}/resend`}>
        <input type="hidden" name="_csrf" value={context.csrfToken} />
        <button type="submit" class="secondary">
          {texts.resendButton}
        </button>
      </form>

      {manager && paid !== undefined && paid.status !== "refunded" && (
        <>
          <h2>{texts.refundTitle}</h2>
          <form method="post" action={`${base}/refund`} id="refund-form">
            <input type="hidden" name="_csrf" value={context.csrfToken} />
            <input type="hidden" name="key" value={props.refundKey} />
            <label>
              {texts.refundAmountLabel}
              <input
                name="amount"
                required
                inputmode="numeric"
                pattern="[0-9,]{1,11}"
                maxLength={11}
              />
            </label>
            <label>
              {texts.reason}
              <input name="reason" required maxLength={200} />
            </label>
            <Reauth texts={texts} hint={texts.reauthHint} />
            <button type="submit">{texts.refundButton}</button>
          </form>
        </>
      )}

      {manager && props.cancelQuote !== undefined && (
        <>
          <h2>{texts.cancellationTitle}</h2>
          <form method="post" action={`${base}/cancel`} id="cancel-form">
            <input type="hidden" name="_csrf" value={context.csrfToken} />
            <p>
              {texts.cancelPreview(
                props.cancelQuote.daysBefore,
                props.cancelQuote.feePercent,
                formatYen(props.cancelQuote.fee, lang),
                formatYen(props.cancelQuote.refund, lang),
              )}
            </p>
            <Reauth texts={texts} hint={texts.reauthHint} />
            <button type="submit" class="danger">
              {texts.cancelButton}
            </button>
          </form>
        </>
      )}
    </ConsoleLayout>
  );
}

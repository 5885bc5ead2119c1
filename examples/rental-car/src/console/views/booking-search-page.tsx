/**
 * @module
 * The booking search form and its results.
 */
import type { Booking } from "../../bookings/bookings";
import { formatTokyoDateTime, formatYen } from "../../web/format";
import type { ConsoleTexts } from "../console-texts";
import type { BookingFilters } from "../search-bookings";
import { ConsoleLayout, type ConsolePageContext } from "./console-layout";

const STATUSES = [
  "awaiting_payment",
  "confirmed",
  "payment_failed",
  "expired",
  "cancelled",
] as const;

/** The search page. */
export function BookingSearchPage(props: {
  readonly context: ConsolePageContext & { readonly texts: ConsoleTexts };
  readonly filters: BookingFilters;
  readonly bookings: readonly Booking[];
}) {
  const { context, filters } = props;
  const { texts, lang } = context;
  return (
    <ConsoleLayout context={context} title={texts.searchTitle}>
      <form class="search" method="get" action="/">
        <label>
          {texts.query}
          <input name="q" maxLength={100} value={filters.text} />
        </label>
        <label>
          {texts.pickUpFrom}
          <input type="date" name="from" value={filters.pickUpFrom} />
        </label>
        <label>
          {texts.pickUpTo}
          <input type="date" name="to" value={filters.pickUpTo} />
        </label>
        <label>
          {texts.statusLabel}
          <select name="status">
            <option value="">{texts.any}</option>
            {STATUSES.map((status) => (
              <option key={status} value={status} selected={filters.status === status}>
                {texts.bookingStatus[status]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{texts.search}</button>
      </form>
      {props.bookings.length === 0 ? (
        <p>{texts.noBookings}</p>
      ) : (
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th>{texts.reference}</th>
                <th>{texts.customer}</th>
                <th>{texts.pickUp}</th>
                <th>{texts.statusLabel}</th>
                <th class="amount">{texts.total}</th>
              </tr>
            </thead>
            <tbody>
              {props.bookings.map((booking) => (
                <tr key={booking.reference}>
                  <td>
                    <a class="mono" href={`/bookings/${encodeURIComponent(booking.reference)}`}>
                      {booking.reference}
                    </a>
                  </td>
                  <td>
                    {booking.customer_name}
                    <br />
                    <span class="hint">{booking.customer_email}</span>
                  </td>
                  <td>{formatTokyoDateTime(booking.pick_up_at, lang)}</td>
                  <td>{texts.bookingStatus[booking.status]}</td>
                  <td class="amount">{formatYen(booking.total, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ConsoleLayout>
  );
}

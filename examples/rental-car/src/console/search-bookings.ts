/**
 * @module
 * The console's booking search: by reference (exact), name or e-mail (contains, any case),
 * pick-up dates (Japan time) and status; newest pick-up first, at most 100 rows.
 */
import { type Kysely, sql } from "@linkpay/store-sql";
import type { Booking } from "../bookings/bookings";
import type { AppTables, BookingStatus } from "../db/app-tables";
import { tokyoDateTime } from "../pricing/rental-period";

/** What the search form sends (dates `YYYY-MM-DD` or empty). */
export interface BookingFilters {
  readonly text: string;
  readonly pickUpFrom: string;
  readonly pickUpTo: string;
  readonly status: BookingStatus | undefined;
}

export const SEARCH_LIMIT = 100;

/** `%`, `_` and the escape character itself matched literally in LIKE. */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** The bookings matching every filter given. */
export async function searchBookings(
  db: Kysely<AppTables>,
  filters: BookingFilters,
): Promise<Booking[]> {
  let query = db.selectFrom("rc_bookings").selectAll();
  if (filters.text !== "") {
    const pattern = likePattern(filters.text);
    query = query.where((eb) =>
      eb.or([
        eb("reference", "=", filters.text.toUpperCase()),
        sql<boolean>`lower(customer_name) like ${pattern} escape '\\'`,
        sql<boolean>`lower(customer_email) like ${pattern} escape '\\'`,
      ]),
    );
  }
  try {
    if (filters.pickUpFrom !== "") {
      query = query.where(
        "pick_up_at",
        ">=",
        tokyoDateTime(filters.pickUpFrom, "00:00").toISOString(),
      );
    }
    if (filters.pickUpTo !== "") {
      const end = tokyoDateTime(filters.pickUpTo, "00:00").getTime() + 86_400_000;
      query = query.where("pick_up_at", "<", new Date(end).toISOString());
    }
  } catch {
    // A date that does not exist (2027-02-30) matches nothing.
    return [];
  }
  if (filters.status !== undefined) query = query.where("status", "=", filters.status);
  return query.orderBy("pick_up_at", "desc").limit(SEARCH_LIMIT).execute();
}

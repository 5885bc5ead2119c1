/**
 * @module
 * The rental-car app's own tables, as Kysely sees them. linkpay's payment tables live beside them
 * in the same database (created by @linkpay/store-sql); the app never writes those directly.
 */

/** One physical car, kept at a location. */
export interface CarsTable {
  readonly id: string;
  readonly location: string;
  readonly car_class: string;
}

/**
 * One car on one calendar day (Japan time). The primary key (car_id, day) is what makes a double
 * booking impossible: two holds on the same car and day cannot both be inserted.
 */
export interface CarDaysTable {
  readonly car_id: string;
  readonly day: string;
  readonly booking_id: string;
}

/** Where a booking stands, from the shop's side. */
export type BookingStatus = "awaiting_payment" | "confirmed" | "payment_failed" | "expired";

/** A booking and the choices it was priced from. Prices are the server's, never the form's. */
export interface BookingsTable {
  readonly id: string;
  readonly reference: string;
  readonly status: BookingStatus;
  readonly locale: "ja" | "en";
  readonly pick_up_location: string;
  readonly return_location: string;
  readonly pick_up_at: string;
  readonly return_at: string;
  readonly car_class: string;
  readonly car_id: string | null;
  /** The chosen options, JSON `[{ code, quantity }]`. */
  readonly options_json: string;
  /** The priced lines, JSON (see pricing/quote.ts). */
  readonly lines_json: string;
  readonly total: number;
  readonly currency: string;
  readonly customer_name: string;
  readonly customer_email: string;
  readonly customer_phone: string;
  readonly created_at: string;
  readonly updated_at: string;
}

/** A message to send; (booking_id, kind) is unique, so each is written once. */
export interface OutboxTable {
  readonly id: string;
  readonly booking_id: string;
  readonly kind: "booking_confirmed";
  readonly recipient: string;
  readonly subject: string;
  readonly body: string;
  readonly created_at: string;
  readonly sent_at: string | null;
}

/** Every table of the app. */
export type AppTables = {
  readonly rc_cars: CarsTable;
  readonly rc_car_days: CarDaysTable;
  readonly rc_bookings: BookingsTable;
  readonly rc_outbox: OutboxTable;
};

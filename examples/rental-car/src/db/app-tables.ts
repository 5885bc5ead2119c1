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
export type BookingStatus =
  | "awaiting_payment"
  | "confirmed"
  | "payment_failed"
  | "expired"
  | "cancelled";

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
  /** The name in katakana (フリガナ); empty when not given (optional on the English site). */
  readonly customer_kana: string;
  /** The draft this booking was made from (unique: a draft becomes one booking at most). */
  readonly draft_id: string | null;
  readonly created_at: string;
  readonly updated_at: string;
}

/**
 * What a shopper submitted on the booking form, kept for the confirmation step (確認画面). Bound
 * to one browser; it becomes a booking when the shopper confirms (see `rc_bookings.draft_id`).
 */
export interface BookingDraftsTable {
  /** 144 random bits, base64url: it is in the confirmation page's URL. */
  readonly id: string;
  /** SHA-256 of the browser id it was made in (the id itself is a cookie, kept out of the db). */
  readonly browser_hash: string;
  readonly locale: "ja" | "en";
  /** The search, class and options, JSON (see bookings/booking-drafts.ts). */
  readonly choice_json: string;
  /** The shopper's name, フリガナ, e-mail and phone, JSON. */
  readonly customer_json: string;
  /** The total the confirmation step showed, so a price that changed since is noticed. */
  readonly total: number;
  readonly created_at: string;
  readonly expires_at: string;
}

/**
 * The konbini slip of a booking awaiting a store payment, as the provider issued it: the shop's
 * booking page shows it, so a shopper who left the provider's page still has number and deadline.
 */
export interface KonbiniSlipsTable {
  readonly booking_id: string;
  /** ISO 8601: the slip can no longer be paid after this; the car stays held until then. */
  readonly expires_at: string;
  /** The provider's page with the slip, or null. */
  readonly instructions_url: string | null;
  /** JSON `[{ chain, paymentCode?, confirmationNumber? }]`. */
  readonly stores_json: string;
  readonly created_at: string;
}

/** A message to send; (booking_id, kind) is unique, so each is written once. */
export interface OutboxTable {
  readonly id: string;
  readonly booking_id: string;
  readonly kind: "booking_confirmed" | "konbini_slip";
  readonly recipient: string;
  readonly subject: string;
  readonly body: string;
  readonly created_at: string;
  readonly sent_at: string | null;
}

/** A cancelled booking: when, by whom, and what the policy kept and refunded. */
export interface CancellationsTable {
  readonly booking_id: string;
  readonly cancelled_at: string;
  /** `shopper`, or the staff member's e-mail. */
  readonly cancelled_by: string;
  /** Whole days from the cancellation to the pick-up day (Japan time). */
  readonly days_before: number;
  readonly fee_percent: number;
  readonly fee: number;
  readonly refund_amount: number;
}

/** Staff roles: `staff` looks and resends; `manager` also cancels, refunds and manages staff. */
export type StaffRole = "staff" | "manager";

/** A staff account. No default account exists; the first manager is created by a command. */
export interface StaffTable {
  readonly id: string;
  /** Lower case. */
  readonly email: string;
  readonly name: string;
  readonly role: StaffRole;
  /** `invited` until the enrolment link was used; `disabled` signs nobody in. */
  readonly status: "invited" | "active" | "disabled";
  /** argon2id; null until enrolled. */
  readonly password_hash: string | null;
  /** Base32 TOTP secret; null until enrolled. */
  readonly totp_secret: string | null;
  /** The last TOTP time step accepted: a code is good once. */
  readonly totp_last_step: number;
  readonly created_at: string;
  readonly updated_at: string;
}

/** A one-time enrolment link (only its SHA-256 is kept). */
export interface StaffEnrolmentsTable {
  readonly token_hash: string;
  readonly staff_id: string;
  readonly created_at: string;
  readonly expires_at: string;
  readonly used_at: string | null;
}

/** A console session (only the SHA-256 of the cookie's value is kept). */
export interface StaffSessionsTable {
  readonly id_hash: string;
  readonly staff_id: string;
  /** `second_factor`: the password was right, a code or passkey is due; `enrolling`: setting up. */
  readonly stage: "second_factor" | "enrolling" | "signed_in";
  readonly created_at: string;
  readonly last_seen_at: string;
  /** The absolute end, whatever the activity. */
  readonly expires_at: string;
  /** The last full re-authentication (needed shortly before money moves or factors change). */
  readonly reauth_at: string | null;
  readonly revoked_at: string | null;
  /** The WebAuthn challenge this session was last given (used once, then cleared). */
  readonly challenge: string | null;
  readonly ip: string;
  readonly user_agent: string;
}

/** A staff member's passkey (WebAuthn credential). */
export interface PasskeysTable {
  /** The credential id, base64url. */
  readonly id: string;
  readonly staff_id: string;
  /** The COSE public key, base64url. */
  readonly public_key: string;
  readonly counter: number;
  /** JSON array of transports. */
  readonly transports: string;
  readonly created_at: string;
  readonly last_used_at: string | null;
}

/** One staff action (or refused attempt). Append-only: triggers refuse UPDATE and DELETE. */
export interface StaffAuditTable {
  readonly id: string;
  readonly at: string;
  readonly staff_id: string | null;
  /** Who, as typed or signed in (kept even for a failed sign-in to an unknown account). */
  readonly staff_email: string;
  readonly action: string;
  /** A booking reference, a staff e-mail, or `-`. */
  readonly target: string;
  readonly outcome: "ok" | "refused";
  readonly ip: string;
  readonly before_json: string | null;
  readonly after_json: string | null;
}

/** Every table of the app. */
export type AppTables = {
  readonly rc_cars: CarsTable;
  readonly rc_car_days: CarDaysTable;
  readonly rc_bookings: BookingsTable;
  readonly rc_booking_drafts: BookingDraftsTable;
  readonly rc_outbox: OutboxTable;
  readonly rc_konbini_slips: KonbiniSlipsTable;
  readonly rc_cancellations: CancellationsTable;
  readonly rc_staff: StaffTable;
  readonly rc_staff_enrolments: StaffEnrolmentsTable;
  readonly rc_staff_sessions: StaffSessionsTable;
  readonly rc_passkeys: PasskeysTable;
  readonly rc_staff_audit: StaffAuditTable;
};

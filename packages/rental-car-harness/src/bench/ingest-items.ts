/**
 * @module
 * The webhook-ingest benchmark's workload: one booking awaiting payment per item, its linkpay
 * attempt with a Stripe Checkout Session attached, and the Stripe events about it — the
 * `checkout.session.completed` (paid) that confirms it and a `payment_intent.succeeded` the app
 * ignores — shaped like the snapshot events Stripe sends (about 2.5 KB of JSON each).
 */
import { randomBytes, randomUUID } from "node:crypto";
import { CAR_CLASSES, LOCATIONS } from "@linkpay/example-rental-car/catalogue/catalogue";
import type { BookingsTable } from "@linkpay/example-rental-car/db/app-tables";
import { quote } from "@linkpay/example-rental-car/pricing/quote";
import { signStripeWebhook } from "@linkpay/stripe";

/** The API version the events claim (the one the app's Stripe client pins). */
const API_VERSION = "2026-10-28.endive";
/** The reference alphabet of `booking-reference.ts` (no 0/1/I/L/O). */
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const DAY_MS = 86_400_000;

/** One booking, its attempt and session, and the ids of the events about it. */
export interface IngestItem {
  readonly booking: BookingsTable;
  readonly attemptId: string;
  readonly sessionId: string;
  readonly paymentIntentId: string;
  /** The `checkout.session.completed` event's id. */
  readonly paidEventId: string;
  /** The `payment_intent.succeeded` event's id. */
  readonly intentEventId: string;
  /** Seconds since the epoch the session was created. */
  readonly createdAt: number;
}

/** A delivery as sent: the exact body and its `Stripe-Signature` header. */
export interface SignedDelivery {
  readonly body: string;
  readonly signature: string;
}

let serial = 31 ** 7 + Math.floor(Math.random() * 31 ** 7);

/** `RC-XXXXXXXX`, unique within the process, shaped like the app's references. */
function nextReference(): string {
  let n = serial++;
  let code = "";
  for (let i = 0; i < 8; i++) {
    code = `${ALPHABET[n % ALPHABET.length]}${code}`;
    n = Math.floor(n / ALPHABET.length);
  }
  return `RC-${code}`;
}

/** Stripe-style id: `prefix` then `length` random base-62 characters. */
function stripeId(prefix: string, length: number): string {
  const bytes = randomBytes(length);
  let id = prefix;
  for (const byte of bytes) id += BASE62[byte % 62];
  return id;
}

/** `count` items; the bookings vary in place, class, length and language like real ones. */
export function ingestItems(count: number): IngestItem[] {
  const now = Date.now();
  const createdAt = Math.floor(now / 1000);
  return Array.from({ length: count }, (_, i): IngestItem => {
    const location = LOCATIONS[i % LOCATIONS.length] ?? LOCATIONS[0];
    const carClass = CAR_CLASSES[Math.floor(i / 3) % CAR_CLASSES.length] ?? CAR_CLASSES[0];
    if (location === undefined || carClass === undefined) throw new Error("empty catalogue");
    const pickUpAt = new Date(Date.UTC(2027, 0, 1, 1) + (i % 300) * DAY_MS);
    const returnAt = new Date(pickUpAt.getTime() + (1 + (i % 4)) * DAY_MS - 2 * 3_600_000);
    const options = i % 2 === 0 ? [{ code: "cdw", quantity: 1 }] : [];
    const priced = quote({
      pickUpLocation: location.code,
      returnLocation: location.code,
      pickUpAt,
      returnAt,
      carClass: carClass.code,
      options,
    });
    const stamp = new Date(now).toISOString();
    return {
      booking: {
        id: randomUUID(),
        reference: nextReference(),
        status: "awaiting_payment",
        locale: i % 3 === 0 ? "en" : "ja",
        pick_up_location: location.code,
        return_location: location.code,
        pick_up_at: pickUpAt.toISOString(),
        return_at: returnAt.toISOString(),
        car_class: carClass.code,
        car_id: null,
        options_json: JSON.stringify(options),
        lines_json: JSON.stringify(priced.lines),
        total: priced.total,
        currency: "JPY",
        customer_name: i % 3 === 0 ? "Bench Shopper" : "ベンチ 太郎",
        customer_email: `shopper${i}@example.com`,
        customer_phone: "090-0000-0000",
        customer_kana: i % 3 === 0 ? "" : "ベンチ タロウ",
        draft_id: null,
        created_at: stamp,
        updated_at: stamp,
      },
      attemptId: randomUUID(),
      sessionId: stripeId("cs_test_a1", 56),
      paymentIntentId: stripeId("pi_3", 24),
      paidEventId: stripeId("evt_1", 24),
      intentEventId: stripeId("evt_3", 24),
      createdAt,
    };
  });
}

/** The linkpay metadata the app's sessions carry, plus the merchant's own keys. */
function metadataOf(item: IngestItem): Record<string, string> {
  return {
    booking_id: item.booking.id,
    order_ref: item.booking.reference,
    linkpay_order_ref: item.booking.reference,
    linkpay_attempt_id: item.attemptId,
  };
}

/** The Checkout Session as a paid `checkout.session.completed` carries it. */
function completedSession(item: IngestItem) {
  const { booking } = item;
  const base = "http://127.0.0.1:3000";
  return {
    id: item.sessionId,
    object: "checkout.session",
    adaptive_pricing: { enabled: false },
    after_expiration: null,
    allow_promotion_codes: null,
    amount_subtotal: booking.total,
    amount_total: booking.total,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: null,
    cancel_url: `${base}/bookings/${booking.reference}?canceled=1`,
    client_reference_id: booking.reference,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created: item.createdAt,
    currency: "jpy",
    currency_conversion: null,
    custom_fields: [],
    custom_text: {
      after_submit: null,
      shipping_address: null,
      submit: null,
      terms_of_service_acceptance: null,
    },
    customer: null,
    customer_creation: "if_required",
    customer_details: {
      address: {
        city: null,
        country: "JP",
        line1: null,
        line2: null,
        postal_code: null,
        state: null,
      },
      email: booking.customer_email,
      name: booking.customer_name,
      phone: null,
      tax_exempt: "none",
      tax_ids: [],
    },
    customer_email: booking.customer_email,
    discounts: [],
    expires_at: item.createdAt + 1_800,
    invoice: null,
    invoice_creation: {
      enabled: false,
      invoice_data: {
        account_tax_ids: null,
        custom_fields: null,
        description: null,
        footer: null,
        issuer: null,
        metadata: {},
        rendering_options: null,
      },
    },
    livemode: false,
    locale: booking.locale,
    metadata: metadataOf(item),
    mode: "payment",
    origin_context: null,
    payment_intent: item.paymentIntentId,
    payment_link: null,
    payment_method_collection: "if_required",
    payment_method_configuration_details: null,
    payment_method_options: { card: { request_three_d_secure: "automatic" } },
    payment_method_types: ["card"],
    payment_status: "paid",
    permissions: null,
    phone_number_collection: { enabled: false },
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: "complete",
    submit_type: null,
    subscription: null,
    success_url: `${base}/bookings/${booking.reference}/return?session_id={CHECKOUT_SESSION_ID}`,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: "hosted",
    url: null,
    wallet_options: null,
  };
}

/** The PaymentIntent as a `payment_intent.succeeded` carries it (linkpay ignores the type). */
function succeededIntent(item: IngestItem) {
  const { booking } = item;
  return {
    id: item.paymentIntentId,
    object: "payment_intent",
    amount: booking.total,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: booking.total,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: "automatic_async",
    client_secret: `${item.paymentIntentId}_secret_${item.sessionId.slice(10, 35)}`,
    confirmation_method: "automatic",
    created: item.createdAt + 40,
    currency: "jpy",
    customer: null,
    description: null,
    last_payment_error: null,
    latest_charge: `ch_3${item.paymentIntentId.slice(4)}`,
    livemode: false,
    metadata: metadataOf(item),
    next_action: null,
    on_behalf_of: null,
    payment_method: `pm_1${item.paymentIntentId.slice(4)}`,
    payment_method_configuration_details: null,
    payment_method_options: {
      card: {
        installments: null,
        mandate_options: null,
        network: null,
        request_three_d_secure: "automatic",
      },
    },
    payment_method_types: ["card"],
    processing: null,
    receipt_email: booking.customer_email,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: "succeeded",
    transfer_data: null,
    transfer_group: null,
  };
}

function envelope(id: string, type: string, created: number, object: unknown) {
  return {
    id,
    object: "event",
    api_version: API_VERSION,
    created,
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
}

/** The `checkout.session.completed` (paid) event of `item`, as parsed JSON. */
export function paidEvent(item: IngestItem) {
  return envelope(
    item.paidEventId,
    "checkout.session.completed",
    item.createdAt + 42,
    completedSession(item),
  );
}

/** The body Stripe would send for {@link paidEvent} (pretty-printed, as Stripe sends it). */
export function paidEventBody(item: IngestItem): string {
  return JSON.stringify(paidEvent(item), null, 2);
}

/** The body of the `payment_intent.succeeded` event about `item`. */
export function intentEventBody(item: IngestItem): string {
  return JSON.stringify(
    envelope(
      item.intentEventId,
      "payment_intent.succeeded",
      item.createdAt + 41,
      succeededIntent(item),
    ),
    null,
    2,
  );
}

/** `body` signed with `secret` now (or at `timestamp`, in seconds). */
export function signed(body: string, secret: string, timestamp?: number): SignedDelivery {
  return { body, signature: signStripeWebhook({ payload: body, secret, timestamp }) };
}

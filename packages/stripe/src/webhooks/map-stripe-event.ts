/**
 * @module
 * Maps a verified Stripe event onto linkpay's normalized events. Anything linkpay does not act on
 * becomes `ignored`: an unhandled type (`unhandled_type`), a session or charge another
 * integration created (`not_ours`), or a completed session that needed no payment.
 */
import type {
  IgnoredEvent,
  PaymentEvent,
  PaymentEventKind,
  PendingPayment,
  ProviderEvent,
} from "@linkpay/core";
import { LINKPAY_METADATA_KEYS, orderRefOf } from "../checkout/linkpay-metadata";
import { sessionAmount } from "../checkout/session-amount";
import { fromStripeAmount } from "../money/stripe-units";
import { parseStripeObject, type StripeObjectSource } from "../stripe-objects/parse-stripe-object";
import {
  chargeSchema,
  checkoutSessionSchema,
  eventSchema,
  idOf,
  type StripeCheckoutSession,
  type StripeEventEnvelope,
} from "../stripe-objects/stripe-object-schemas";
import { CHECKOUT_SESSION_EVENT_KINDS, isCheckoutSessionEventType } from "./handled-events";
import type { VerifiedStripeDelivery } from "./verify-stripe-webhook";

/** What the mapping needs besides the event. */
export interface MapStripeEventDeps {
  /** The provider id put on every event. */
  readonly provider: string;
  /** The Checkout Session that created a payment intent, or null (charges carry only the intent). */
  findSessionByPaymentIntent(paymentIntent: string): Promise<StripeCheckoutSession | null>;
  /**
   * The konbini slip of a session completed unpaid, read from its PaymentIntent (the event
   * carries only the intent's id), or undefined when it shows none.
   */
  pendingPaymentOf(session: StripeCheckoutSession): Promise<PendingPayment | undefined>;
}

/** One event being mapped: its envelope, its JSON and digest as received, and the provider id. */
interface Mapping {
  readonly event: StripeEventEnvelope;
  readonly json: unknown;
  readonly payloadDigest: string;
  readonly provider: string;
}

function ignored({ event, json, payloadDigest, provider }: Mapping, reason: string): IgnoredEvent {
  return {
    kind: "ignored",
    provider,
    eventId: event.id,
    type: event.type,
    reason,
    raw: json,
    payloadDigest,
  };
}

function paymentEvent(
  { event, json, payloadDigest, provider }: Mapping,
  kind: PaymentEventKind,
  session: StripeCheckoutSession,
  source: StripeObjectSource,
  extra: Pick<PaymentEvent, "refundedAmount" | "pendingPayment"> = {},
): PaymentEvent {
  return {
    kind,
    provider,
    eventId: event.id,
    providerSessionId: session.id,
    orderRef: orderRefOf(session) ?? "",
    attemptId: session.metadata?.[LINKPAY_METADATA_KEYS.attemptId] || undefined,
    amount: sessionAmount(session, source),
    ...extra,
    occurredAt: new Date(event.created * 1000),
    raw: json,
    payloadDigest,
  };
}

function isOurs(session: StripeCheckoutSession): boolean {
  return orderRefOf(session) !== null && (session.mode === undefined || session.mode === "payment");
}

function completedKind(session: StripeCheckoutSession): PaymentEventKind | null {
  if (session.payment_status === "paid") return "payment.succeeded";
  // Konbini: the voucher is issued now and paid at the store later (async_payment_* follows).
  if (session.payment_status === "unpaid") return "payment.pending";
  return null;
}

async function refundEvent(mapping: Mapping, deps: MapStripeEventDeps): Promise<ProviderEvent> {
  const charge = parseStripeObject(chargeSchema, mapping.event.data.object, "charge", "webhook");
  const paymentIntent = idOf(charge.payment_intent);
  if (paymentIntent === null) return ignored(mapping, "not_ours");
  const session = await deps.findSessionByPaymentIntent(paymentIntent);
  if (session === null || !isOurs(session)) return ignored(mapping, "not_ours");
  // amount_refunded is cumulative: everything refunded so far, not just this refund.
  const refunded = fromStripeAmount(
    { amount: charge.amount_refunded, currency: charge.currency },
    "webhook",
    "charge",
  );
  return paymentEvent(mapping, "payment.refunded", session, "api", { refundedAmount: refunded });
}

/** Maps an authentic delivery's parsed JSON; throws WEBHOOK_PAYLOAD_INVALID on bad shapes. */
export async function mapStripeEvent(
  { json, payloadDigest }: VerifiedStripeDelivery,
  deps: MapStripeEventDeps,
): Promise<ProviderEvent> {
  const event = parseStripeObject(eventSchema, json, "event", "webhook");
  const mapping: Mapping = { event, json, payloadDigest, provider: deps.provider };
  if (event.type === "charge.refunded") return refundEvent(mapping, deps);
  if (!isCheckoutSessionEventType(event.type)) return ignored(mapping, "unhandled_type");
  const session = parseStripeObject(
    checkoutSessionSchema,
    event.data.object,
    "checkout session",
    "webhook",
  );
  if (!isOurs(session)) return ignored(mapping, "not_ours");
  const kind =
    event.type === "checkout.session.completed"
      ? completedKind(session)
      : CHECKOUT_SESSION_EVENT_KINDS[event.type];
  if (kind === null) return ignored(mapping, "no_payment_required");
  const pendingPayment =
    kind === "payment.pending" ? await deps.pendingPaymentOf(session) : undefined;
  return paymentEvent(mapping, kind, session, "webhook", { pendingPayment });
}

/**
 * @module
 * Maps a verified KOMOJU event onto linkpay's normalized events. A payment event re-fetches its
 * session and reports the session's CURRENT state (see session-state.ts), so replays, reordering
 * and late `authorized`/`cancelled` deliveries never move an attempt backwards. Anything linkpay
 * does not act on becomes `ignored`: `ping` and other types (`unhandled_type`), a payment of
 * another integration (`not_ours`), a session still open (`still_open`).
 */
import { type IgnoredEvent, money, type PaymentEvent, type ProviderEvent } from "@linkpay/core";
import { linkpayReferencesOf } from "../checkout/linkpay-metadata";
import { pendingPaymentOf } from "../checkout/pending-payment";
import { sessionAmount } from "../checkout/session-amount";
import { sessionState } from "../checkout/session-state";
import { eventSchema, type KomojuSession, paymentSchema } from "../objects/komoju-schemas";
import { parseKomojuObject } from "../objects/parse-komoju-object";
import { isHandledEventType } from "./handled-events";

/** What the mapping needs besides the event. */
export interface MapKomojuEventDeps {
  /** The provider id put on every event. */
  readonly provider: string;
  /** The session's current state; throws a retryable error when KOMOJU cannot be reached. */
  fetchSession(sessionId: string): Promise<KomojuSession>;
}

/** Maps the parsed JSON of an authentic delivery; throws WEBHOOK_PAYLOAD_INVALID on bad shapes. */
export async function mapKomojuEvent(
  json: unknown,
  deps: MapKomojuEventDeps,
): Promise<ProviderEvent> {
  const event = parseKomojuObject(eventSchema, json, "event", "webhook");
  const ignored = (reason: string): IgnoredEvent => ({
    kind: "ignored",
    provider: deps.provider,
    eventId: event.id,
    type: event.type,
    reason,
    raw: json,
  });
  if (!isHandledEventType(event.type)) return ignored("unhandled_type");
  const payment = parseKomojuObject(paymentSchema, event.data, "payment", "webhook");
  if (!payment.session) return ignored("not_ours");
  const session = await deps.fetchSession(payment.session);
  const references = linkpayReferencesOf(session);
  if (references === null) return ignored("not_ours");
  const { kind, refunded } = sessionState(session);
  if (kind === null) return ignored("still_open");
  const amount = sessionAmount(session);
  const paymentEvent: PaymentEvent = {
    kind,
    provider: deps.provider,
    eventId: event.id,
    providerSessionId: session.id,
    orderRef: references.orderRef,
    attemptId: references.attemptId,
    amount,
    refundedAmount: kind === "payment.refunded" ? money(refunded, amount.currency) : undefined,
    occurredAt: new Date(event.created_at),
    pendingPayment: kind === "payment.pending" ? pendingPaymentOf(session.payment) : undefined,
    raw: json,
  };
  return paymentEvent;
}

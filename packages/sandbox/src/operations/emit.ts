/**
 * @module
 * Emitting events about sessions, PaymentIntents and charges: each carries a snapshot of the
 * object as it is at that moment, as Stripe's events do.
 */
import { AUTOMATIC_CAUSE, type EventCause, type SandboxEventType } from "../events/event-log";
import { renderCharge } from "../objects/render-charge";
import { renderPaymentIntent } from "../objects/render-payment-intent";
import { renderSession } from "../objects/render-session";
import type { ChargeRecord, PaymentIntentRecord, SessionRecord } from "../state/records";
import { renderContext, type SandboxContext } from "./sandbox-context";

/** Emits a `checkout.session.*` event carrying the session. */
export function emitSessionEvent(
  context: SandboxContext,
  type: SandboxEventType,
  session: SessionRecord,
  cause: EventCause = AUTOMATIC_CAUSE,
): void {
  context.events.emit(type, renderSession(renderContext(context), session), session.id, cause);
  context.logger.info({ sessionId: session.id, type }, "event emitted");
}

/** Emits a `payment_intent.*` event carrying the PaymentIntent. */
export function emitIntentEvent(
  context: SandboxContext,
  type: SandboxEventType,
  intent: PaymentIntentRecord,
  cause: EventCause = AUTOMATIC_CAUSE,
): void {
  const object = renderPaymentIntent(renderContext(context), intent);
  context.events.emit(type, object, intent.sessionId, cause);
  context.logger.info(
    { sessionId: intent.sessionId, paymentIntentId: intent.id, type },
    "event emitted",
  );
}

/** Emits a `charge.*` event carrying the charge. */
export function emitChargeEvent(
  context: SandboxContext,
  type: SandboxEventType,
  charge: ChargeRecord,
  sessionId: string,
  cause: EventCause = AUTOMATIC_CAUSE,
): void {
  context.events.emit(type, renderCharge(charge), sessionId, cause);
  context.logger.info({ sessionId, chargeId: charge.id, type }, "event emitted");
}

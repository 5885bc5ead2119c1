/**
 * @module
 * Expiring sessions: on request (`POST /v1/checkout/sessions/:id/expire`, the operator) or when
 * `expires_at` has passed. Konbini slips past their own expiry fail the same way.
 */
import { invalidRequest } from "../api/sandbox-api-error";
import { unixSeconds } from "../clock/clock";
import { AUTOMATIC_CAUSE, type EventCause } from "../events/event-log";
import type { SessionRecord } from "../state/records";
import { emitIntentEvent, emitSessionEvent } from "./emit";
import { markKonbiniExpired } from "./konbini";
import type { SandboxContext } from "./sandbox-context";

/**
 * Expires an open session (`checkout.session.expired`; its PaymentIntent, if any, is canceled).
 *
 * @throws SandboxApiError 400 unless the session is open, as Stripe answers.
 */
export function expireSession(
  context: SandboxContext,
  session: SessionRecord,
  cause: EventCause = AUTOMATIC_CAUSE,
): void {
  if (session.status !== "open") {
    throw invalidRequest(
      `This Checkout Session is ${session.status}. Only Checkout Sessions with a status of open can be expired.`,
      { code: "checkout_session_not_open" },
    );
  }
  session.status = "expired";
  for (const challenge of context.state.challenges.values()) {
    if (challenge.sessionId === session.id) context.state.challenges.delete(challenge.id);
  }
  const intent =
    session.paymentIntentId === null
      ? undefined
      : context.state.paymentIntents.get(session.paymentIntentId);
  if (intent !== undefined) {
    intent.status = "canceled";
    intent.canceledAt = unixSeconds(context.clock);
    emitIntentEvent(context, "payment_intent.canceled", intent, cause);
  }
  context.logger.info({ sessionId: session.id }, "checkout session expired");
  emitSessionEvent(context, "checkout.session.expired", session, cause);
}

/** Expires `session` if it is open and past `expires_at`; true when it did. */
export function expireIfDue(context: SandboxContext, session: SessionRecord): boolean {
  if (session.status !== "open" || unixSeconds(context.clock) < session.expiresAt) return false;
  expireSession(context, session);
  return true;
}

/** Expires every overdue session and every konbini slip past its expiry. */
export function sweepExpired(context: SandboxContext): void {
  const now = unixSeconds(context.clock);
  for (const session of context.state.sessions.values()) {
    expireIfDue(context, session);
    if (session.konbini?.state === "pending" && now > session.konbini.expiresAt) {
      markKonbiniExpired(context, session);
    }
  }
}

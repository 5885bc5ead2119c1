/**
 * @module
 * How KOMOJU sessions end without a payment: cancelled by the merchant (`POST
 * /sessions/:id/cancel`), or expired at `expires_at`. KOMOJU sends no event when an unpaid
 * session expires (merchants learn it by retrieving the session); a konbini slip past its
 * deadline expires with `payment.expired`.
 */
import { KomojuApiError } from "../api/komoju-api-error";
import type { KomojuSessionRecord } from "../state/komoju-records";
import type { KomojuContext } from "./komoju-context";
import { hasAuthorizedKonbini, markKomojuKonbiniExpired } from "./komoju-konbini";
import { emitPaymentEvent } from "./komoju-payments";

/**
 * Cancels a pending session; a PayPay payment still waiting is cancelled with it
 * (`payment.cancelled`).
 *
 * @throws KomojuApiError 422 `invalid_status` unless the session is pending.
 */
export function cancelKomojuSession(context: KomojuContext, session: KomojuSessionRecord): void {
  if (session.status !== "pending") {
    throw new KomojuApiError(
      422,
      "invalid_status",
      `Session ${session.id} is ${session.status}; only a pending session can be cancelled.`,
    );
  }
  session.status = "cancelled";
  session.cancelledAt = context.clock().getTime();
  context.state.forgetSteps(session.id);
  context.logger.info({ sessionId: session.id }, "komoju session cancelled");
  const payment = context.state.latestPayment(session);
  if (payment?.status === "pending") {
    payment.status = "cancelled";
    emitPaymentEvent(context, "payment.cancelled", payment);
  }
}

/**
 * Expires a session now (operator): a pending one gets `expired: true` without an event, as at
 * `expires_at`; a completed one with a konbini slip still unpaid expires the slip
 * (`payment.expired`).
 *
 * @throws KomojuApiError 422 `invalid_status` when there is nothing to expire.
 */
export function expireKomojuSession(context: KomojuContext, session: KomojuSessionRecord): void {
  if (session.status === "pending" && !session.expired) {
    markExpired(context, session);
    return;
  }
  if (hasAuthorizedKonbini(context, session)) {
    markKomojuKonbiniExpired(context, session);
    return;
  }
  throw new KomojuApiError(
    422,
    "invalid_status",
    `Session ${session.id} is ${session.expired ? "expired" : session.status}; there is nothing to expire.`,
  );
}

function markExpired(context: KomojuContext, session: KomojuSessionRecord): void {
  session.expired = true;
  context.state.forgetSteps(session.id);
  context.logger.info({ sessionId: session.id }, "komoju session expired");
}

/** Marks `session` expired if it is pending and past `expires_at`; true when it did. */
export function expireKomojuIfDue(context: KomojuContext, session: KomojuSessionRecord): boolean {
  if (session.status !== "pending" || session.expired) return false;
  if (context.clock().getTime() < session.expiresAt) return false;
  markExpired(context, session);
  return true;
}

/** Expires every overdue session and every konbini slip past its deadline. */
export function sweepKomojuExpired(context: KomojuContext): void {
  const now = context.clock().getTime();
  for (const session of context.state.sessions.values()) {
    expireKomojuIfDue(context, session);
    const payment = context.state.latestPayment(session);
    if (
      hasAuthorizedKonbini(context, session) &&
      payment?.paymentDeadline != null &&
      now > payment.paymentDeadline
    ) {
      markKomojuKonbiniExpired(context, session);
    }
  }
}

/**
 * @module
 * Shared by the KOMOJU payment operations: a session takes payment only while pending and not
 * expired; payments are created against it and announced with events carrying their snapshot.
 */
import { KomojuApiError } from "../api/komoju-api-error";
import type { KomojuEventType } from "../objects/komoju-shapes";
import { renderKomojuPayment } from "../objects/render-komoju";
import { komojuId } from "../state/komoju-ids";
import type {
  KomojuPaymentDetails,
  KomojuPaymentRecord,
  KomojuPaymentStatus,
  KomojuSessionRecord,
} from "../state/komoju-records";
import type { KomojuContext } from "./komoju-context";

/** Whether the session can still be paid. */
export function isPayable(session: KomojuSessionRecord): boolean {
  return session.status === "pending" && !session.expired;
}

/**
 * Throws unless the session can still be paid.
 *
 * @throws KomojuApiError 422 `invalid_status` naming the session's state.
 */
export function assertPayable(session: KomojuSessionRecord): void {
  if (!isPayable(session)) {
    const state = session.expired ? "expired" : session.status;
    throw new KomojuApiError(
      422,
      "invalid_status",
      `Session ${session.id} is ${state}; only a pending session takes payment.`,
    );
  }
}

/** Input of {@link newPayment}. */
export interface NewPaymentInput {
  readonly details: KomojuPaymentDetails;
  readonly status: KomojuPaymentStatus;
  readonly paymentDeadline?: number | undefined;
}

/** Creates a payment for the session's whole amount and makes it the session's latest. */
export function newPayment(
  context: KomojuContext,
  session: KomojuSessionRecord,
  { details, status, paymentDeadline }: NewPaymentInput,
): KomojuPaymentRecord {
  const now = context.clock().getTime();
  const payment: KomojuPaymentRecord = {
    id: komojuId(),
    seq: context.state.nextSeq(),
    sessionId: session.id,
    createdAt: now,
    amount: session.amount,
    currency: session.currency,
    details,
    paymentDeadline: paymentDeadline ?? null,
    status,
    capturedAt: status === "captured" ? now : null,
    amountRefunded: 0,
    refunds: [],
  };
  context.state.payments.set(payment.id, payment);
  session.paymentId = payment.id;
  return payment;
}

/** Completes the session with its payment (captured, or a konbini slip issued). */
export function completeSession(context: KomojuContext, session: KomojuSessionRecord): void {
  session.status = "completed";
  session.completedAt = context.clock().getTime();
  context.state.forgetSteps(session.id);
}

/** Emits a `payment.*` event carrying the payment as it is now. */
export function emitPaymentEvent(
  context: KomojuContext,
  type: KomojuEventType,
  payment: KomojuPaymentRecord,
): void {
  context.events.emit(type, renderKomojuPayment(context, payment));
  context.logger.info(
    { sessionId: payment.sessionId, paymentId: payment.id, type },
    "komoju event emitted",
  );
}

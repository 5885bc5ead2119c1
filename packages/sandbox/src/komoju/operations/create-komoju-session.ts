/**
 * @module
 * Creating a KOMOJU session from validated parameters. `external_order_num` must be new (KOMOJU
 * refuses to take a second payment for one order number), and a konbini deadline must lie ahead.
 */
import { invalidParameter } from "../api/komoju-api-error";
import type { SessionParams } from "../api/komoju-session-params";
import { komojuId } from "../state/komoju-ids";
import type { KomojuSessionRecord } from "../state/komoju-records";
import type { KomojuContext } from "./komoju-context";

/**
 * Creates and stores a pending session.
 *
 * @throws KomojuApiError 422 `invalid_parameter` for a reused `external_order_num` or a past
 * `payment_deadline`.
 */
export function createKomojuSession(
  context: KomojuContext,
  params: SessionParams,
): KomojuSessionRecord {
  const now = context.clock().getTime();
  const { external_order_num: externalOrderNum, payment_deadline } = params.payment_data;
  for (const other of context.state.sessions.values()) {
    if (other.externalOrderNum === externalOrderNum) {
      throw invalidParameter(
        `payment_data.external_order_num "${externalOrderNum}" was already used by session ${other.id}; use one per session.`,
        "payment_data.external_order_num",
      );
    }
  }
  const paymentDeadline = payment_deadline === undefined ? null : Date.parse(payment_deadline);
  if (paymentDeadline !== null && paymentDeadline <= now) {
    throw invalidParameter(
      "payment_data.payment_deadline must lie in the future.",
      "payment_data.payment_deadline",
    );
  }
  const session: KomojuSessionRecord = {
    id: komojuId(),
    seq: context.state.nextSeq(),
    createdAt: now,
    expiresAt: now + params.expires_in_seconds * 1000,
    amount: params.amount,
    currency: params.currency,
    returnUrl: params.return_url,
    defaultLocale: params.default_locale,
    email: params.email ?? null,
    paymentTypes: params.payment_types,
    metadata: params.metadata,
    externalOrderNum,
    paymentDeadline,
    lineItems: params.line_items,
    status: "pending",
    expired: false,
    completedAt: null,
    cancelledAt: null,
    paymentId: null,
  };
  context.state.sessions.set(session.id, session);
  context.logger.info({ sessionId: session.id, amount: session.amount }, "komoju session created");
  return session;
}

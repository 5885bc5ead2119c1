/**
 * @module
 * Refunds of captured payments, in part or in full (`payment.refund.created`, and
 * `payment.refunded` once nothing is left). Konbini payments cannot be refunded this way: KOMOJU
 * needs a refund request with the shopper's bank account, so the sandbox answers 422
 * `refund_request_required`.
 */
import { KomojuApiError } from "../api/komoju-api-error";
import { komojuId } from "../state/komoju-ids";
import type { KomojuPaymentRecord } from "../state/komoju-records";
import type { KomojuContext } from "./komoju-context";
import { emitPaymentEvent } from "./komoju-payments";

/** Input of {@link refundKomojuPayment}. */
export interface KomojuRefundInput {
  /** Default: what is left. */
  readonly amount?: number | undefined;
  readonly description?: string | undefined;
}

/**
 * Refunds `payment`.
 *
 * @throws KomojuApiError 422 `refund_request_required` for konbini, `invalid_status` unless
 * captured, `invalid_parameter` for more than is left.
 */
export function refundKomojuPayment(
  context: KomojuContext,
  payment: KomojuPaymentRecord,
  input: KomojuRefundInput,
): void {
  if (payment.details.type === "konbini") {
    throw new KomojuApiError(
      422,
      "refund_request_required",
      "Konbini payments are refunded by a refund request with the customer's bank account, not by this endpoint.",
    );
  }
  if (payment.status !== "captured") {
    throw new KomojuApiError(
      422,
      "invalid_status",
      `Payment ${payment.id} is ${payment.status}; only a captured payment can be refunded.`,
    );
  }
  const left = payment.amount - payment.amountRefunded;
  const amount = input.amount ?? left;
  if (amount > left) {
    throw new KomojuApiError(
      422,
      "invalid_parameter",
      `amount ${amount} is more than the ${left} left to refund.`,
      "amount",
    );
  }
  payment.refunds.push({
    id: komojuId(),
    amount,
    description: input.description ?? null,
    createdAt: context.clock().getTime(),
  });
  payment.amountRefunded += amount;
  if (payment.amountRefunded === payment.amount) payment.status = "refunded";
  context.logger.info({ paymentId: payment.id, amount }, "komoju refund created");
  emitPaymentEvent(context, "payment.refund.created", payment);
  if (payment.status === "refunded") emitPaymentEvent(context, "payment.refunded", payment);
}

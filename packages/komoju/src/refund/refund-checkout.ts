/**
 * @module
 * Refunds all or part of a paid session through its payment
 * (`POST /api/v1/payments/{id}/refund`).
 */
import {
  isLinkpayError,
  LinkpayError,
  type ProviderCallOptions,
  type ProviderRefund,
  type RefundInput,
} from "@linkpay/core";
import * as z from "zod";
import { fetchSession } from "../checkout/fetch-session";
import { sessionAmount } from "../checkout/session-amount";
import { komojuIdempotencyKey } from "../client/idempotency-key";
import { pathOf } from "../client/komoju-client";
import type { KomojuContext } from "../client/komoju-context";
import { paymentSchema } from "../objects/komoju-schemas";
import { parseKomojuObject } from "../objects/parse-komoju-object";

const refundedPaymentSchema = paymentSchema.extend({
  refunds: z.array(z.looseObject({ id: z.string().min(1) })).min(1),
});

/** KOMOJU's answer for a payment it can only refund to a bank account (konbini). */
const REFUND_REQUEST_REQUIRED = "refund_request_required";

function refundNotSupported(paymentId: string): LinkpayError {
  return new LinkpayError(
    "REFUND_NOT_SUPPORTED",
    "KOMOJU cannot refund this payment through its API: a konbini payment is refunded to the " +
      "shopper's bank account, which needs a refund request (with the account details) made in " +
      "KOMOJU's dashboard",
    { details: { paymentId, reason: REFUND_REQUEST_REQUIRED } },
  );
}

/**
 * Finds the session's payment, then refunds `amount` with the caller's idempotency key.
 *
 * @throws LinkpayError INVALID_AMOUNT for a zero amount, CURRENCY_MISMATCH for another currency
 *   than the session's, PROVIDER_REJECTED for an unpaid session, REFUND_NOT_SUPPORTED for a
 *   konbini payment, and the mapped KOMOJU errors.
 */
export async function refundCheckout(
  context: KomojuContext,
  { providerSessionId, amount }: RefundInput,
  { idempotencyKey }: ProviderCallOptions,
): Promise<ProviderRefund> {
  const key = komojuIdempotencyKey(idempotencyKey);
  if (amount.amount < 1) {
    throw new LinkpayError("INVALID_AMOUNT", "A refund must be at least one minor unit", {
      details: { amount: amount.amount },
    });
  }
  const session = await fetchSession(context, providerSessionId);
  const paid = sessionAmount(session);
  if (paid.currency !== amount.currency) {
    throw new LinkpayError(
      "CURRENCY_MISMATCH",
      "The refund is in another currency than the payment",
      {
        details: { expected: paid.currency, actual: amount.currency },
      },
    );
  }
  const payment = session.payment;
  // `refunded` too: a retry of a full refund whose answer was lost finds the payment refunded,
  // and only KOMOJU's replay under the same key tells that this refund is the one that did it
  // (a new refund of a fully refunded payment is refused by KOMOJU itself).
  if (payment == null || (payment.status !== "captured" && payment.status !== "refunded")) {
    throw new LinkpayError("PROVIDER_REJECTED", "The KOMOJU session has no payment to refund", {
      details: { providerSessionId, paymentStatus: payment?.status ?? null },
    });
  }
  // KOMOJU's refund API pays back to the card or wallet; cash paid at a konbini can only go back
  // to a bank account through a refund request. Refused here, before any call, whatever KOMOJU's
  // own refusal code is (the sandbox answers `refund_request_required`, mapped below as well).
  if (payment.payment_details?.type === "konbini") throw refundNotSupported(payment.id);
  let json: unknown;
  try {
    json = await context.client({
      operation: "payments.refund",
      method: "POST",
      path: pathOf("payments", payment.id, "refund"),
      body: { amount: amount.amount },
      idempotencyKey: key,
    });
  } catch (error) {
    if (isLinkpayError(error) && error.details.code === REFUND_REQUEST_REQUIRED) {
      throw refundNotSupported(payment.id);
    }
    throw error;
  }
  const refunded = parseKomojuObject(refundedPaymentSchema, json, "payment", "api");
  const latest = refunded.refunds.at(-1);
  // KOMOJU refunds a card payment at once; the payment's amount_refunded already counts it.
  return { refundId: latest?.id ?? refunded.id, status: "succeeded" };
}

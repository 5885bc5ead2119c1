/**
 * @module
 * Refunds all or part of a paid Checkout Session through its payment intent.
 */
import {
  LinkpayError,
  type ProviderCallOptions,
  type ProviderRefund,
  type RefundInput,
} from "@linkpay/core";
import { sessionAmount } from "../checkout/session-amount";
import { assertIdempotencyKey } from "../client/idempotency-key";
import type { StripeContext } from "../client/stripe-context";
import { callStripe } from "../errors/map-stripe-error";
import { toStripeAmount } from "../money/stripe-units";
import { parseStripeObject } from "../stripe-objects/parse-stripe-object";
import { checkoutSessionSchema, idOf, refundSchema } from "../stripe-objects/stripe-object-schemas";

function refundStatus(status: string | null): ProviderRefund["status"] {
  if (status === "succeeded") return "succeeded";
  if (status === "failed" || status === "canceled") return "failed";
  // Konbini: Stripe e-mails the customer for the bank account to send the money to.
  if (status === "requires_action") return "requires_action";
  return "pending";
}

/**
 * Finds the session's payment intent, then `refunds.create({ payment_intent, amount })` with the
 * caller's idempotency key.
 *
 * @throws LinkpayError INVALID_AMOUNT for a zero amount, CURRENCY_MISMATCH for another currency
 *   than the session's, PROVIDER_REJECTED for an unpaid session, and the mapped Stripe errors.
 */
export async function refundCheckout(
  context: StripeContext,
  { providerSessionId, amount }: RefundInput,
  { idempotencyKey }: ProviderCallOptions,
): Promise<ProviderRefund> {
  assertIdempotencyKey(idempotencyKey);
  if (amount.amount < 1) {
    throw new LinkpayError("INVALID_AMOUNT", "A refund must be at least one minor unit", {
      details: { amount: amount.amount },
    });
  }
  const response = await callStripe("checkout.sessions.retrieve", () =>
    context.stripe.checkout.sessions.retrieve(providerSessionId),
  );
  const session = parseStripeObject(checkoutSessionSchema, response, "checkout session", "api");
  const paid = sessionAmount(session, "api");
  if (paid.currency !== amount.currency) {
    throw new LinkpayError(
      "CURRENCY_MISMATCH",
      "The refund is in another currency than the payment",
      {
        details: { expected: paid.currency, actual: amount.currency },
      },
    );
  }
  const paymentIntent = idOf(session.payment_intent);
  if (paymentIntent === null || session.payment_status !== "paid") {
    throw new LinkpayError("PROVIDER_REJECTED", "The Checkout Session has no payment to refund", {
      details: { providerSessionId, paymentStatus: session.payment_status },
    });
  }
  const created = await callStripe("refunds.create", () =>
    context.stripe.refunds.create(
      { payment_intent: paymentIntent, amount: toStripeAmount(amount, "amount") },
      { idempotencyKey },
    ),
  );
  const refund = parseStripeObject(refundSchema, created, "refund", "api");
  return { refundId: refund.id, status: refundStatus(refund.status) };
}

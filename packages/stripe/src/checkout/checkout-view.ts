/**
 * @module
 * Maps a Checkout Session (with its payment intent and latest charge expanded) onto linkpay's
 * states, for reconciliation and return pages.
 */
import { type CheckoutView, LinkpayError, type PaymentStatus } from "@linkpay/core";
import { fromStripeAmount } from "../money/stripe-units";
import type {
  StripeCharge,
  StripeCheckoutSession,
  StripePaymentIntent,
} from "../stripe-objects/stripe-object-schemas";
import { orderRefOf } from "./linkpay-metadata";
import { pendingPaymentOf } from "./pending-payment";
import { sessionAmount } from "./session-amount";

/** Payment intent states in which an unpaid session's payment attempt has failed. */
const FAILED_INTENT_STATUSES: ReadonlySet<string> = new Set([
  "canceled",
  "requires_payment_method",
]);

function expanded<T extends object>(value: string | T | null | undefined): T | null {
  return value === null || value === undefined || typeof value === "string" ? null : value;
}

function paidStatus(charge: StripeCharge | null): PaymentStatus {
  if (charge === null || charge.amount_refunded === 0) return "paid";
  return charge.refunded || charge.amount_refunded >= charge.amount
    ? "refunded"
    : "partially_refunded";
}

function statusOf(
  session: StripeCheckoutSession,
  intent: StripePaymentIntent | null,
  charge: StripeCharge | null,
): PaymentStatus {
  if (session.status === "open") return "open";
  if (session.status === "expired") return "expired";
  if (session.payment_status === "paid") return paidStatus(charge);
  if (session.payment_status === "unpaid") {
    // Konbini and other async methods complete the session unpaid; the money comes later.
    return intent !== null && FAILED_INTENT_STATUSES.has(intent.status) ? "failed" : "processing";
  }
  throw new LinkpayError(
    "PROVIDER_REJECTED",
    "The Checkout Session needs no payment; linkpay never creates such sessions",
    { details: { providerSessionId: session.id, paymentStatus: session.payment_status } },
  );
}

/** The CheckoutView of a session retrieved with `payment_intent.latest_charge` expanded. */
export function toCheckoutView(session: StripeCheckoutSession, provider: string): CheckoutView {
  const orderRef = orderRefOf(session);
  if (orderRef === null) {
    throw new LinkpayError(
      "PROVIDER_REJECTED",
      "The Checkout Session carries no linkpay order reference: it was not created by linkpay",
      { details: { providerSessionId: session.id } },
    );
  }
  const amount = sessionAmount(session, "api");
  const intent = expanded(session.payment_intent);
  const charge = expanded(intent?.latest_charge);
  const status = statusOf(session, intent, charge);
  return {
    provider,
    providerSessionId: session.id,
    orderRef,
    amount,
    status,
    refundedAmount: fromStripeAmount(
      { amount: charge?.amount_refunded ?? 0, currency: amount.currency },
      "api",
      "charge",
    ),
    expiresAt: new Date(session.expires_at * 1000),
    customerEmail: session.customer_email ?? session.customer_details?.email ?? undefined,
    pendingPayment: status === "processing" ? pendingPaymentOf(intent) : undefined,
    raw: session,
  };
}

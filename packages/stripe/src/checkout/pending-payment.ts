/**
 * @module
 * The konbini slip of a Checkout Session completed unpaid, read from its PaymentIntent's
 * `next_action.konbini_display_details` and mapped onto core's provider-neutral PendingPayment.
 */
import type { KonbiniStore, PendingPayment } from "@linkpay/core";
import type { StripePaymentIntent } from "../stripe-objects/stripe-object-schemas";

/** The pending konbini payment of `intent`, or undefined when it shows no slip. */
export function pendingPaymentOf(intent: StripePaymentIntent | null): PendingPayment | undefined {
  const details = intent?.next_action?.konbini_display_details;
  if (details === null || details === undefined) return undefined;
  const stores: KonbiniStore[] = [];
  for (const [chain, numbers] of Object.entries(details.stores ?? {})) {
    if (numbers === null || numbers === undefined) continue;
    stores.push({
      chain,
      paymentCode: numbers.payment_code ?? undefined,
      confirmationNumber: numbers.confirmation_number ?? undefined,
    });
  }
  return {
    method: "konbini",
    expiresAt: new Date(details.expires_at * 1000),
    instructionsUrl: details.hosted_voucher_url ?? undefined,
    stores,
  };
}

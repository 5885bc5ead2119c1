/**
 * @module
 * The konbini slip of an `authorized` KOMOJU payment, mapped onto core's PendingPayment.
 */
import type { PendingPayment } from "@linkpay/core";
import type { KomojuPayment } from "../objects/komoju-schemas";

/** The slip of a konbini payment waiting for the cash, or undefined when it shows none. */
export function pendingPaymentOf(
  payment: KomojuPayment | null | undefined,
): PendingPayment | undefined {
  const details = payment?.payment_details;
  if (details?.type !== "konbini" || !payment?.payment_deadline) return undefined;
  return {
    method: "konbini",
    expiresAt: new Date(payment.payment_deadline),
    instructionsUrl: details.instructions_url ?? undefined,
    stores: details.store
      ? [
          {
            chain: details.store,
            paymentCode: details.receipt ?? undefined,
            confirmationNumber: details.confirmation_code ?? undefined,
          },
        ]
      : [],
  };
}

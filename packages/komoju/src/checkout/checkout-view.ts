/**
 * @module
 * Maps a KOMOJU session onto a CheckoutView, for reconciliation and return pages.
 */
import { type CheckoutView, LinkpayError, money } from "@linkpay/core";
import type { KomojuSession } from "../objects/komoju-schemas";
import { linkpayReferencesOf, sessionExpiresAt } from "./linkpay-metadata";
import { pendingPaymentOf } from "./pending-payment";
import { sessionAmount } from "./session-amount";
import { sessionState } from "./session-state";

/** The CheckoutView of a session linkpay created; PROVIDER_REJECTED for anyone else's. */
export function toCheckoutView(session: KomojuSession, provider: string): CheckoutView {
  const references = linkpayReferencesOf(session);
  if (references === null) {
    throw new LinkpayError(
      "PROVIDER_REJECTED",
      "The KOMOJU session carries no linkpay references in its metadata: it was not created by linkpay",
      { details: { providerSessionId: session.id } },
    );
  }
  const amount = sessionAmount(session);
  const { status, refunded } = sessionState(session);
  return {
    provider,
    providerSessionId: session.id,
    orderRef: references.orderRef,
    amount,
    status,
    refundedAmount: money(refunded, amount.currency),
    // Every session linkpay makes carries its expiry in metadata; the epoch marks one that does not.
    expiresAt: sessionExpiresAt(session) ?? new Date(0),
    customerEmail: session.email ?? undefined,
    pendingPayment: status === "processing" ? pendingPaymentOf(session.payment) : undefined,
    raw: session,
  };
}

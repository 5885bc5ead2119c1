/**
 * @module
 * The one mapping of a KOMOJU session's CURRENT state onto linkpay: the status a CheckoutView
 * reports and the normalized event a webhook becomes. Webhooks are mapped from the re-fetched
 * session, never from their type, because KOMOJU deliveries carry no timestamp to limit replays,
 * arrive out of order, and `authorized` or `cancelled` may follow `captured`.
 */
import type { PaymentEventKind, PaymentStatus } from "@linkpay/core";
import type { KomojuSession } from "../objects/komoju-schemas";

/** A session's state in linkpay's terms; `kind` null: nothing to tell the core (still open). */
export interface SessionState {
  readonly status: PaymentStatus;
  readonly kind: PaymentEventKind | null;
  /** Refunded so far, in the session's currency's minor units. */
  readonly refunded: number;
}

const OPEN: SessionState = { status: "open", kind: null, refunded: 0 };

function state(status: PaymentStatus, kind: PaymentEventKind, refunded = 0): SessionState {
  return { status, kind, refunded };
}

function refundedState(session: KomojuSession, refunded: number): SessionState {
  if (refunded === 0) return state("paid", "payment.succeeded");
  const status = refunded >= session.amount ? "refunded" : "partially_refunded";
  return state(status, "payment.refunded", refunded);
}

/** Maps a session (with its payment) per the table in docs/providers/komoju.md. */
export function sessionState(session: KomojuSession): SessionState {
  const payment = session.payment ?? null;
  const paid = payment?.status === "captured" || payment?.status === "refunded";
  if (session.status === "cancelled" && !paid) return state("canceled", "checkout.canceled");
  switch (payment?.status) {
    case "captured":
      return refundedState(session, payment.amount_refunded ?? 0);
    case "refunded":
      return refundedState(session, payment.amount_refunded || session.amount);
    case "authorized":
      return state("processing", "payment.pending");
    case "expired":
      return state("expired", "checkout.expired");
    case "cancelled":
      return state("canceled", "checkout.canceled");
    case "failed":
      // A declined card leaves the session open: the shopper may try another card.
      if (session.status === "pending" && session.expired !== true) return OPEN;
      return state("failed", "payment.failed");
    default:
      return session.expired === true ? state("expired", "checkout.expired") : OPEN;
  }
}

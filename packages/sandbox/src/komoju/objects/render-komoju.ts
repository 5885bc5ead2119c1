/**
 * @module
 * Renders KOMOJU records as KOMOJU's session and payment objects.
 */
import type { KomojuContext } from "../operations/komoju-context";
import type { KomojuPaymentRecord, KomojuSessionRecord } from "../state/komoju-records";
import type {
  KomojuPaymentDetailsObject,
  KomojuPaymentObject,
  KomojuSessionObject,
} from "./komoju-shapes";

function iso(ms: number): string;
function iso(ms: number | null): string | null;
function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/** The hosted page of a session. */
export function komojuSessionUrl(baseUrl: string, sessionId: string): string {
  return `${baseUrl}/sessions/${sessionId}`;
}

/** The konbini slip page of a payment (its `instructions_url`). */
export function komojuSlipUrl(baseUrl: string, paymentId: string): string {
  return `${baseUrl}/slips/${paymentId}`;
}

/** The PayPay look-alike approval page of a payment. */
export function komojuWalletUrl(baseUrl: string, paymentId: string): string {
  return `${baseUrl}/wallet/paypay/${paymentId}`;
}

function details(baseUrl: string, payment: KomojuPaymentRecord): KomojuPaymentDetailsObject {
  const { details: own } = payment;
  switch (own.type) {
    case "credit_card":
      return {
        type: "credit_card",
        brand: own.brand,
        last_four_digits: own.lastDigits,
        month: own.month,
        year: own.year,
      };
    case "konbini":
      return {
        type: "konbini",
        store: own.store,
        receipt: own.receipt,
        confirmation_code: own.confirmationCode,
        instructions_url: komojuSlipUrl(baseUrl, payment.id),
      };
    case "paypay":
      return { type: "paypay", redirect_url: komojuWalletUrl(baseUrl, payment.id) };
  }
}

/** The payment object of `payment` (its session gives order number, metadata and locale). */
export function renderKomojuPayment(
  context: KomojuContext,
  payment: KomojuPaymentRecord,
): KomojuPaymentObject {
  const session = context.state.session(payment.sessionId);
  return {
    id: payment.id,
    resource: "payment",
    session: payment.sessionId,
    status: payment.status,
    amount: payment.amount,
    tax: 0,
    payment_method_fee: 0,
    total: payment.amount,
    currency: payment.currency,
    amount_refunded: payment.amountRefunded,
    payment_details: details(context.baseUrl(), payment),
    payment_deadline: iso(payment.paymentDeadline),
    captured_at: iso(payment.capturedAt),
    created_at: iso(payment.createdAt),
    external_order_num: session.externalOrderNum,
    metadata: { ...session.metadata },
    refunds: payment.refunds.map((refund) => ({
      id: refund.id,
      resource: "refund",
      amount: refund.amount,
      currency: payment.currency,
      payment: payment.id,
      description: refund.description,
      created_at: iso(refund.createdAt),
    })),
    locale: session.defaultLocale,
  };
}

/** The session object of `session`, with its latest payment. */
export function renderKomojuSession(
  context: KomojuContext,
  session: KomojuSessionRecord,
): KomojuSessionObject {
  const payment = context.state.latestPayment(session);
  return {
    id: session.id,
    resource: "session",
    mode: "payment",
    amount: session.amount,
    currency: session.currency,
    session_url: komojuSessionUrl(context.baseUrl(), session.id),
    return_url: session.returnUrl,
    default_locale: session.defaultLocale,
    email: session.email,
    payment_methods: session.paymentTypes.map((type) => ({ type })),
    status: session.status,
    expired: session.expired,
    created_at: iso(session.createdAt),
    expires_at: iso(session.expiresAt),
    completed_at: iso(session.completedAt),
    cancelled_at: iso(session.cancelledAt),
    metadata: { ...session.metadata },
    payment_data: {
      external_order_num: session.externalOrderNum,
      capture: "auto",
      payment_deadline: iso(session.paymentDeadline),
    },
    line_items: session.lineItems.map((item) => ({ ...item })),
    payment: payment === undefined ? null : renderKomojuPayment(context, payment),
  };
}

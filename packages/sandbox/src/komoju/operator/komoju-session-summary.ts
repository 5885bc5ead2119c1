/**
 * @module
 * The operator's view of a KOMOJU session: what a developer wants at a glance, in plain camelCase
 * JSON (the `/komoju/api/v1` API stays KOMOJU-shaped).
 */
import { komojuSessionUrl } from "../objects/render-komoju";
import type { KomojuContext } from "../operations/komoju-context";
import type {
  KomojuPaymentStatus,
  KomojuSessionRecord,
  KomojuSessionStatus,
} from "../state/komoju-records";

/** A KOMOJU session as the operator endpoints and the handle show it. */
export interface KomojuSessionSummary {
  readonly id: string;
  readonly status: KomojuSessionStatus;
  /** True once `expires_at` passed (or the operator expired it) while pending. */
  readonly expired: boolean;
  readonly amount: number;
  /** Upper case, as KOMOJU writes it. */
  readonly currency: string;
  readonly paymentTypes: readonly string[];
  readonly externalOrderNum: string;
  readonly returnUrl: string;
  /** The hosted page. */
  readonly url: string;
  /** ISO 8601. */
  readonly createdAt: string;
  /** ISO 8601. */
  readonly expiresAt: string;
  /** The latest payment, if any. */
  readonly payment: {
    readonly id: string;
    readonly status: KomojuPaymentStatus;
    readonly type: "credit_card" | "konbini" | "paypay";
    readonly amountRefunded: number;
    /** Konbini: the slip's deadline (ISO 8601). */
    readonly paymentDeadline: string | null;
  } | null;
}

/** The summary of `session`. */
export function summarizeKomoju(
  context: KomojuContext,
  session: KomojuSessionRecord,
): KomojuSessionSummary {
  const payment = context.state.latestPayment(session);
  return {
    id: session.id,
    status: session.status,
    expired: session.expired,
    amount: session.amount,
    currency: session.currency,
    paymentTypes: [...session.paymentTypes],
    externalOrderNum: session.externalOrderNum,
    returnUrl: session.returnUrl,
    url: komojuSessionUrl(context.baseUrl(), session.id),
    createdAt: new Date(session.createdAt).toISOString(),
    expiresAt: new Date(session.expiresAt).toISOString(),
    payment:
      payment === undefined
        ? null
        : {
            id: payment.id,
            status: payment.status,
            type: payment.details.type,
            amountRefunded: payment.amountRefunded,
            paymentDeadline:
              payment.paymentDeadline === null
                ? null
                : new Date(payment.paymentDeadline).toISOString(),
          },
  };
}

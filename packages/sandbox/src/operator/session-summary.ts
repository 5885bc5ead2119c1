/**
 * @module
 * The operator's view of a session: what a developer wants to see at a glance, in plain
 * camelCase JSON (the `/v1` API stays Stripe-shaped).
 */
import type { SessionFaultSettings } from "../faults/fault-settings";
import { hostedPageUrl } from "../objects/render-session";
import type { SandboxContext } from "../operations/sandbox-context";
import type { SessionRecord } from "../state/records";

/** A session as the operator endpoints and methods show it. */
export interface SessionSummary {
  readonly id: string;
  readonly status: "open" | "complete" | "expired";
  readonly paymentStatus: "unpaid" | "paid";
  readonly amountTotal: number;
  /** Lower case, as Stripe writes it. */
  readonly currency: string;
  readonly paymentMethodTypes: readonly string[];
  /** `payment_method_options.konbini.expires_after_days` as requested (null: not given). */
  readonly konbiniExpiresAfterDays: number | null;
  readonly clientReferenceId: string | null;
  readonly paymentIntentId: string | null;
  readonly paymentIntentStatus: string | null;
  /** ISO 8601. */
  readonly createdAt: string;
  /** ISO 8601. */
  readonly expiresAt: string;
  /** The hosted payment page (while open). */
  readonly url: string | null;
  readonly konbini: {
    readonly confirmationNumber: string;
    readonly state: "pending" | "paid" | "expired";
    /** ISO 8601. */
    readonly expiresAt: string;
  } | null;
  /** Faults set for this session only. */
  readonly faults: SessionFaultSettings | null;
  /** Refunded so far, in Stripe's minor units (the charge's `amount_refunded`; 0 unpaid). */
  readonly amountRefunded: number;
  /** How often the API was asked for this session (`GET /v1/checkout/sessions/:id`). */
  readonly retrievals: number;
  /** ISO 8601: when the API was last asked for it; null if never. */
  readonly lastRetrievedAt: string | null;
}

function iso(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString();
}

/** The summary of `session`. */
export function summarize(
  context: SandboxContext,
  session: SessionRecord,
  faults: SessionFaultSettings | undefined,
): SessionSummary {
  const intent =
    session.paymentIntentId === null
      ? undefined
      : context.state.paymentIntents.get(session.paymentIntentId);
  const voucher = session.konbini;
  return {
    id: session.id,
    status: session.status,
    paymentStatus: session.paymentStatus,
    amountTotal: session.amountTotal,
    currency: session.currency,
    paymentMethodTypes: [...session.paymentMethodTypes],
    konbiniExpiresAfterDays: session.konbiniExpiresAfterDays,
    clientReferenceId: session.clientReferenceId,
    paymentIntentId: session.paymentIntentId,
    paymentIntentStatus: intent?.status ?? null,
    createdAt: iso(session.created),
    expiresAt: iso(session.expiresAt),
    url: session.status === "open" ? hostedPageUrl(context.origin(), session.id) : null,
    konbini:
      voucher === null
        ? null
        : {
            confirmationNumber: voucher.confirmationNumber,
            state: voucher.state,
            expiresAt: iso(voucher.expiresAt),
          },
    faults: faults ?? null,
    amountRefunded:
      intent?.latestChargeId == null
        ? 0
        : (context.state.charges.get(intent.latestChargeId)?.amountRefunded ?? 0),
    retrievals: session.retrievals,
    lastRetrievedAt:
      session.lastRetrievedAt === null ? null : new Date(session.lastRetrievedAt).toISOString(),
  };
}

/**
 * @module
 * The checks' one view of the provider's records, whichever provider the run uses: a Stripe
 * sandbox session (its operator summary) or a KOMOJU sandbox session (read back through the
 * sandbox's KOMOJU API, so the view rests on the documented wire objects, not on the sandbox's
 * internals). The invariants compare the database against these, never against what the app
 * says about itself.
 */
import type { Sandbox, SessionSummary } from "@linkpay/sandbox";

/** One checkout session as the provider sees it. */
export interface PspSession {
  readonly id: string;
  /** The booking reference the session was made for (linkpay's order reference). */
  readonly reference: string;
  /** The money was taken (refunds later do not undo this). */
  readonly paid: boolean;
  /** Paid by card (not a konbini slip): the ones operators can refund. */
  readonly byCard: boolean;
  /** Closed unpaid: the session expired or was cancelled, or its konbini slip expired. */
  readonly closed: boolean;
  readonly amountTotal: number;
  readonly amountRefunded: number;
}

/** The Stripe sandbox's sessions. */
export function stripeSessions(sessions: readonly SessionSummary[]): PspSession[] {
  return sessions.map((session) => ({
    id: session.id,
    reference: session.clientReferenceId ?? "",
    paid: session.paymentStatus === "paid",
    byCard: session.konbini === null,
    closed: session.status === "expired" || session.konbini?.state === "expired",
    amountTotal: session.amountTotal,
    amountRefunded: session.amountRefunded,
  }));
}

/** The part of KOMOJU's session object (`GET /api/v1/sessions/{id}`) the checks read. */
interface KomojuSessionObject {
  readonly id: string;
  readonly amount: number;
  readonly status: "pending" | "completed" | "cancelled";
  readonly expired: boolean;
  readonly metadata: Readonly<Record<string, string>> | null;
  readonly payment: {
    readonly status: string;
    readonly amount_refunded: number;
    readonly payment_details: { readonly type: string } | null;
  } | null;
}

/** One KOMOJU session object, read from the sandbox's KOMOJU API with the run's secret key. */
export async function komojuSession(
  baseUrl: string,
  secretKey: string,
  id: string,
): Promise<KomojuSessionObject> {
  const response = await fetch(`${baseUrl}/api/v1/sessions/${encodeURIComponent(id)}`, {
    headers: { authorization: `Basic ${Buffer.from(`${secretKey}:`).toString("base64")}` },
  });
  if (!response.ok) throw new Error(`GET session ${id} answered ${response.status}`);
  return (await response.json()) as KomojuSessionObject;
}

/** Maps a KOMOJU session object the way the adapter maps it to linkpay's statuses. */
export function fromKomoju(session: KomojuSessionObject): PspSession {
  const payment = session.payment;
  const status = payment?.status;
  const paid = status === "captured" || status === "refunded";
  const unpaidExpired =
    session.expired && (payment === null || status === "pending" || status === "failed");
  return {
    id: session.id,
    reference: session.metadata?.linkpay_order_ref ?? "",
    paid,
    byCard: payment?.payment_details?.type === "credit_card",
    closed:
      !paid &&
      (status === "expired" ||
        status === "cancelled" ||
        session.status === "cancelled" ||
        unpaidExpired),
    amountTotal: session.amount,
    amountRefunded: payment?.amount_refunded ?? 0,
  };
}

/** Every KOMOJU session of the sandbox, read back through its API (a few at a time). */
export async function komojuSessions(sandbox: Sandbox, secretKey: string): Promise<PspSession[]> {
  const ids = sandbox.komoju.sessions().map((session) => session.id);
  const found: PspSession[] = [];
  for (let start = 0; start < ids.length; start += 16) {
    const batch = ids.slice(start, start + 16);
    const objects = await Promise.all(
      batch.map((id) => komojuSession(sandbox.komoju.baseUrl, secretKey, id)),
    );
    found.push(...objects.map(fromKomoju));
  }
  return found;
}

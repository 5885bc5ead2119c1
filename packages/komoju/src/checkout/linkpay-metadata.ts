/**
 * @module
 * linkpay's references carried through KOMOJU in the session's metadata: the order reference,
 * the attempt id, and when the session stops taking payment (KOMOJU's published session object
 * has `created_at` and an `expired` flag but no `expires_at`, so linkpay keeps the moment it asked
 * for). A session without them was made by another integration on the account.
 */
import type { KomojuSession } from "../objects/komoju-schemas";

/** Metadata keys linkpay writes on sessions. */
export const LINKPAY_METADATA_KEYS = {
  orderRef: "linkpay_order_ref",
  attemptId: "linkpay_attempt_id",
  expiresAt: "linkpay_expires_at",
} as const;

/** The merchant's metadata plus linkpay's references (linkpay's keys win). */
export function linkpayMetadata(input: {
  readonly metadata: Readonly<Record<string, string>>;
  readonly orderRef: string;
  readonly attemptId: string;
  readonly expiresAt: Date;
}): Record<string, string> {
  return {
    ...input.metadata,
    [LINKPAY_METADATA_KEYS.orderRef]: input.orderRef,
    [LINKPAY_METADATA_KEYS.attemptId]: input.attemptId,
    [LINKPAY_METADATA_KEYS.expiresAt]: input.expiresAt.toISOString(),
  };
}

/**
 * When the session stops taking payment: KOMOJU's `expires_at` when it sends one, else the moment
 * linkpay asked for (in metadata), else undefined (a session linkpay did not make).
 */
export function sessionExpiresAt(
  session: Pick<KomojuSession, "expires_at" | "metadata">,
): Date | undefined {
  const stated = session.expires_at ?? session.metadata?.[LINKPAY_METADATA_KEYS.expiresAt];
  if (typeof stated !== "string") return undefined;
  const at = new Date(stated);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

/** linkpay's references on a session, or null when the session is not linkpay's. */
export function linkpayReferencesOf(
  session: Pick<KomojuSession, "metadata">,
): { readonly orderRef: string; readonly attemptId: string } | null {
  const orderRef = session.metadata?.[LINKPAY_METADATA_KEYS.orderRef];
  const attemptId = session.metadata?.[LINKPAY_METADATA_KEYS.attemptId];
  if (typeof orderRef !== "string" || orderRef === "") return null;
  if (typeof attemptId !== "string" || attemptId === "") return null;
  return { orderRef, attemptId };
}

/**
 * @module
 * linkpay's references carried through Stripe: the order reference and the attempt id, in
 * `client_reference_id` and in the session's and payment intent's metadata.
 */
import type { StripeCheckoutSession } from "../stripe-objects/stripe-object-schemas";

/** Metadata keys linkpay writes on sessions and payment intents. */
export const LINKPAY_METADATA_KEYS = {
  orderRef: "linkpay_order_ref",
  attemptId: "linkpay_attempt_id",
} as const;

/** The merchant's metadata plus linkpay's references (linkpay's keys win). */
export function linkpayMetadata(input: {
  readonly metadata: Readonly<Record<string, string>>;
  readonly orderRef: string;
  readonly attemptId: string;
}): Record<string, string> {
  return {
    ...input.metadata,
    [LINKPAY_METADATA_KEYS.orderRef]: input.orderRef,
    [LINKPAY_METADATA_KEYS.attemptId]: input.attemptId,
  };
}

/**
 * The order reference of a session linkpay created, or null for a session that is not ours
 * (created by another integration on the same Stripe account).
 */
export function orderRefOf(
  session: Pick<StripeCheckoutSession, "metadata" | "client_reference_id">,
): string | null {
  const fromMetadata = session.metadata?.[LINKPAY_METADATA_KEYS.orderRef];
  if (fromMetadata) return fromMetadata;
  return session.client_reference_id || null;
}

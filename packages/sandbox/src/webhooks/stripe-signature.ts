/**
 * @module
 * Stripe's webhook signature: `Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>`, keyed
 * with the whole `whsec_…` string, over `<t>.<raw body>`.
 */
import { signTimestampedHmac } from "@linkpay/core/provider-kit";
import { randomAlphanumeric } from "../ids/new-id";

/** Input of {@link stripeSignatureHeader}. */
export interface StripeSignatureInput {
  /** The exact body that is sent. */
  readonly payload: string;
  /** The endpoint's `whsec_…` secret. */
  readonly secret: string;
  /** Signing time in unix seconds. */
  readonly timestamp: number;
}

/**
 * The `Stripe-Signature` header value for `payload`, as Stripe computes it.
 *
 * @example
 * stripeSignatureHeader({ payload, secret: "whsec_…", timestamp: 1_700_000_000 });
 * // "t=1700000000,v1=5f1c…"
 */
export function stripeSignatureHeader({
  payload,
  secret,
  timestamp,
}: StripeSignatureInput): string {
  const v1 = signTimestampedHmac({ rawBody: payload, timestamp, secret, encoding: "hex" });
  return `t=${timestamp},v1=${v1}`;
}

/** A fresh secret no endpoint knows, for the `badSignature` fault. */
export function wrongSecret(): string {
  return `whsec_${randomAlphanumeric(32)}`;
}

/**
 * @module
 * A test signer that writes the `Stripe-Signature` header exactly as Stripe does, written
 * independently of the SDK (core's timestamped HMAC: hex HMAC-SHA256 of `t.body`, keyed with
 * the whole `whsec_…` string).
 */
import { LinkpayError } from "@linkpay/core";
import { signTimestampedHmac } from "@linkpay/core/provider-kit";

/** Input of {@link signStripeWebhook}. */
export interface SignStripeWebhookInput {
  /** The exact body that will be sent. */
  readonly payload: string | Uint8Array;
  /** The endpoint's signing secret (`whsec_…`). */
  readonly secret: string;
  /** The signing time; default now. A Date is floored to whole seconds. */
  readonly timestamp?: number | Date | undefined;
}

function unixSeconds(timestamp: number | Date | undefined): number {
  if (timestamp === undefined) return Math.floor(Date.now() / 1000);
  if (timestamp instanceof Date) {
    const ms = timestamp.getTime();
    if (Number.isNaN(ms)) throw new LinkpayError("CONFIG_INVALID", "timestamp is an invalid Date");
    return Math.floor(ms / 1000);
  }
  return timestamp;
}

/**
 * The `Stripe-Signature` header value (`t=…,v1=…`) for a body, for tests, demos and the sandbox.
 *
 * @example
 * const body = JSON.stringify(event);
 * const headers = { "stripe-signature": signStripeWebhook({ payload: body, secret }) };
 * await provider.parseWebhook({ rawBody: body, headers });
 */
export function signStripeWebhook({ payload, secret, timestamp }: SignStripeWebhookInput): string {
  const t = unixSeconds(timestamp);
  const v1 = signTimestampedHmac({ rawBody: payload, timestamp: t, secret, encoding: "hex" });
  return `t=${t},v1=${v1}`;
}

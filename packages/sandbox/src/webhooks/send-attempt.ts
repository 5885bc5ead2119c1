/**
 * @module
 * One signed delivery attempt: the event serialized as Stripe sends it (pretty-printed JSON),
 * signed at send time (each retry carries a fresh timestamp), posted, and timed.
 */
import { type Clock, unixSeconds } from "../clock/clock";
import type { EventObject } from "../objects/stripe-shapes";
import type { DeliveryAttempt } from "./delivery-record";
import { describeFailure, postWebhook } from "./post-webhook";
import { stripeSignatureHeader, wrongSecret } from "./stripe-signature";

/** Input of {@link sendAttempt}. */
export interface SendAttemptInput {
  readonly url: string;
  readonly secret: string;
  readonly event: EventObject;
  /** Sign with a random secret instead (the `badSignature` fault). */
  readonly badSignature: boolean;
  /** 1 for the first attempt. */
  readonly number: number;
  readonly timeoutMs: number;
  readonly clock: Clock;
  readonly signal: AbortSignal;
}

/** Sends one attempt and describes how it went; never rejects. */
export async function sendAttempt(input: SendAttemptInput): Promise<DeliveryAttempt> {
  const { event, badSignature, clock } = input;
  const payload = JSON.stringify(event, null, 2);
  const secret = badSignature ? wrongSecret() : input.secret;
  const timestamp = unixSeconds(clock);
  const startedAt = clock().toISOString();
  const started = performance.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    statusCode = await postWebhook({
      url: input.url,
      body: payload,
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
        "Stripe-Signature": stripeSignatureHeader({ payload, secret, timestamp }),
      },
      timeoutMs: input.timeoutMs,
      signal: input.signal,
    });
  } catch (failure) {
    error = describeFailure(failure);
  }
  return {
    number: input.number,
    startedAt,
    durationMs: Math.round(performance.now() - started),
    statusCode,
    error,
    signature: badSignature ? "invalid" : "valid",
  };
}

/** True for a 2xx answer, the only one Stripe counts as delivered. */
export function acknowledged(attempt: DeliveryAttempt): boolean {
  return attempt.statusCode !== null && attempt.statusCode >= 200 && attempt.statusCode < 300;
}

/**
 * @module
 * One signed delivery attempt: the provider's signer writes the request at send time (Stripe's
 * retries carry a fresh timestamp), then it is posted and timed.
 */
import type { Clock } from "../clock/clock";
import type { DeliveryAttempt } from "./delivery-record";
import { describeFailure, postWebhook } from "./post-webhook";
import type { OutgoingEvent, WebhookSigner } from "./webhook-signer";

/** Input of {@link sendAttempt}. */
export interface SendAttemptInput<E extends OutgoingEvent> {
  readonly url: string;
  readonly secret: string;
  readonly event: E;
  readonly signer: WebhookSigner<E>;
  readonly deliveryId: string;
  /** Sign with a random secret instead (the `badSignature` fault). */
  readonly badSignature: boolean;
  /** 1 for the first attempt. */
  readonly number: number;
  readonly timeoutMs: number;
  readonly clock: Clock;
  readonly signal: AbortSignal;
}

/** Sends one attempt and describes how it went; never rejects. */
export async function sendAttempt<E extends OutgoingEvent>(
  input: SendAttemptInput<E>,
): Promise<DeliveryAttempt> {
  const { event, signer, badSignature, clock } = input;
  const secret = badSignature ? signer.wrongSecret() : input.secret;
  const { body, headers } = signer.request({
    event,
    secret,
    deliveryId: input.deliveryId,
    clock,
  });
  const startedAt = clock().toISOString();
  const started = performance.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    statusCode = await postWebhook({
      url: input.url,
      body,
      headers,
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

/** True for a 2xx answer, the only one Stripe and KOMOJU count as delivered. */
export function acknowledged(attempt: DeliveryAttempt): boolean {
  return attempt.statusCode !== null && attempt.statusCode >= 200 && attempt.statusCode < 300;
}

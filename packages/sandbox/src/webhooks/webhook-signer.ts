/**
 * @module
 * How a provider writes one webhook request: the body as it serializes events and the headers
 * that sign it. The delivery engine is provider-neutral; Stripe and KOMOJU each bring a signer.
 */
import type { Clock } from "../clock/clock";

/** What the delivery engine needs to know of any event. */
export interface OutgoingEvent {
  readonly id: string;
  readonly type: string;
}

/** Input of {@link WebhookSigner.request}. */
export interface SignInput<E extends OutgoingEvent> {
  readonly event: E;
  /** The secret to sign with (a wrong one under the `badSignature` fault). */
  readonly secret: string;
  /** The delivery's id (KOMOJU sends it in `X-Komoju-ID`). */
  readonly deliveryId: string;
  /** Signing time comes from here (Stripe signs each attempt with a fresh timestamp). */
  readonly clock: Clock;
}

/** The body and headers of one attempt. */
export interface SignedRequest {
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** One provider's way of serializing and signing webhook requests. */
export interface WebhookSigner<E extends OutgoingEvent> {
  /** The request of one attempt, signed with `secret`. */
  request(input: SignInput<E>): SignedRequest;
  /** A fresh secret no endpoint knows, for the `badSignature` fault. */
  wrongSecret(): string;
}

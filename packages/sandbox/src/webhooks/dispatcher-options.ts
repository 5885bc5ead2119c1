/**
 * @module
 * What the webhook dispatcher is configured with: endpoints, retry policy and its collaborators.
 */
import type { Logger } from "@linkpay/core";
import type { Clock } from "../clock/clock";
import type { FaultState } from "../faults/fault-state";
import type { OutgoingEvent, WebhookSigner } from "./webhook-signer";

/** A validated webhook endpoint. */
export interface WebhookEndpoint {
  readonly url: string;
  readonly secret: string;
  readonly enabledEvents: readonly string[];
}

/** Retry policy. */
export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly timeoutMs: number;
}

/** An event with the session it belongs to (faults and the delivery log are per session). */
export interface SessionEvent<E extends OutgoingEvent> {
  readonly event: E;
  readonly sessionId: string;
}

/** Where events come from: the provider's event log. */
export interface EventSource<E extends OutgoingEvent> {
  onEvent(listener: (stored: SessionEvent<E>) => void): void;
}

/** What {@link WebhookDispatcher} needs. */
export interface DispatcherOptions<E extends OutgoingEvent> {
  readonly endpoints: readonly WebhookEndpoint[];
  readonly retry: RetryPolicy;
  readonly faults: FaultState;
  readonly events: EventSource<E>;
  /** The provider's request format and signature. */
  readonly signer: WebhookSigner<E>;
  readonly clock: Clock;
  readonly logger: Logger;
}

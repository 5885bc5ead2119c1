/**
 * @module
 * What the webhook dispatcher is configured with: endpoints, retry policy and its collaborators.
 */
import type { Logger } from "@linkpay/core";
import type { Clock } from "../clock/clock";
import type { EventLog } from "../events/event-log";
import type { FaultState } from "../faults/fault-state";

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

/** What {@link WebhookDispatcher} needs. */
export interface DispatcherOptions {
  readonly endpoints: readonly WebhookEndpoint[];
  readonly retry: RetryPolicy;
  readonly faults: FaultState;
  readonly events: EventLog;
  readonly clock: Clock;
  readonly logger: Logger;
}

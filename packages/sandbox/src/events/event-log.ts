/**
 * @module
 * The event log: every event the sandbox emits, kept for `GET /v1/events` (the merchant's way to
 * reconcile dropped webhooks) and handed to the webhook dispatcher as it is emitted.
 */
import { type Clock, unixSeconds } from "../clock/clock";
import { newId } from "../ids/new-id";
import type { EventDataObject, EventObject } from "../objects/stripe-shapes";
import { SANDBOX_API_VERSION } from "./api-version";

/** The event types the sandbox emits. */
export type SandboxEventType =
  | "checkout.session.completed"
  | "checkout.session.async_payment_succeeded"
  | "checkout.session.async_payment_failed"
  | "checkout.session.expired"
  | "payment_intent.created"
  | "payment_intent.requires_action"
  | "payment_intent.payment_failed"
  | "payment_intent.succeeded"
  | "payment_intent.canceled"
  | "charge.succeeded"
  | "charge.failed"
  | "charge.refunded"
  | "refund.created";

/** The API request that caused an event (`request` in Stripe's event), or nulls if none did. */
export interface EventCause {
  readonly requestId: string | null;
  readonly idempotencyKey: string | null;
}

/** An event caused by the shopper, the clock or an operator rather than an API request. */
export const AUTOMATIC_CAUSE: EventCause = { requestId: null, idempotencyKey: null };

/** An event with what the sandbox needs to route it. */
export interface StoredEvent {
  readonly event: EventObject;
  readonly seq: number;
  /** The checkout session the event belongs to (faults are set per session). */
  readonly sessionId: string;
}

/** Called for each new event. */
export type EventListener = (stored: StoredEvent) => void;

/** Every event emitted, oldest first, with listeners for new ones. */
export class EventLog {
  readonly #events: StoredEvent[] = [];
  readonly #byId = new Map<string, StoredEvent>();
  readonly #listeners: EventListener[] = [];
  readonly #clock: Clock;
  readonly #endpointsFor: (type: string) => number;

  /** `endpointsFor` counts the webhook endpoints an event type is sent to (`pending_webhooks`). */
  constructor(clock: Clock, endpointsFor: (type: string) => number) {
    this.#clock = clock;
    this.#endpointsFor = endpointsFor;
  }

  /** Records an event about `object` and hands it to the listeners; returns it. */
  emit(
    type: SandboxEventType,
    object: EventDataObject,
    sessionId: string,
    cause: EventCause,
  ): EventObject {
    const event: EventObject = {
      id: newId("event"),
      object: "event",
      api_version: SANDBOX_API_VERSION,
      created: unixSeconds(this.#clock),
      data: { object },
      livemode: false,
      pending_webhooks: this.#endpointsFor(type),
      request: { id: cause.requestId, idempotency_key: cause.idempotencyKey },
      type,
    };
    const stored: StoredEvent = { event, seq: this.#events.length + 1, sessionId };
    this.#events.push(stored);
    this.#byId.set(event.id, stored);
    for (const listener of this.#listeners) listener(stored);
    return event;
  }

  /** Registers a listener for new events. */
  onEvent(listener: EventListener): void {
    this.#listeners.push(listener);
  }

  /** Every event, newest first. */
  newestFirst(): StoredEvent[] {
    return [...this.#events].reverse();
  }

  /** The event with this id, if any. */
  get(id: string): StoredEvent | undefined {
    return this.#byId.get(id);
  }
}

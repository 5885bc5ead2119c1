/**
 * @module
 * The KOMOJU event log: every payment event, kept for `GET /komoju/api/v1/events` (how a merchant
 * reconciles missed webhooks) and handed to the KOMOJU webhook dispatcher as it is emitted.
 */
import type { Clock } from "../../clock/clock";
import type { SessionEvent } from "../../webhooks/dispatcher-options";
import type {
  KomojuEvent,
  KomojuEventType,
  KomojuPaymentEvent,
  KomojuPaymentObject,
} from "../objects/komoju-shapes";
import { komojuId } from "./komoju-ids";

/** An event with the session it belongs to. */
export interface StoredKomojuEvent extends SessionEvent<KomojuEvent> {
  readonly event: KomojuPaymentEvent;
  /** When it was emitted (unix ms), for the `start_time`/`end_time` filters. */
  readonly at: number;
}

/** Every KOMOJU event emitted, oldest first, with listeners for new ones. */
export class KomojuEventLog {
  readonly #events: StoredKomojuEvent[] = [];
  readonly #listeners: ((stored: StoredKomojuEvent) => void)[] = [];
  readonly #clock: Clock;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /** Records an event carrying a snapshot of `payment` and hands it to the listeners. */
  emit(type: KomojuEventType, payment: KomojuPaymentObject): KomojuPaymentEvent {
    const now = this.#clock();
    const event: KomojuPaymentEvent = {
      id: komojuId(),
      type,
      resource: "event",
      data: payment,
      created_at: now.toISOString(),
      reason: null,
    };
    const stored = { event, sessionId: payment.session, at: now.getTime() };
    this.#events.push(stored);
    for (const listener of this.#listeners) listener(stored);
    return event;
  }

  /** Registers a listener for new events. */
  onEvent(listener: (stored: StoredKomojuEvent) => void): void {
    this.#listeners.push(listener);
  }

  /** Every event, newest first. */
  newestFirst(): StoredKomojuEvent[] {
    return [...this.#events].reverse();
  }

  /** The event with this id, if any. */
  get(id: string): StoredKomojuEvent | undefined {
    return this.#events.find((stored) => stored.event.id === id);
  }
}

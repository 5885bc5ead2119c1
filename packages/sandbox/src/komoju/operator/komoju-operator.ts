/**
 * @module
 * What an operator can do to the KOMOJU mode, shared by `/_sandbox/komoju` and the handle's
 * `sandbox.komoju`: list sessions, expire them, settle konbini slips, ping the webhook endpoints
 * and read the KOMOJU delivery log. Unknown ids throw KOMOJU's 404.
 */
import type { DeliveryFilter, DeliveryRecord } from "../../webhooks/delivery-record";
import type { WebhookDispatcher } from "../../webhooks/webhook-dispatcher";
import type { KomojuEvent } from "../objects/komoju-shapes";
import type { KomojuContext } from "../operations/komoju-context";
import { markKomojuKonbiniExpired, markKomojuKonbiniPaid } from "../operations/komoju-konbini";
import { expireKomojuSession } from "../operations/komoju-session-lifecycle";
import { komojuId } from "../state/komoju-ids";
import type { KomojuSessionRecord } from "../state/komoju-records";
import { type KomojuSessionSummary, summarizeKomoju } from "./komoju-session-summary";

/** Operator actions on the KOMOJU mode. */
export class KomojuOperator {
  readonly #context: KomojuContext;
  readonly #dispatcher: WebhookDispatcher<KomojuEvent>;

  constructor(context: KomojuContext, dispatcher: WebhookDispatcher<KomojuEvent>) {
    this.#context = context;
    this.#dispatcher = dispatcher;
  }

  /** Every KOMOJU session, newest first. */
  sessions(): KomojuSessionSummary[] {
    return this.#context.state
      .sessionsNewestFirst()
      .map((session) => summarizeKomoju(this.#context, session));
  }

  /** Expires a session now (no event; an unpaid konbini slip → `payment.expired`). */
  expire(sessionId: string): KomojuSessionSummary {
    return this.#act(sessionId, (session) => expireKomojuSession(this.#context, session));
  }

  /** The shopper paid the konbini slip: `payment.captured`. */
  konbiniPaid(sessionId: string): KomojuSessionSummary {
    return this.#act(sessionId, (session) => markKomojuKonbiniPaid(this.#context, session));
  }

  /** The konbini slip expired unpaid: `payment.expired`. */
  konbiniExpired(sessionId: string): KomojuSessionSummary {
    return this.#act(sessionId, (session) => markKomojuKonbiniExpired(this.#context, session));
  }

  /** Sends a `ping` to every KOMOJU endpoint (as KOMOJU does when a webhook is created). */
  sendPing(): void {
    this.#dispatcher.announce({
      id: komojuId(),
      type: "ping",
      resource: "event",
      data: {},
      created_at: this.#context.clock().toISOString(),
    });
  }

  /** The KOMOJU delivery log, oldest first. */
  deliveries(filter: DeliveryFilter = {}): DeliveryRecord[] {
    return this.#dispatcher
      .list()
      .filter(
        (delivery) =>
          (filter.eventId === undefined || delivery.eventId === filter.eventId) &&
          (filter.sessionId === undefined || delivery.sessionId === filter.sessionId),
      );
  }

  #act(sessionId: string, action: (session: KomojuSessionRecord) => void): KomojuSessionSummary {
    const session = this.#context.state.session(sessionId);
    action(session);
    return summarizeKomoju(this.#context, session);
  }
}

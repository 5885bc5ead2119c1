/**
 * @module
 * What an operator can do to a running sandbox, shared by the `/_sandbox` endpoints, the
 * sandbox handle and (over HTTP) the CLI: inspect sessions and deliveries, settle konbini
 * payments, expire sessions, resend deliveries and switch faults.
 */
import { parseParams } from "../api/zod-to-stripe-error";
import {
  type GlobalFaults,
  globalFaultsSchema,
  sessionFaultsSchema,
} from "../faults/fault-settings";
import type { FaultState } from "../faults/fault-state";
import type { EventObject } from "../objects/stripe-shapes";
import { expireSession } from "../operations/expire-session";
import { markKonbiniExpired, markKonbiniPaid } from "../operations/konbini";
import type { SandboxContext } from "../operations/sandbox-context";
import { newestFirst } from "../state/sandbox-state";
import type { DeliveryFilter, DeliveryRecord } from "../webhooks/delivery-record";
import type { WebhookDispatcher } from "../webhooks/webhook-dispatcher";
import { type SessionSummary, summarize } from "./session-summary";

/** Operator actions on one sandbox. Unknown ids throw a 404 `SandboxApiError`. */
export class OperatorActions {
  readonly #context: SandboxContext;
  readonly #faults: FaultState;
  readonly #dispatcher: WebhookDispatcher<EventObject>;

  constructor(
    context: SandboxContext,
    faults: FaultState,
    dispatcher: WebhookDispatcher<EventObject>,
  ) {
    this.#context = context;
    this.#faults = faults;
    this.#dispatcher = dispatcher;
  }

  /** Every session, newest first. */
  sessions(): SessionSummary[] {
    return newestFirst(this.#context.state.sessions).map((session) => this.#summary(session.id));
  }

  /** Expires an open session now (`checkout.session.expired`). */
  expire(sessionId: string): SessionSummary {
    expireSession(this.#context, this.#context.state.session(sessionId));
    return this.#summary(sessionId);
  }

  /** Marks a pending konbini payment paid (`checkout.session.async_payment_succeeded`). */
  konbiniPaid(sessionId: string): SessionSummary {
    markKonbiniPaid(this.#context, this.#context.state.session(sessionId));
    return this.#summary(sessionId);
  }

  /** Marks a pending konbini slip expired (`checkout.session.async_payment_failed`). */
  konbiniExpired(sessionId: string): SessionSummary {
    markKonbiniExpired(this.#context, this.#context.state.session(sessionId));
    return this.#summary(sessionId);
  }

  /** The global faults in force. */
  faults(): GlobalFaults {
    return this.#faults.global;
  }

  /** Replaces the global faults (validated; `{}` clears them). */
  setFaults(input: unknown): GlobalFaults {
    this.#faults.setGlobal(parseParams(globalFaultsSchema, input));
    return this.#faults.global;
  }

  /** Replaces one session's delivery faults (validated; `{}` turns them off for the session). */
  setSessionFaults(sessionId: string, input: unknown): SessionSummary {
    this.#context.state.session(sessionId);
    this.#faults.setSession(sessionId, parseParams(sessionFaultsSchema, input));
    return this.#summary(sessionId);
  }

  /** The delivery log, oldest first. */
  deliveries(filter: DeliveryFilter = {}): DeliveryRecord[] {
    return this.#dispatcher
      .list()
      .filter(
        (delivery) =>
          (filter.eventId === undefined || delivery.eventId === filter.eventId) &&
          (filter.sessionId === undefined || delivery.sessionId === filter.sessionId),
      );
  }

  /** Sends a delivery's event again (no faults); returns the new delivery. */
  resend(deliveryId: string): DeliveryRecord {
    return this.#dispatcher.resend(deliveryId);
  }

  #summary(sessionId: string): SessionSummary {
    const session = this.#context.state.session(sessionId);
    return summarize(this.#context, session, this.#faults.sessionFaults(sessionId));
  }
}

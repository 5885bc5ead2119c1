/**
 * @module
 * The records one account sees through the API. Another account's object answers exactly like
 * an unknown id (Stripe's 404 `resource_missing`), so ids of other merchants reveal nothing.
 */
import { resourceMissing } from "../api/sandbox-api-error";
import type { StoredEvent } from "../events/event-log";
import type { ChargeRecord, PaymentIntentRecord, RefundRecord, SessionRecord } from "./records";
import { newestFirst, type SandboxState } from "./sandbox-state";

/** One account's view of the sandbox's records. */
export class AccountRecords {
  readonly #state: SandboxState;
  /** The account whose records these are (`acct_…`). */
  readonly account: string;

  constructor(state: SandboxState, account: string) {
    this.#state = state;
    this.account = account;
  }

  /** Whether the session exists and is this account's; intents, charges, refunds follow it. */
  #owns(sessionId: string | undefined): boolean {
    if (sessionId === undefined) return false;
    return this.#state.sessions.get(sessionId)?.account === this.account;
  }

  #sessionOfIntent(intentId: string | undefined): string | undefined {
    return intentId === undefined ? undefined : this.#state.paymentIntents.get(intentId)?.sessionId;
  }

  /** The account's session, or a 404 `resource_missing` naming `param`. */
  session(id: string, param = "session"): SessionRecord {
    const session = this.#state.sessions.get(id);
    if (session === undefined || !this.#owns(session.id)) {
      throw resourceMissing("checkout.session", id, param);
    }
    return session;
  }

  /** The account's PaymentIntent, or a 404 `resource_missing` naming `param`. */
  paymentIntent(id: string, param = "intent"): PaymentIntentRecord {
    const intent = this.#state.paymentIntents.get(id);
    if (intent === undefined || !this.#owns(intent.sessionId)) {
      throw resourceMissing("payment_intent", id, param);
    }
    return intent;
  }

  /** The account's charge, or a 404 `resource_missing` naming `param`. */
  charge(id: string, param = "charge"): ChargeRecord {
    const charge = this.#state.charges.get(id);
    if (charge === undefined || !this.#owns(this.#sessionOfIntent(charge.paymentIntentId))) {
      throw resourceMissing("charge", id, param);
    }
    return charge;
  }

  /** The account's refund, or a 404 `resource_missing` naming `param`. */
  refund(id: string, param = "refund"): RefundRecord {
    const refund = this.#state.refunds.get(id);
    if (refund === undefined || !this.#owns(this.#sessionOfIntent(refund.paymentIntentId))) {
      throw resourceMissing("refund", id, param);
    }
    return refund;
  }

  /** The account's sessions, newest first. */
  sessions(): SessionRecord[] {
    return newestFirst(this.#state.sessions).filter((session) => session.account === this.account);
  }

  /** Whether an event concerns one of the account's sessions. */
  seesEvent(stored: StoredEvent): boolean {
    return this.#owns(stored.sessionId);
  }
}

/**
 * @module
 * The KOMOJU mode's memory: sessions, payments and pending 3-D Secure challenges, in
 * creation order. Lookups by id throw KOMOJU's 404 `not_found`.
 */
import { komojuNotFound } from "../api/komoju-api-error";
import type { KomojuPaymentRecord, KomojuPendingStep, KomojuSessionRecord } from "./komoju-records";

/** The KOMOJU records of one sandbox. */
export class KomojuState {
  readonly sessions = new Map<string, KomojuSessionRecord>();
  readonly payments = new Map<string, KomojuPaymentRecord>();
  readonly steps = new Map<string, KomojuPendingStep>();
  #seq = 0;

  /** The next creation sequence number. */
  nextSeq(): number {
    this.#seq += 1;
    return this.#seq;
  }

  /** The session, or a 404 `not_found`. */
  session(id: string): KomojuSessionRecord {
    const session = this.sessions.get(id);
    if (session === undefined) throw komojuNotFound("session", id);
    return session;
  }

  /** The payment, or a 404 `not_found`. */
  payment(id: string): KomojuPaymentRecord {
    const payment = this.payments.get(id);
    if (payment === undefined) throw komojuNotFound("payment", id);
    return payment;
  }

  /** The session's latest payment, if any. */
  latestPayment(session: KomojuSessionRecord): KomojuPaymentRecord | undefined {
    return session.paymentId === null ? undefined : this.payments.get(session.paymentId);
  }

  /** Every session, newest first. */
  sessionsNewestFirst(): KomojuSessionRecord[] {
    return [...this.sessions.values()].sort((a, b) => b.seq - a.seq);
  }

  /** Forgets the session's pending 3-D Secure challenges. */
  forgetSteps(sessionId: string): void {
    for (const step of this.steps.values()) {
      if (step.sessionId === sessionId) this.steps.delete(step.id);
    }
  }
}

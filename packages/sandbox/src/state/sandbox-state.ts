/**
 * @module
 * The sandbox's memory: every session, PaymentIntent, charge and refund, kept in insertion order
 * with a sequence number so lists come out newest first even within one second.
 */
import { resourceMissing } from "../api/sandbox-api-error";
import type {
  ChallengeRecord,
  ChargeRecord,
  PaymentIntentRecord,
  RefundRecord,
  SessionRecord,
} from "./records";

/** Records with a creation sequence number. */
interface Sequenced {
  readonly seq: number;
}

/**
 * The records of one sandbox, all accounts' (the API sees one account's: `AccountRecords`).
 * Lookups by id throw Stripe's `resource_missing`.
 */
export class SandboxState {
  readonly sessions = new Map<string, SessionRecord>();
  readonly paymentIntents = new Map<string, PaymentIntentRecord>();
  readonly charges = new Map<string, ChargeRecord>();
  readonly refunds = new Map<string, RefundRecord>();
  readonly challenges = new Map<string, ChallengeRecord>();
  #seq = 0;

  /** The next creation sequence number. */
  nextSeq(): number {
    this.#seq += 1;
    return this.#seq;
  }

  /** The session, or a 404 `resource_missing` naming `param`. */
  session(id: string, param = "session"): SessionRecord {
    return found(this.sessions.get(id), "checkout.session", id, param);
  }

  /** The PaymentIntent, or a 404 `resource_missing` naming `param`. */
  paymentIntent(id: string, param = "intent"): PaymentIntentRecord {
    return found(this.paymentIntents.get(id), "payment_intent", id, param);
  }
}

function found<T>(record: T | undefined, objectName: string, id: string, param: string): T {
  if (record === undefined) throw resourceMissing(objectName, id, param);
  return record;
}

/** The values of `map`, newest first. */
export function newestFirst<T extends Sequenced>(map: ReadonlyMap<string, T>): T[] {
  return [...map.values()].sort((a, b) => b.seq - a.seq);
}

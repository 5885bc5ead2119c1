/**
 * @module
 * An in-memory {@link PaymentStore} for tests, demos and the contract suite. Transactions run one
 * at a time; their writes go to a small draft that is applied on commit and dropped when the work
 * throws, so a throwing hook leaves no trace, as in a SQL store — and a transaction costs the same
 * however many events the store already holds.
 */
import { LinkpayError } from "../errors";
import type { RefundRecord } from "../refunds";
import { isClosedStatus } from "../state-machine";
import {
  type AuditEntry,
  type CheckoutAttempt,
  newCheckoutAttempt,
  type ReceivedEvent,
} from "./checkout-attempt";
import type { PaymentStore, StoreTransaction } from "./payment-store";

/** The handle memory-store hooks receive: nothing to share, so an empty marker. */
export interface MemoryStoreHandle {
  readonly kind: "memory";
}

const key = (a: string, b: string) => `${a}\u0000${b}`;

/**
 * Creates an empty in-memory payment store.
 *
 * @example
 * const payments = createPayments({ providers: [provider], store: createMemoryStore(), urls });
 */
export function createMemoryStore(): PaymentStore<MemoryStoreHandle> {
  const attempts = new Map<string, CheckoutAttempt>();
  const bySession = new Map<string, string>();
  const latestByOrder = new Map<string, string>();
  const events = new Map<string, ReceivedEvent>();
  const audit: AuditEntry[] = [];
  const claims = new Map<string, Date>();
  /** By idempotency key, in insertion order (oldest first). */
  const refunds = new Map<string, RefundRecord>();
  let queue: Promise<unknown> = Promise.resolve();

  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = queue.then(work);
    queue = result.catch(() => undefined);
    return result;
  }

  function put(attempt: CheckoutAttempt): void {
    attempts.set(attempt.id, attempt);
    if (attempt.providerSessionId !== null) {
      bySession.set(key(attempt.provider, attempt.providerSessionId), attempt.id);
    }
    const latest = attempts.get(latestByOrder.get(attempt.orderRef) ?? "");
    if (latest === undefined || attempt.sequence >= latest.sequence) {
      latestByOrder.set(attempt.orderRef, attempt.id);
    }
  }

  const latestFor = (orderRef: string) => attempts.get(latestByOrder.get(orderRef) ?? "") ?? null;

  function transactionOn(
    draft: Map<string, CheckoutAttempt>,
    newEvents: Map<string, ReceivedEvent>,
    newAudit: AuditEntry[],
    newRefunds: Map<string, RefundRecord>,
  ): StoreTransaction<MemoryStoreHandle> {
    const current = (id: string) => draft.get(id) ?? attempts.get(id) ?? null;
    return {
      handle: { kind: "memory" },
      async lockAttemptForEvent({ provider, providerSessionId, orderRef }) {
        for (const attempt of draft.values()) {
          if (attempt.provider === provider && attempt.providerSessionId === providerSessionId) {
            return attempt;
          }
        }
        const found = current(bySession.get(key(provider, providerSessionId)) ?? "");
        if (found) return found;
        const latest = current(latestByOrder.get(orderRef) ?? "");
        return latest && latest.provider === provider && latest.providerSessionId === null
          ? latest
          : null;
      },
      lockAttempt: async ({ attemptId }) => current(attemptId),
      async insertEvent(event) {
        const eventKey = key(event.provider, event.eventId);
        if (events.has(eventKey) || newEvents.has(eventKey)) return false;
        newEvents.set(eventKey, event);
        return true;
      },
      async updateAttempt(attempt) {
        const stored = current(attempt.id);
        if (!stored || stored.version + 1 !== attempt.version) {
          throw new LinkpayError("STORE_CONFLICT", "The attempt changed concurrently; retry", {
            details: { attemptId: attempt.id },
          });
        }
        draft.set(attempt.id, attempt);
      },
      async appendAudit(entry) {
        newAudit.push(entry);
      },
      async insertRefund(refund) {
        const { idempotencyKey } = refund;
        if (refunds.has(idempotencyKey) || newRefunds.has(idempotencyKey)) return false;
        newRefunds.set(idempotencyKey, refund);
        return true;
      },
      refundsOf: async ({ attemptId }) => refundsIn(attemptId),
      async confirmRefunds({ attemptId, now }) {
        const open = refundsIn(attemptId).filter(
          (refund) => refund.status === "pending" || refund.status === "requires_action",
        );
        for (const refund of open) {
          newRefunds.set(refund.idempotencyKey, { ...refund, status: "succeeded", updatedAt: now });
        }
        return open.length;
      },
    };

    /** The attempt's refunds as this transaction sees them (its own writes over the committed). */
    function refundsIn(attemptId: string): RefundRecord[] {
      const merged = new Map(refunds);
      for (const [refundKey, refund] of newRefunds) merged.set(refundKey, refund);
      return [...merged.values()].filter((refund) => refund.attemptId === attemptId);
    }
  }

  return {
    createAttempt: (input, alongside) =>
      exclusive(async () => {
        const taken = [...attempts.values()].some(
          (a) => a.orderRef === input.orderRef && a.sequence === input.sequence,
        );
        if (taken) {
          throw new LinkpayError("ATTEMPT_CONFLICT", "This order already has that attempt", {
            details: { orderRef: input.orderRef, sequence: input.sequence },
          });
        }
        const attempt = newCheckoutAttempt(input);
        // Stored only once the merchant's writes succeeded, as a rolled-back transaction would.
        await alongside?.({ kind: "memory" }, attempt);
        put(attempt);
        return attempt;
      }),
    attachSession: ({ attemptId, providerSessionId, hostedUrl, expiresAt, now }) =>
      exclusive(async () => {
        const attempt = attempts.get(attemptId);
        if (!attempt) throw new LinkpayError("ATTEMPT_NOT_FOUND", "No such attempt");
        if (attempt.providerSessionId !== null && attempt.providerSessionId !== providerSessionId) {
          throw new LinkpayError("ATTEMPT_CONFLICT", "The attempt already has another session", {
            details: { attemptId },
          });
        }
        const next = {
          ...attempt,
          providerSessionId,
          hostedUrl,
          expiresAt,
          updatedAt: now,
          version: attempt.version + 1,
        };
        put(next);
        return next;
      }),
    findLatestAttempt: async ({ orderRef }) => latestFor(orderRef),
    findAttemptBySession: async ({ provider, providerSessionId }) =>
      attempts.get(bySession.get(key(provider, providerSessionId)) ?? "") ?? null,
    claimStaleAttempts: ({ updatedBefore, now, limit, leaseSeconds }) =>
      exclusive(async () => {
        const leaseEnd = (id: string) => claims.get(id)?.getTime() ?? Number.NEGATIVE_INFINITY;
        const claimable = [...attempts.values()]
          .filter((attempt) => !isClosedStatus(attempt.status) && attempt.updatedAt < updatedBefore)
          .filter((attempt) => leaseEnd(attempt.id) <= now.getTime())
          .sort(
            (a, b) =>
              leaseEnd(a.id) - leaseEnd(b.id) ||
              a.updatedAt.getTime() - b.updatedAt.getTime() ||
              a.id.localeCompare(b.id),
          )
          .slice(0, limit);
        for (const attempt of claimable)
          claims.set(attempt.id, new Date(now.getTime() + leaseSeconds * 1000));
        return claimable;
      }),
    releaseClaim: ({ attemptId, at }) =>
      exclusive(async () => {
        const lease = claims.get(attemptId);
        if (lease !== undefined && lease > at) claims.set(attemptId, at);
      }),
    transaction: (work) =>
      exclusive(async () => {
        const draft = new Map<string, CheckoutAttempt>();
        const newEvents = new Map<string, ReceivedEvent>();
        const newAudit: AuditEntry[] = [];
        const newRefunds = new Map<string, RefundRecord>();
        const result = await work(transactionOn(draft, newEvents, newAudit, newRefunds));
        for (const attempt of draft.values()) put(attempt);
        for (const [eventKey, event] of newEvents) events.set(eventKey, event);
        audit.push(...newAudit);
        for (const [refundKey, refund] of newRefunds) refunds.set(refundKey, refund);
        return result;
      }),
    findEvent: async ({ provider, eventId }) => events.get(key(provider, eventId)) ?? null,
    listAudit: async ({ attemptId }) => audit.filter((entry) => entry.attemptId === attemptId),
    listAttempts: async ({ orderRef }) =>
      [...attempts.values()]
        .filter((attempt) => attempt.orderRef === orderRef)
        .sort((a, b) => a.sequence - b.sequence),
    listEvents: async ({ attemptId }) =>
      [...events.values()]
        .filter((event) => event.attemptId === attemptId)
        .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime()),
    findRefund: async ({ idempotencyKey }) => refunds.get(idempotencyKey) ?? null,
    updateRefund: ({ id, status, providerRefundId, failureCode, now }) =>
      exclusive(async () => {
        const stored = [...refunds.values()].find((refund) => refund.id === id);
        if (stored === undefined) {
          throw new LinkpayError("REFUND_NOT_FOUND", `No refund ${id}`, { details: { id } });
        }
        const next = { ...stored, status, providerRefundId, failureCode, updatedAt: now };
        refunds.set(stored.idempotencyKey, next);
        return next;
      }),
    findAttemptsAwaitingRefund: async ({ requestedBefore, limit }) => {
      // Per attempt: what was asked for (not failed), and when the newest of it was asked.
      const asked = new Map<string, { sum: number; newest: number }>();
      for (const refund of refunds.values()) {
        if (refund.status === "failed") continue;
        const entry = asked.get(refund.attemptId) ?? { sum: 0, newest: 0 };
        entry.sum += refund.amount.amount;
        entry.newest = Math.max(entry.newest, refund.createdAt.getTime());
        asked.set(refund.attemptId, entry);
      }
      const awaiting: CheckoutAttempt[] = [];
      for (const [attemptId, { sum, newest }] of asked) {
        const attempt = attempts.get(attemptId);
        if (attempt === undefined || newest >= requestedBefore.getTime()) continue;
        if (attempt.refundedAmount.amount < sum) awaiting.push(attempt);
      }
      return awaiting.sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime()).slice(0, limit);
    },
    listRefunds: async ({ orderRef }) =>
      [...refunds.values()].filter((refund) => refund.orderRef === orderRef),
  };
}

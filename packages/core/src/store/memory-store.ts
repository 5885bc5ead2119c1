/**
 * @module
 * An in-memory {@link PaymentStore} for tests, demos and the contract suite. Transactions run one
 * at a time on a private copy of the data that replaces the live data only when the work succeeds,
 * so a throwing hook leaves no trace, as in a SQL store.
 */
import { LinkpayError } from "../errors";
import { money } from "../money";
import { isClosedStatus } from "../state-machine";
import type { AuditEntry, CheckoutAttempt, ReceivedEvent } from "./checkout-attempt";
import type { PaymentStore, StoreTransaction } from "./payment-store";

interface Tables {
  readonly attempts: Map<string, CheckoutAttempt>;
  readonly events: Map<string, ReceivedEvent>;
  readonly audit: AuditEntry[];
  readonly claims: Map<string, Date>;
}

/** The handle memory-store hooks receive: nothing to share, so an empty marker. */
export interface MemoryStoreHandle {
  readonly kind: "memory";
}

const eventKey = (provider: string, eventId: string) => `${provider}\u0000${eventId}`;

function copy(tables: Tables): Tables {
  return {
    attempts: new Map(tables.attempts),
    events: new Map(tables.events),
    audit: [...tables.audit],
    claims: new Map(tables.claims),
  };
}

function latestFor(tables: Tables, orderRef: string): CheckoutAttempt | null {
  let latest: CheckoutAttempt | null = null;
  for (const attempt of tables.attempts.values()) {
    if (attempt.orderRef === orderRef && (latest === null || attempt.sequence > latest.sequence)) {
      latest = attempt;
    }
  }
  return latest;
}

function bySession(tables: Tables, provider: string, sessionId: string): CheckoutAttempt | null {
  for (const attempt of tables.attempts.values()) {
    if (attempt.provider === provider && attempt.providerSessionId === sessionId) return attempt;
  }
  return null;
}

/**
 * Creates an empty in-memory payment store.
 *
 * @example
 * const payments = createPayments({ provider, store: createMemoryStore(), urls });
 */
export function createMemoryStore(): PaymentStore<MemoryStoreHandle> {
  let live: Tables = { attempts: new Map(), events: new Map(), audit: [], claims: new Map() };
  let queue: Promise<unknown> = Promise.resolve();

  /** Serializes all writers, like SQLite's single write lock. */
  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = queue.then(work);
    queue = result.catch(() => undefined);
    return result;
  }

  function transactionOn(tables: Tables): StoreTransaction<MemoryStoreHandle> {
    return {
      handle: { kind: "memory" },
      async lockAttemptForEvent({ provider, providerSessionId, orderRef }) {
        const found = bySession(tables, provider, providerSessionId);
        if (found) return found;
        const latest = latestFor(tables, orderRef);
        return latest && latest.provider === provider && latest.providerSessionId === null
          ? latest
          : null;
      },
      async lockAttempt({ attemptId }) {
        return tables.attempts.get(attemptId) ?? null;
      },
      async insertEvent(event) {
        const key = eventKey(event.provider, event.eventId);
        if (tables.events.has(key)) return false;
        tables.events.set(key, event);
        return true;
      },
      async updateAttempt(attempt) {
        const stored = tables.attempts.get(attempt.id);
        if (!stored || stored.version + 1 !== attempt.version) {
          throw new LinkpayError("STORE_CONFLICT", "The attempt changed concurrently; retry", {
            details: { attemptId: attempt.id },
          });
        }
        tables.attempts.set(attempt.id, attempt);
      },
      async appendAudit(entry) {
        tables.audit.push(entry);
      },
    };
  }

  return {
    createAttempt: (input) =>
      exclusive(async () => {
        for (const existing of live.attempts.values()) {
          if (existing.orderRef === input.orderRef && existing.sequence === input.sequence) {
            throw new LinkpayError("ATTEMPT_CONFLICT", "This order already has that attempt", {
              details: { orderRef: input.orderRef, sequence: input.sequence },
            });
          }
        }
        const attempt: CheckoutAttempt = {
          id: input.id,
          orderRef: input.orderRef,
          sequence: input.sequence,
          provider: input.provider,
          providerSessionId: null,
          hostedUrl: null,
          amount: input.amount,
          status: "open",
          refundedAmount: money(0, input.amount.currency),
          expiresAt: input.expiresAt,
          createdAt: input.now,
          updatedAt: input.now,
          version: 1,
        };
        live.attempts.set(attempt.id, attempt);
        return attempt;
      }),

    attachSession: ({ attemptId, providerSessionId, hostedUrl, expiresAt, now }) =>
      exclusive(async () => {
        const attempt = live.attempts.get(attemptId);
        if (!attempt) throw new LinkpayError("ATTEMPT_NOT_FOUND", "No such attempt");
        if (attempt.providerSessionId !== null && attempt.providerSessionId !== providerSessionId) {
          throw new LinkpayError("ATTEMPT_CONFLICT", "The attempt already has another session", {
            details: { attemptId },
          });
        }
        const next: CheckoutAttempt = {
          ...attempt,
          providerSessionId,
          hostedUrl,
          expiresAt,
          updatedAt: now,
          version: attempt.version + 1,
        };
        live.attempts.set(attemptId, next);
        return next;
      }),

    findLatestAttempt: async ({ orderRef }) => latestFor(live, orderRef),

    findAttemptBySession: async ({ provider, providerSessionId }) =>
      bySession(live, provider, providerSessionId),

    claimStaleAttempts: ({ updatedBefore, now, limit, leaseSeconds }) =>
      exclusive(async () => {
        const claimed: CheckoutAttempt[] = [];
        for (const attempt of live.attempts.values()) {
          if (claimed.length >= limit) break;
          const lease = live.claims.get(attempt.id);
          if (isClosedStatus(attempt.status) || attempt.updatedAt >= updatedBefore) continue;
          if (lease && lease > now) continue;
          live.claims.set(attempt.id, new Date(now.getTime() + leaseSeconds * 1000));
          claimed.push(attempt);
        }
        return claimed;
      }),

    transaction: (work) =>
      exclusive(async () => {
        const draft = copy(live);
        const result = await work(transactionOn(draft));
        live = draft;
        return result;
      }),

    findEvent: async ({ provider, eventId }) =>
      live.events.get(eventKey(provider, eventId)) ?? null,

    listAudit: async ({ attemptId }) => live.audit.filter((entry) => entry.attemptId === attemptId),
  };
}

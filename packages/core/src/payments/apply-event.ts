/**
 * @module
 * Applies one verified provider event to the store, exactly once, in one transaction:
 * find and lock the attempt → verify amount, currency and order reference → record the event id
 * (a second time is a duplicate) → transition → audit → merchant hooks → commit.
 */
import { createHash } from "node:crypto";
import { LinkpayError } from "../errors";
import { money, moneyEquals } from "../money";
import type { PaymentEvent, ProviderEvent } from "../provider";
import { type NoopReason, transition } from "../state-machine";
import type { CheckoutAttempt, PaymentStore, ReceivedEvent, StoreTransaction } from "../store";
import { hookFor, type PaymentHooks } from "./hooks";

/** Why a verified event was refused. */
export type RejectReason =
  | "order_ref_mismatch"
  | "attempt_mismatch"
  | "amount_mismatch"
  | "currency_mismatch";

/** The outcome of applying one event. */
export type ApplyResult =
  | {
      readonly outcome: "processed";
      readonly eventId: string;
      readonly attemptId: string;
      /** False when the event was valid but changed nothing (late or repeated information). */
      readonly changed: boolean;
      readonly noop?: NoopReason | undefined;
      readonly alert?: string | undefined;
    }
  | { readonly outcome: "duplicate"; readonly eventId: string }
  | { readonly outcome: "ignored"; readonly eventId: string; readonly reason: string }
  | {
      readonly outcome: "rejected";
      readonly eventId: string;
      readonly attemptId: string;
      readonly reason: RejectReason;
    };

/** Finds why an event does not belong to an attempt, if it does not. */
export function mismatchOf(attempt: CheckoutAttempt, event: PaymentEvent): RejectReason | null {
  if (event.orderRef !== attempt.orderRef) return "order_ref_mismatch";
  if (event.attemptId !== undefined && event.attemptId !== attempt.id) return "attempt_mismatch";
  if (event.amount.currency !== attempt.amount.currency) return "currency_mismatch";
  if (event.refundedAmount && event.refundedAmount.currency !== attempt.amount.currency) {
    return "currency_mismatch";
  }
  if (!moneyEquals(event.amount, attempt.amount)) return "amount_mismatch";
  return null;
}

/**
 * A provider may answer a refund `pending` and confirm it later only as a higher refunded total
 * on the payment. Once that total covers every refund asked here (not failed), each of them is
 * done: their records are marked `succeeded` in the transaction that applies the event.
 */
async function confirmCoveredRefunds<THandle>(
  tx: StoreTransaction<THandle>,
  attempt: CheckoutAttempt,
  now: Date,
): Promise<void> {
  const refunds = await tx.refundsOf({ attemptId: attempt.id });
  const open = refunds.some(
    (refund) => refund.status === "pending" || refund.status === "requires_action",
  );
  const asked = refunds
    .filter((refund) => refund.status !== "failed")
    .reduce((sum, refund) => sum + refund.amount.amount, 0);
  if (open && attempt.refundedAmount.amount >= asked) {
    await tx.confirmRefunds({ attemptId: attempt.id, now });
  }
}

function digest(raw: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify(raw) ?? "")
    .digest("hex");
}

function record(
  event: ProviderEvent,
  now: Date,
  fields: Pick<ReceivedEvent, "attemptId" | "outcome" | "reason">,
): ReceivedEvent {
  return {
    provider: event.provider,
    eventId: event.eventId,
    kind: event.kind,
    receivedAt: now,
    // The adapter's digest of the bytes received, when it had them: no second serialization.
    payloadDigest: event.payloadDigest ?? digest(event.raw),
    payload: event.raw,
    ...fields,
  };
}

/** Applies a verified event; see the module comment for the steps. */
export async function applyEvent<THandle>(input: {
  readonly store: PaymentStore<THandle>;
  readonly hooks: PaymentHooks<THandle>;
  readonly event: ProviderEvent;
  readonly now: Date;
  /** Apply to this attempt (reconciliation knows it); otherwise found from the event. */
  readonly attemptId?: string | undefined;
}): Promise<ApplyResult> {
  const { store, hooks, event, now, attemptId } = input;
  return store.transaction(async (tx): Promise<ApplyResult> => {
    if (event.kind === "ignored") {
      const fresh = await tx.insertEvent(
        record(event, now, { attemptId: null, outcome: "ignored", reason: event.reason }),
      );
      return fresh
        ? { outcome: "ignored", eventId: event.eventId, reason: event.reason }
        : { outcome: "duplicate", eventId: event.eventId };
    }
    const found = attemptId
      ? await tx.lockAttempt({ attemptId })
      : await tx.lockAttemptForEvent(event);
    // Found only by its order (no session attached yet) but the event names another attempt: not
    // this one's event (yet), whatever the order reference says.
    const attempt =
      found !== null &&
      attemptId === undefined &&
      found.providerSessionId === null &&
      event.attemptId !== undefined &&
      event.attemptId !== found.id
        ? null
        : found;
    if (!attempt) {
      // Not recorded: the order row may not be committed yet, so the provider's retry must work.
      throw new LinkpayError("ATTEMPT_NOT_READY", "No checkout attempt for this session yet", {
        details: { provider: event.provider, eventId: event.eventId },
      });
    }
    const mismatch = mismatchOf(attempt, event);
    if (mismatch) {
      const fresh = await tx.insertEvent(
        record(event, now, { attemptId: attempt.id, outcome: "rejected", reason: mismatch }),
      );
      return fresh
        ? { outcome: "rejected", eventId: event.eventId, attemptId: attempt.id, reason: mismatch }
        : { outcome: "duplicate", eventId: event.eventId };
    }
    const result = transition(
      {
        status: attempt.status,
        amount: attempt.amount.amount,
        refundedAmount: attempt.refundedAmount.amount,
      },
      { kind: event.kind, refundedAmount: event.refundedAmount?.amount },
    );
    const fresh = await tx.insertEvent(
      record(event, now, {
        attemptId: attempt.id,
        outcome: "processed",
        reason: result.changed ? null : result.reason,
      }),
    );
    if (!fresh) return { outcome: "duplicate", eventId: event.eventId };
    if (!result.changed) {
      return {
        outcome: "processed",
        eventId: event.eventId,
        attemptId: attempt.id,
        changed: false,
        noop: result.reason,
      };
    }
    const next: CheckoutAttempt = {
      ...attempt,
      providerSessionId: attempt.providerSessionId ?? (event.providerSessionId || null),
      status: result.state.status,
      refundedAmount: money(result.state.refundedAmount, attempt.amount.currency),
      updatedAt: now,
      version: attempt.version + 1,
    };
    await tx.updateAttempt(next);
    await tx.appendAudit({
      attemptId: attempt.id,
      from: attempt.status,
      to: next.status,
      cause: `${event.provider}:${event.eventId}`,
      at: now,
    });
    if (next.refundedAmount.amount > attempt.refundedAmount.amount) {
      await confirmCoveredRefunds(tx, next, now);
    }
    for (const effect of result.effects) {
      const hook = hookFor(hooks, effect);
      if (!hook) continue;
      try {
        await hook({ attempt: next, event, tx: tx.handle });
      } catch (error) {
        throw new LinkpayError("HOOK_FAILED", `The ${effect} hook failed; nothing was committed`, {
          cause: error,
          details: { effect, attemptId: attempt.id, eventId: event.eventId },
        });
      }
    }
    return {
      outcome: "processed",
      eventId: event.eventId,
      attemptId: attempt.id,
      changed: true,
      alert: result.alert,
    };
  });
}

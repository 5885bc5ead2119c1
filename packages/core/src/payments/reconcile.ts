/**
 * @module
 * Reconciliation: asks the provider about attempts still open or processing past a threshold and
 * applies what it says through the same exactly-once path as webhooks. Safe to run on several
 * instances at once (attempts are claimed with a lease, released once checked) and twice in a row
 * (events are deduplicated by a deterministic id).
 */
import { type ErrorCode, isLinkpayError } from "../errors";
import { money } from "../money";
import type { CheckoutView, PaymentEvent, PaymentProvider } from "../provider";
import type { PaymentEventKind, PaymentStatus } from "../state-machine";
import type { CheckoutAttempt, PaymentStore } from "../store";
import { type ApplyResult, applyEvent } from "./apply-event";
import type { PaymentHooks } from "./hooks";
import type { Logger } from "./logger";

/** Options of one reconciliation pass. */
export interface ReconcileOptions {
  /** Only attempts not updated for this many seconds (default 600). */
  readonly olderThanSeconds?: number | undefined;
  /** At most this many attempts per pass (default 100). */
  readonly limit?: number | undefined;
  /** How long a claimed attempt is kept from other instances (default 120 s). */
  readonly leaseSeconds?: number | undefined;
}

/** What one reconciliation pass did. */
export interface ReconcileReport {
  readonly checked: number;
  /** Attempts whose state changed. */
  readonly changed: number;
  /** Attempts the provider still reports as open, or that were already up to date. */
  readonly unchanged: number;
  readonly failed: readonly { readonly attemptId: string; readonly code: ErrorCode | "UNKNOWN" }[];
}

/** What reconcile needs from the Payments service. */
export interface ReconcileDeps<THandle> {
  readonly store: PaymentStore<THandle>;
  readonly hooks: PaymentHooks<THandle>;
  readonly providers: ReadonlyMap<string, PaymentProvider>;
  readonly logger: Required<Logger>;
  readonly now: () => Date;
}

const kindFor: Record<PaymentStatus, PaymentEventKind | null> = {
  open: null,
  processing: "payment.pending",
  paid: "payment.succeeded",
  partially_refunded: "payment.refunded",
  refunded: "payment.refunded",
  failed: "payment.failed",
  expired: "checkout.expired",
  canceled: "checkout.canceled",
};

/** The event a provider's view implies, with an id that is the same on every instance. */
export function eventFromView(view: CheckoutView, now: Date): PaymentEvent | null {
  const kind = kindFor[view.status];
  if (kind === null) return null;
  return {
    kind,
    provider: view.provider,
    eventId: `reconcile:${view.providerSessionId}:${view.status}:${view.refundedAmount.amount}`,
    providerSessionId: view.providerSessionId,
    orderRef: view.orderRef,
    amount: view.amount,
    refundedAmount: view.refundedAmount,
    occurredAt: now,
    pendingPayment: view.pendingPayment,
    raw: view.raw,
  };
}

/** An attempt that never got a session and is past its expiry can be closed without asking. */
function expiredWithoutSession(attempt: CheckoutAttempt, now: Date): PaymentEvent | null {
  if (attempt.providerSessionId !== null || attempt.expiresAt > now) return null;
  return {
    kind: "checkout.expired",
    provider: attempt.provider,
    eventId: `reconcile:${attempt.id}:expired-without-session`,
    providerSessionId: "",
    orderRef: attempt.orderRef,
    amount: attempt.amount,
    refundedAmount: money(0, attempt.amount.currency),
    occurredAt: now,
    raw: { reason: "no provider session before expiry" },
  };
}

async function reconcileOne<THandle>(
  deps: ReconcileDeps<THandle>,
  attempt: CheckoutAttempt,
): Promise<ApplyResult | null> {
  const now = deps.now();
  let event = expiredWithoutSession(attempt, now);
  if (attempt.providerSessionId !== null) {
    const provider = deps.providers.get(attempt.provider);
    if (!provider) return null;
    const view = await provider.retrieveCheckout({ providerSessionId: attempt.providerSessionId });
    event = eventFromView(view, now);
  }
  if (event === null) return null;
  return applyEvent({ store: deps.store, hooks: deps.hooks, event, now, attemptId: attempt.id });
}

/** Runs one reconciliation pass. */
export async function reconcile<THandle>(
  deps: ReconcileDeps<THandle>,
  options: ReconcileOptions = {},
): Promise<ReconcileReport> {
  const now = deps.now();
  const olderThan = (options.olderThanSeconds ?? 600) * 1000;
  const attempts = await deps.store.claimStaleAttempts({
    updatedBefore: new Date(now.getTime() - olderThan),
    now,
    limit: options.limit ?? 100,
    leaseSeconds: options.leaseSeconds ?? 120,
  });
  let changed = 0;
  const failed: { attemptId: string; code: ErrorCode | "UNKNOWN" }[] = [];
  async function check(attempt: CheckoutAttempt, claimed: boolean): Promise<void> {
    try {
      const result = await reconcileOne(deps, attempt);
      // Checked without error: let the next pass look again rather than wait out the lease, so
      // a payment made just after this check is found one interval later. A failed check keeps
      // its lease, which spaces out calls to a provider that is failing.
      if (claimed) await deps.store.releaseClaim({ attemptId: attempt.id, at: deps.now() });
      if (result?.outcome === "processed" && result.changed) changed++;
      if (result?.outcome === "rejected") {
        deps.logger.alert(
          { alert: result.reason, attemptId: attempt.id, orderRef: attempt.orderRef },
          "The provider's view of a checkout does not match the stored attempt; nothing was fulfilled",
        );
      }
    } catch (error) {
      const code = isLinkpayError(error) ? error.code : "UNKNOWN";
      failed.push({ attemptId: attempt.id, code });
      deps.logger.warn(
        { attemptId: attempt.id, code, error },
        "reconciliation of one attempt failed",
      );
    }
  }
  for (const attempt of attempts) await check(attempt, true);
  // Paid attempts with refunds asked for here that the provider has not confirmed (a lost
  // webhook): asking about the session brings the cumulative refunded amount.
  const awaitingRefund = await deps.store.findAttemptsAwaitingRefund({
    requestedBefore: new Date(now.getTime() - olderThan),
    limit: options.limit ?? 100,
  });
  for (const attempt of awaitingRefund) await check(attempt, false);
  const checkedCount = attempts.length + awaitingRefund.length;
  return {
    checked: checkedCount,
    changed,
    unchanged: checkedCount - changed - failed.length,
    failed,
  };
}

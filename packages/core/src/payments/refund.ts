/**
 * @module
 * `payments.refund`: records the refund (pending) in the same transaction that locks the attempt
 * and checks what is left to refund, then asks the provider with an idempotency key derived from
 * the record, then stores the provider's answer. The same caller key never refunds twice: a
 * second call returns the first refund, and one that found it still unanswered (the first call
 * crashed or the provider timed out) asks the provider again with the same key. The attempt's
 * status and `refundedAmount` move only when the provider confirms (webhook or reconciliation),
 * through the same exactly-once path as every other event; `onRefunded` runs then.
 */
import * as z from "zod";
import { isLinkpayError, LinkpayError } from "../errors";
import { type Money, money } from "../money";
import type { PaymentProvider } from "../provider";
import type { RefundRecord } from "../refunds";
import { isPaidStatus } from "../state-machine";
import type { PaymentStore } from "../store";
import type { Logger } from "./logger";

/** What `payments.refund` takes. */
export interface RefundRequest {
  /** The order to refund (its latest attempt, which must be paid). Give this or `attemptId`. */
  readonly orderRef?: string | undefined;
  readonly attemptId?: string | undefined;
  /** How much; default everything not refunded yet. In the payment's currency. */
  readonly amount?: Money | undefined;
  /** Why, for the record (1–500 characters). */
  readonly reason: string;
  /** Who asked: a staff account, `shopper`, `system` (1–200 characters). */
  readonly actor: string;
  /**
   * The caller's key for this refund (1–255 printable ASCII characters), e.g. derived from the
   * form that asked: the same key never refunds twice.
   */
  readonly idempotencyKey: string;
  /** The request's own logger (its lines then carry the request id). */
  readonly logger?: Logger | undefined;
}

/** What `payments.refund` answers. */
export interface RefundResult {
  readonly refund: RefundRecord;
  /** True when this key had been used already and the first refund is returned. */
  readonly replayed: boolean;
}

/** What the refund flow needs from the Payments service. */
export interface RefundDeps {
  readonly store: PaymentStore<unknown>;
  readonly providers: ReadonlyMap<string, PaymentProvider>;
  readonly logger: Required<Logger>;
  readonly now: () => Date;
  readonly newId: () => string;
}

const requestSchema = z
  .object({
    orderRef: z.string().min(1).max(200).optional(),
    attemptId: z.string().min(1).max(200).optional(),
    reason: z.string().trim().min(1).max(500),
    actor: z.string().trim().min(1).max(200),
    idempotencyKey: z
      .string()
      .min(1)
      .max(255)
      .regex(/^[\x21-\x7e]+$/, "printable ASCII without spaces"),
  })
  .refine((input) => (input.orderRef === undefined) !== (input.attemptId === undefined), {
    message: "give exactly one of orderRef and attemptId",
    path: ["orderRef"],
  });

function invalid(issues: z.core.$ZodIssue[]): LinkpayError {
  const first = issues[0];
  const field = first?.path.join(".") || "request";
  return new LinkpayError(
    "INVALID_REFUND_REQUEST",
    `Invalid refund request: ${field}: ${first?.message ?? "invalid"}`,
    {
      details: {
        field,
        issues: issues.map((i) => ({ path: i.path.join("."), message: i.message })),
      },
    },
  );
}

/** True when the same key names the same refund (the amount is compared when both give one). */
function sameRequest(refund: RefundRecord, input: RefundRequest): boolean {
  const target =
    input.attemptId === undefined
      ? refund.orderRef === input.orderRef
      : refund.attemptId === input.attemptId;
  const amount =
    input.amount === undefined ||
    (input.amount.amount === refund.amount.amount &&
      input.amount.currency === refund.amount.currency);
  return target && amount;
}

/** The attempt a request names (read before the transaction: a store may have one connection). */
async function targetAttemptId(deps: RefundDeps, input: RefundRequest): Promise<string> {
  const attemptId =
    input.attemptId ?? (await deps.store.findLatestAttempt({ orderRef: input.orderRef ?? "" }))?.id;
  if (attemptId === undefined) {
    throw new LinkpayError("ATTEMPT_NOT_FOUND", "No checkout attempt to refund", {
      details: { orderRef: input.orderRef, attemptId: input.attemptId },
    });
  }
  return attemptId;
}

/** Records the refund as pending, or finds the one recorded under this key. */
async function recordPending(
  deps: RefundDeps,
  input: RefundRequest,
): Promise<{ refund: RefundRecord; fresh: boolean }> {
  const attemptId = await targetAttemptId(deps, input);
  const inserted = await deps.store.transaction(async (tx): Promise<RefundRecord | null> => {
    const attempt = await tx.lockAttempt({ attemptId });
    if (attempt === null) {
      throw new LinkpayError("ATTEMPT_NOT_FOUND", "No checkout attempt to refund", {
        details: { attemptId },
      });
    }
    if (!isPaidStatus(attempt.status) || attempt.status === "refunded") {
      throw new LinkpayError(
        "REFUND_NOT_ALLOWED",
        `A ${attempt.status} payment cannot be refunded`,
        {
          details: { attemptId: attempt.id, status: attempt.status },
        },
      );
    }
    const currency = attempt.amount.currency;
    if (input.amount !== undefined && input.amount.currency !== currency) {
      throw new LinkpayError(
        "CURRENCY_MISMATCH",
        "The refund is in another currency than the payment",
        {
          details: { field: "amount", expected: currency, actual: input.amount.currency },
        },
      );
    }
    // What is gone already: confirmed refunds (also those made at the provider directly) or
    // refunds asked for here and not failed, whichever is more.
    const asked = (await tx.refundsOf({ attemptId: attempt.id }))
      .filter((refund) => refund.status !== "failed")
      .reduce((sum, refund) => sum + refund.amount.amount, 0);
    const remaining = attempt.amount.amount - Math.max(attempt.refundedAmount.amount, asked);
    const wanted = input.amount?.amount ?? remaining;
    if (remaining <= 0) {
      throw new LinkpayError("REFUND_NOT_ALLOWED", "Nothing is left to refund on this payment", {
        details: { attemptId: attempt.id, remaining: money(0, currency) },
      });
    }
    if (wanted < 1 || wanted > remaining) {
      throw new LinkpayError(
        "REFUND_EXCEEDS_REMAINING",
        `The refund must be between 1 and the ${remaining} ${currency} left to refund`,
        { details: { field: "amount", requested: wanted, remaining: money(remaining, currency) } },
      );
    }
    const now = deps.now();
    const refund: RefundRecord = {
      id: deps.newId(),
      attemptId: attempt.id,
      orderRef: attempt.orderRef,
      amount: money(wanted, currency),
      reason: input.reason.trim(),
      actor: input.actor.trim(),
      idempotencyKey: input.idempotencyKey,
      status: "pending",
      providerRefundId: null,
      failureCode: null,
      createdAt: now,
      updatedAt: now,
    };
    return (await tx.insertRefund(refund)) ? refund : null;
  });
  if (inserted !== null) return { refund: inserted, fresh: true };
  // Another call recorded this key first (a double click): that refund is the answer.
  const existing = await deps.store.findRefund({ idempotencyKey: input.idempotencyKey });
  if (existing === null) throw new LinkpayError("STORE_CONFLICT", "Refund key race; retry");
  return { refund: existing, fresh: false };
}

/** Asks the provider for a recorded refund and stores its answer. */
async function askProvider(
  deps: RefundDeps,
  refund: RefundRecord,
  log: Required<Logger>,
  /** This call recorded the refund: only it may mark it failed (see below). */
  owner: boolean,
): Promise<RefundRecord> {
  // A plain read: the refund is recorded, nothing here changes the attempt.
  const attempt =
    (await deps.store.listAttempts({ orderRef: refund.orderRef })).find(
      (candidate) => candidate.id === refund.attemptId,
    ) ?? null;
  const provider = attempt === null ? undefined : deps.providers.get(attempt.provider);
  const sessionId = attempt?.providerSessionId ?? null;
  const fail = async (code: string) =>
    deps.store.updateRefund({
      id: refund.id,
      status: "failed",
      providerRefundId: null,
      failureCode: code,
      now: deps.now(),
    });
  if (provider?.refund === undefined || sessionId === null) {
    await fail("REFUND_NOT_SUPPORTED");
    throw new LinkpayError("REFUND_NOT_SUPPORTED", "This payment's provider cannot refund it", {
      details: { refundId: refund.id, provider: attempt?.provider },
    });
  }
  try {
    const answer = await provider.refund(
      { providerSessionId: sessionId, amount: refund.amount },
      { idempotencyKey: `linkpay-refund-${refund.id}` },
    );
    const stored = await deps.store.updateRefund({
      id: refund.id,
      status: answer.status,
      providerRefundId: answer.refundId,
      failureCode: answer.status === "failed" ? "PROVIDER_REJECTED" : null,
      now: deps.now(),
    });
    log.info(
      {
        refundId: refund.id,
        orderRef: refund.orderRef,
        status: stored.status,
        actor: refund.actor,
      },
      "refund answered by the provider",
    );
    return stored;
  } catch (error) {
    // Unanswered (timeout, outage): stays pending, and the same key asks again with the same
    // provider key. Refused: failed, so it no longer counts against what is left — but only when
    // this call recorded it: a replaying call (a double click) may be refused only because the
    // first is still in flight under the same provider key (Stripe and KOMOJU answer 409), and must not
    // mark a refund failed that is being made. Such a refund stays pending, which counts.
    if (owner && isLinkpayError(error) && !error.retryable) await fail(error.code);
    log.warn(
      {
        refundId: refund.id,
        orderRef: refund.orderRef,
        code: isLinkpayError(error) ? error.code : "UNKNOWN",
      },
      "refund not done by the provider",
    );
    throw error;
  }
}

/** Refunds all or part of a paid order; see the module comment. */
export async function refundPayment(
  deps: RefundDeps,
  input: RefundRequest,
  log: Required<Logger>,
): Promise<RefundResult> {
  const parsed = requestSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error.issues);
  // A malformed amount (a float, a negative, an unknown currency) is refused here, by name.
  if (input.amount !== undefined) money(input.amount.amount, input.amount.currency);
  const known = await deps.store.findRefund({ idempotencyKey: input.idempotencyKey });
  const recorded =
    known === null ? await recordPending(deps, input) : { refund: known, fresh: false };
  if (!recorded.fresh && !sameRequest(recorded.refund, input)) {
    throw new LinkpayError(
      "REFUND_KEY_REUSED",
      "This idempotency key was used for another refund",
      {
        details: { field: "idempotencyKey", refundId: recorded.refund.id },
      },
    );
  }
  const unanswered =
    recorded.refund.status === "pending" && recorded.refund.providerRefundId === null;
  if (!recorded.fresh && !unanswered) return { refund: recorded.refund, replayed: true };
  if (recorded.fresh) {
    log.info(
      {
        refundId: recorded.refund.id,
        orderRef: recorded.refund.orderRef,
        amount: recorded.refund.amount,
        actor: recorded.refund.actor,
      },
      "refund recorded",
    );
  }
  return {
    refund: await askProvider(deps, recorded.refund, log, recorded.fresh),
    replayed: !recorded.fresh,
  };
}

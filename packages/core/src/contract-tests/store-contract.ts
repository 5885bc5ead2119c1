/**
 * @module
 * The store contract suite: every {@link PaymentStore} runs it against itself. It drives the store
 * through `createPayments` and the fake provider, so it checks the behaviour merchants rely on:
 * exactly-once fulfilment, duplicates, mismatches, rollback on hook failure, reconciliation.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { isLinkpayError, LinkpayError } from "../errors";
import { money } from "../money";
import { type ApplyResult, createPayments, type HookContext, type Payments } from "../payments";
import type { PaymentStore } from "../store";
import { createFakeProvider, type FakeProvider } from "../testing";
import { rejectionOf } from "../testing/error-capture";
import { describeLateEventsContract } from "./late-events-contract";

/** What a store under test supplies to the contract suite. */
export interface StoreContractHarness<THandle> {
  readonly store: PaymentStore<THandle>;
  /** Frees connections after the suite. */
  close?(): Promise<void>;
}

/** A controllable clock shared by the suite. */
interface Clock {
  now(): Date;
  advance(seconds: number): void;
}

function clockAt(start: Date): Clock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance: (seconds) => {
      current += seconds * 1000;
    },
  };
}

let orders = 0;
function orderRef(): string {
  orders++;
  return `STORE-${Date.now().toString(36)}-${orders}`;
}

/** The first attempt of order `ref` at the fake provider, made `now`, open for 30 minutes. */
function firstAttempt(ref: string, now: Date) {
  return {
    id: `a-${ref}`,
    orderRef: ref,
    sequence: 1,
    provider: "fake",
    amount: money(5_000, "JPY"),
    expiresAt: new Date(now.getTime() + 1_800_000),
    now,
  };
}

function request(ref: string, total = 8_800) {
  return {
    orderRef: ref,
    currency: "JPY",
    total,
    lineItems: [{ name: "Compact car, 1 day", unitAmount: total, quantity: 1 }],
  };
}

/** Registers the store contract tests for one store. */
export function describeStoreContract<THandle>(
  name: string,
  setup: () => Promise<StoreContractHarness<THandle>>,
): void {
  describe(`PaymentStore contract: ${name}`, () => {
    let harness: StoreContractHarness<THandle>;
    let clock: Clock;
    let fake: FakeProvider;
    let calls: { hook: string; orderRef: string; attemptId: string; tx: unknown }[];
    let failPaidHook: number;
    let payments: Payments;

    beforeAll(async () => {
      harness = await setup();
      clock = clockAt(new Date());
      fake = createFakeProvider({ now: clock.now });
      calls = [];
      failPaidHook = 0;
      const record = (hook: string) => (context: HookContext<THandle>) => {
        calls.push({
          hook,
          orderRef: context.attempt.orderRef,
          attemptId: context.attempt.id,
          tx: context.tx,
        });
      };
      payments = createPayments({
        providers: [fake],
        store: harness.store,
        urls: {
          success: "https://shop.example/ok/{ORDER_REF}",
          cancel: "https://shop.example/cancel",
        },
        now: clock.now,
        hooks: {
          onPaid: (context) => {
            if (failPaidHook > 0) {
              failPaidHook--;
              throw new Error("booking database is down");
            }
            record("paid")(context);
          },
          onPending: record("pending"),
          onFailed: record("failed"),
          onExpired: record("expired"),
          onCanceled: record("canceled"),
          onRefunded: record("refunded"),
        },
      });
    });
    afterAll(async () => {
      await harness?.close?.();
    });

    const hooksFor = (ref: string) => calls.filter((c) => c.orderRef === ref).map((c) => c.hook);

    async function started(ref = orderRef(), total = 8_800) {
      const { attempt } = await payments.startCheckout(request(ref, total));
      const sessionId = attempt.providerSessionId ?? "";
      const send = (type: string, extra: Record<string, unknown> = {}) =>
        payments.handleWebhook({
          provider: fake.id,
          ...fake.deliver({ type, sessionId, ...extra }),
        });
      return { ref, attempt, sessionId, send };
    }

    it("creates, finds and attaches attempts", async () => {
      const ref = orderRef();
      const now = clock.now();
      const created = await harness.store.createAttempt(firstAttempt(ref, now));
      expect(created).toMatchObject({ status: "open", version: 1, providerSessionId: null });
      expect(created.refundedAmount).toEqual(money(0, "JPY"));
      const conflict = await rejectionOf(
        harness.store.createAttempt({
          ...created,
          amount: created.amount,
          expiresAt: created.expiresAt,
          now,
          id: `b-${ref}`,
        }),
      );
      expect(isLinkpayError(conflict, "ATTEMPT_CONFLICT")).toBe(true);
      const attached = await harness.store.attachSession({
        attemptId: created.id,
        providerSessionId: `sess-${ref}`,
        hostedUrl: "https://pay.fake.test/pay/x",
        expiresAt: created.expiresAt,
        now,
      });
      expect(attached).toMatchObject({ providerSessionId: `sess-${ref}`, version: 2 });
      const again = await harness.store.attachSession({
        attemptId: created.id,
        providerSessionId: `sess-${ref}`,
        hostedUrl: "https://pay.fake.test/pay/x",
        expiresAt: created.expiresAt,
        now,
      });
      expect(again).toMatchObject({ providerSessionId: `sess-${ref}`, version: 3 });
      const missing = await rejectionOf(
        harness.store.attachSession({
          attemptId: `none-${ref}`,
          providerSessionId: `sess-none-${ref}`,
          hostedUrl: "https://pay.fake.test/pay/z",
          expiresAt: created.expiresAt,
          now,
        }),
      );
      expect(isLinkpayError(missing, "ATTEMPT_NOT_FOUND")).toBe(true);
      const other = await rejectionOf(
        harness.store.attachSession({
          attemptId: created.id,
          providerSessionId: "another-session",
          hostedUrl: "https://pay.fake.test/pay/y",
          expiresAt: created.expiresAt,
          now,
        }),
      );
      expect(isLinkpayError(other, "ATTEMPT_CONFLICT")).toBe(true);
      expect((await harness.store.findLatestAttempt({ orderRef: ref }))?.id).toBe(created.id);
      expect(
        (
          await harness.store.findAttemptBySession({
            provider: "fake",
            providerSessionId: `sess-${ref}`,
          })
        )?.id,
      ).toBe(created.id);
      expect(await harness.store.findLatestAttempt({ orderRef: `${ref}-none` })).toBeNull();
    });

    it("stores a new order's attempt together with the merchant's writes alongside it, or neither", async () => {
      const ref = orderRef();
      const now = clock.now();
      const input = firstAttempt(ref, now);
      const soldOut = new Error("no car left");
      const refused = await rejectionOf(
        harness.store.createAttempt(input, async () => {
          throw soldOut;
        }),
      );
      expect(refused).toBe(soldOut);
      expect(await harness.store.findLatestAttempt({ orderRef: ref })).toBeNull();

      const alongside: { tx: unknown; attemptId: string }[] = [];
      const created = await harness.store.createAttempt(input, async (tx, attempt) => {
        alongside.push({ tx, attemptId: attempt.id });
      });
      expect(created).toMatchObject({ id: input.id, status: "open", version: 1 });
      expect(alongside).toEqual([{ tx: expect.anything(), attemptId: input.id }]);
      expect((await harness.store.findLatestAttempt({ orderRef: ref }))?.id).toBe(input.id);
    });

    it("applies a payment once, audits it and hands hooks the store's transaction", async () => {
      const { ref, attempt, send } = await started();
      const result = await send("payment.succeeded", { eventId: `evt-paid-${ref}` });
      expect(result).toMatchObject({ outcome: "processed", changed: true });
      expect(hooksFor(ref)).toEqual(["paid"]);
      expect(calls.at(-1)?.tx).toBeDefined();
      expect((await payments.getStatus({ orderRef: ref }))?.status).toBe("paid");
      const audit = await harness.store.listAudit({ attemptId: attempt.id });
      expect(audit.map((a) => [a.from, a.to, a.cause])).toEqual([
        ["open", "paid", `fake:evt-paid-${ref}`],
      ]);
      const stored = await harness.store.findEvent({
        provider: "fake",
        eventId: `evt-paid-${ref}`,
      });
      expect(stored).toMatchObject({
        outcome: "processed",
        attemptId: attempt.id,
        kind: "payment.succeeded",
      });
      expect(stored?.payloadDigest).toMatch(/^[0-9a-f]{64}$/);
    });

    it("answers a redelivered event as a duplicate and fulfils once", async () => {
      const { ref, send } = await started();
      const first = await send("payment.succeeded", { eventId: `evt-${ref}` });
      const second = await send("payment.succeeded", { eventId: `evt-${ref}` });
      expect(first.outcome).toBe("processed");
      expect(second).toEqual({ outcome: "duplicate", eventId: `evt-${ref}` });
      expect(hooksFor(ref)).toEqual(["paid"]);
    });

    it("fulfils once when the same event arrives 10 times at once", async () => {
      const { ref, sessionId } = await started();
      const delivery = fake.deliver({
        type: "payment.succeeded",
        sessionId,
        eventId: `evt-10x-${ref}`,
      });
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          payments.handleWebhook({ provider: fake.id, ...delivery }),
        ),
      );
      const outcomes = results.map((r: ApplyResult) => r.outcome).sort();
      expect(outcomes.filter((o) => o === "processed")).toHaveLength(1);
      expect(outcomes.filter((o) => o === "duplicate")).toHaveLength(9);
      expect(hooksFor(ref)).toEqual(["paid"]);
    });

    it("fulfils once for two different success events about one session", async () => {
      const { ref, send } = await started();
      await Promise.all([send("payment.succeeded"), send("payment.succeeded")]);
      expect(hooksFor(ref)).toEqual(["paid"]);
    });

    it.each([
      ["amount", { amount: 1 }, "amount_mismatch"],
      ["currency", { currency: "USD" }, "currency_mismatch"],
      ["order reference", { orderRef: "SOMEONE-ELSES-ORDER" }, "order_ref_mismatch"],
    ])("never fulfils when the %s does not match", async (_label, override, reason) => {
      const { ref, attempt, send } = await started();
      const result = await send("payment.succeeded", { eventId: `evt-mm-${ref}`, ...override });
      expect(result).toEqual({
        outcome: "rejected",
        eventId: `evt-mm-${ref}`,
        attemptId: attempt.id,
        reason,
      });
      expect(hooksFor(ref)).toEqual([]);
      expect((await payments.getStatus({ orderRef: ref }))?.status).toBe("open");
      expect(
        await harness.store.findEvent({ provider: "fake", eventId: `evt-mm-${ref}` }),
      ).toMatchObject({
        outcome: "rejected",
        reason,
      });
      expect(
        await send("payment.succeeded", { eventId: `evt-mm-${ref}`, ...override }),
      ).toMatchObject({
        outcome: "duplicate",
      });
    });

    it("rolls everything back when a hook throws, so the retry succeeds", async () => {
      const { ref, attempt, sessionId } = await started();
      const delivery = fake.deliver({
        type: "payment.succeeded",
        sessionId,
        eventId: `evt-rb-${ref}`,
      });
      failPaidHook = 1;
      const error = await rejectionOf(payments.handleWebhook({ provider: fake.id, ...delivery }));
      expect(isLinkpayError(error, "HOOK_FAILED") && error.retryable).toBe(true);
      expect((await payments.getStatus({ orderRef: ref }))?.status).toBe("open");
      expect(
        await harness.store.findEvent({ provider: "fake", eventId: `evt-rb-${ref}` }),
      ).toBeNull();
      expect(await harness.store.listAudit({ attemptId: attempt.id })).toEqual([]);
      const retry = await payments.handleWebhook({ provider: fake.id, ...delivery });
      expect(retry).toMatchObject({ outcome: "processed", changed: true });
      expect(hooksFor(ref)).toEqual(["paid"]);
    });

    it("does not acknowledge an event for an attempt that is not stored yet", async () => {
      const error = await rejectionOf(
        payments.handleWebhook({
          provider: fake.id,
          ...fake.deliver({
            type: "payment.succeeded",
            sessionId: "fs_unknown",
            eventId: "evt-early",
            orderRef: "NOT-YET",
            amount: 100,
            currency: "JPY",
          }),
        }),
      );
      expect(isLinkpayError(error, "ATTEMPT_NOT_READY") && error.retryable).toBe(true);
      expect(await harness.store.findEvent({ provider: fake.id, eventId: "evt-early" })).toBeNull();
    });

    /** An attempt stored as startCheckout stores it, before its session is attached. */
    async function attemptWithoutSession(id: string, ref: string) {
      const now = clock.now();
      return harness.store.createAttempt({
        id,
        orderRef: ref,
        sequence: 1,
        provider: fake.id,
        amount: money(3_000, "JPY"),
        expiresAt: new Date(now.getTime() + 1_800_000),
        now,
      });
    }

    it("binds a session whose webhook overtook startCheckout", async () => {
      const ref = orderRef();
      const attempt = await attemptWithoutSession(`early-${ref}`, ref);
      const result = await payments.handleWebhook({
        provider: fake.id,
        ...fake.deliver({
          type: "payment.succeeded",
          sessionId: `sess-${ref}`,
          orderRef: ref,
          amount: 3_000,
          currency: "JPY",
        }),
      });
      expect(result).toMatchObject({ outcome: "processed", changed: true, attemptId: attempt.id });
      expect(
        (
          await harness.store.findAttemptBySession({
            provider: fake.id,
            providerSessionId: `sess-${ref}`,
          })
        )?.status,
      ).toBe("paid");
    });

    it("binds an early webhook only to the attempt it names, when it names one", async () => {
      const ref = orderRef();
      // Another linkpay shop on the same PSP account used the same order reference.
      const attempt = await attemptWithoutSession(`named-${ref}`, ref);
      const foreign = {
        type: "payment.succeeded",
        sessionId: `sess-foreign-${ref}`,
        eventId: `evt-foreign-${ref}`,
        orderRef: ref,
        attemptId: `another-shops-attempt-${ref}`,
        amount: 3_000,
        currency: "JPY",
      } as const;
      const error = await payments
        .handleWebhook({ provider: fake.id, ...fake.deliver(foreign) })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(isLinkpayError(error, "ATTEMPT_NOT_READY")).toBe(true);
      expect((await payments.getStatus({ orderRef: ref }))?.status).toBe("open");
      expect(
        await harness.store.findAttemptBySession({
          provider: fake.id,
          providerSessionId: foreign.sessionId,
        }),
      ).toBeNull();

      const own = await payments.handleWebhook({
        provider: fake.id,
        ...fake.deliver({
          ...foreign,
          sessionId: `sess-${ref}`,
          eventId: `evt-own-${ref}`,
          attemptId: attempt.id,
        }),
      });
      expect(own).toMatchObject({ outcome: "processed", changed: true, attemptId: attempt.id });
    });

    it("rejects an event whose echoed attempt id is not its session's attempt", async () => {
      const { ref, attempt, send } = await started();
      const result = await send("payment.succeeded", {
        eventId: `evt-other-attempt-${ref}`,
        attemptId: `not-${attempt.id}`,
      });
      expect(result).toEqual({
        outcome: "rejected",
        eventId: `evt-other-attempt-${ref}`,
        attemptId: attempt.id,
        reason: "attempt_mismatch",
      });
      expect(hooksFor(ref)).toEqual([]);
    });

    it("ends in the right state when events arrive out of order", async () => {
      const { ref, send } = await started(orderRef(), 10_000);
      await send("payment.refunded", { refundedAmount: 10_000 });
      await send("payment.refunded", { refundedAmount: 4_000 });
      await send("payment.succeeded");
      await send("payment.pending");
      await send("checkout.expired");
      const attempt = await payments.getStatus({ orderRef: ref });
      expect(attempt?.status).toBe("refunded");
      expect(attempt?.refundedAmount).toEqual(money(10_000, "JPY"));
      expect(hooksFor(ref)).toEqual(["paid", "refunded"]);
    });

    it("does not fulfil a konbini checkout until the payment succeeds", async () => {
      const { ref, send } = await started();
      await send("checkout.completed");
      await send("payment.pending");
      expect((await payments.getStatus({ orderRef: ref }))?.status).toBe("processing");
      expect(hooksFor(ref)).toEqual(["pending"]);
      await send("payment.succeeded");
      expect(hooksFor(ref)).toEqual(["pending", "paid"]);
    });

    it("records ignored events once", async () => {
      const { send } = await started();
      const first = await send("customer.created", { eventId: "evt-ignored-1" });
      const second = await send("customer.created", { eventId: "evt-ignored-1" });
      expect(first).toMatchObject({ outcome: "ignored", reason: "unhandled_type" });
      expect(second).toMatchObject({ outcome: "duplicate" });
    });

    it("refuses an attempt write with a stale version", async () => {
      const { attempt } = await started();
      const current = await harness.store.findLatestAttempt({ orderRef: attempt.orderRef });
      const error = await rejectionOf(
        harness.store.transaction((tx) =>
          tx.updateAttempt({
            ...(current ?? attempt),
            status: "paid",
            version: (current?.version ?? 0) + 5,
          }),
        ),
      );
      expect(isLinkpayError(error, "STORE_CONFLICT") && error.retryable).toBe(true);
      expect((await payments.getStatus({ orderRef: attempt.orderRef }))?.status).toBe("open");
    });

    it("claims stale attempts once per lease", async () => {
      const { attempt } = await started();
      clock.advance(3_600);
      const now = clock.now();
      const claim = () =>
        harness.store.claimStaleAttempts({
          updatedBefore: new Date(now.getTime() - 60_000),
          now,
          limit: 1000,
          leaseSeconds: 60,
        });
      const [first, second] = await Promise.all([claim(), claim()]);
      const ids = [...(first ?? []), ...(second ?? [])]
        .map((a) => a.id)
        .filter((id) => id === attempt.id);
      expect(ids).toEqual([attempt.id]);
      clock.advance(120);
      const later = await harness.store.claimStaleAttempts({
        updatedBefore: clock.now(),
        now: clock.now(),
        limit: 1000,
        leaseSeconds: 60,
      });
      expect(later.map((a) => a.id)).toContain(attempt.id);
    });

    it("releases a claim so that the attempt can be claimed again at once", async () => {
      const { attempt } = await started();
      clock.advance(3_600);
      const claim = () =>
        harness.store.claimStaleAttempts({
          updatedBefore: clock.now(),
          now: clock.now(),
          limit: 1000,
          leaseSeconds: 600,
        });
      expect((await claim()).map((a) => a.id)).toContain(attempt.id);
      expect((await claim()).map((a) => a.id)).not.toContain(attempt.id);
      await harness.store.releaseClaim({ attemptId: attempt.id, at: clock.now() });
      expect((await claim()).map((a) => a.id)).toContain(attempt.id);
    });

    it("offers attempts checked longest ago first, so a backlog beyond one pass takes turns", async () => {
      const mine: string[] = [];
      for (let i = 0; i < 3; i++) {
        mine.push((await started()).attempt.id);
        clock.advance(1);
      }
      clock.advance(3_600);
      const claim = (limit: number, leaseSeconds: number) =>
        harness.store.claimStaleAttempts({
          updatedBefore: clock.now(),
          now: clock.now(),
          limit,
          leaseSeconds,
        });
      // Take every other test's stale attempt out of the way for the length of this test.
      const everyone = (await claim(100_000, 86_400)).map((a) => a.id);
      expect(everyone).toEqual(expect.arrayContaining(mine));
      const release = (ids: readonly string[]) =>
        Promise.all(
          ids.map((attemptId) => harness.store.releaseClaim({ attemptId, at: clock.now() })),
        );
      await release(mine);

      const first = (await claim(2, 600)).map((a) => a.id);
      expect(first).toEqual(mine.slice(0, 2));
      clock.advance(1);
      await release(first);
      // The one left out last time comes first (the old order, by updatedAt, offered the same two).
      const second = (await claim(2, 600)).map((a) => a.id);
      expect(second).toHaveLength(2);
      expect(second).toContain(mine[2]);
      clock.advance(1);
      await release([...everyone, ...second]);
    });

    it("finds a payment made just after a check on the next pass, not a lease later", async () => {
      const { ref, sessionId } = await started();
      clock.advance(3_600);
      // The provider still says "open": nothing to apply.
      await payments.reconcile({ olderThanSeconds: 60, leaseSeconds: 600 });
      fake.settle({ sessionId, status: "paid" });
      // Webhooks lost; the next pass comes one interval later, well inside the lease.
      clock.advance(60);
      await payments.reconcile({ olderThanSeconds: 60, leaseSeconds: 600 });
      expect((await payments.getStatus({ orderRef: ref }))?.status).toBe("paid");
      expect(hooksFor(ref)).toEqual(["paid"]);
    });

    it("reconciles a missed payment once, even when run twice and concurrently", async () => {
      const { ref, attempt, sessionId } = await started();
      fake.settle({ sessionId, status: "paid" });
      clock.advance(3_600);
      const [a, b] = await Promise.all([
        payments.reconcile({ olderThanSeconds: 60 }),
        payments.reconcile({ olderThanSeconds: 60 }),
      ]);
      const failures = [...a.failed, ...b.failed].filter((f) => f.attemptId === attempt.id);
      expect(failures).toEqual([]);
      expect((await payments.getStatus({ orderRef: ref }))?.status).toBe("paid");
      expect(hooksFor(ref)).toEqual(["paid"]);
      clock.advance(3_600);
      const again = await payments.reconcile({ olderThanSeconds: 60 });
      expect(again.changed).toBe(0);
      expect(hooksFor(ref)).toEqual(["paid"]);
    });

    it("reconciles an abandoned checkout to expired", async () => {
      const { ref, sessionId } = await started();
      fake.settle({ sessionId, status: "expired" });
      clock.advance(3_600);
      await payments.reconcile({ olderThanSeconds: 60 });
      expect((await payments.getStatus({ orderRef: ref }))?.status).toBe("expired");
      expect(hooksFor(ref)).toEqual(["expired"]);
    });

    describeLateEventsContract(() => ({
      payments,
      fake,
      store: harness.store,
      calls,
      newOrderRef: orderRef,
    }));

    describe("refunds", () => {
      /** A paid order (the webhook applied, the fake provider holding the payment). */
      async function paid(total = 10_000) {
        const checkout = await started(orderRef(), total);
        await checkout.send("payment.succeeded");
        fake.settle({ sessionId: checkout.sessionId, status: "paid" });
        return checkout;
      }
      let keys = 0;
      const key = () => `refund-${Date.now().toString(36)}-${++keys}`;
      const ask = (ref: string, amount: number | undefined, idempotencyKey = key()) =>
        payments.refund({
          orderRef: ref,
          ...(amount === undefined ? {} : { amount: money(amount, "JPY") }),
          reason: "cancelled by the shopper",
          actor: "staff:ann",
          idempotencyKey,
        });
      const providerRefundsOf = (sessionId: string) =>
        fake.refunds.filter((refund) => refund.sessionId === sessionId);

      it("records a refund, asks the provider once, and moves the attempt when the provider confirms", async () => {
        const { ref, sessionId, send } = await paid();
        const { refund, replayed } = await ask(ref, 3_000);
        expect(replayed).toBe(false);
        expect(refund).toMatchObject({
          orderRef: ref,
          amount: money(3_000, "JPY"),
          reason: "cancelled by the shopper",
          actor: "staff:ann",
          status: "succeeded",
          failureCode: null,
        });
        expect(refund.providerRefundId).toBe(providerRefundsOf(sessionId)[0]?.refundId);
        // Not refunded in the store until the provider says so.
        expect((await payments.getStatus({ orderRef: ref }))?.status).toBe("paid");
        await send("payment.refunded", { refundedAmount: 3_000 });
        const attempt = await payments.getStatus({ orderRef: ref });
        expect(attempt?.status).toBe("partially_refunded");
        expect(attempt?.refundedAmount).toEqual(money(3_000, "JPY"));
        expect(hooksFor(ref)).toEqual(["paid", "refunded"]);
        clock.advance(1);
        const { refund: rest } = await ask(ref, undefined);
        expect(rest.amount).toEqual(money(7_000, "JPY"));
        await send("payment.refunded", { refundedAmount: 10_000 });
        expect((await payments.getStatus({ orderRef: ref }))?.status).toBe("refunded");
        expect(hooksFor(ref)).toEqual(["paid", "refunded", "refunded"]);
        expect((await harness.store.listRefunds({ orderRef: ref })).map((r) => r.id)).toEqual([
          refund.id,
          rest.id,
        ]);
      });

      it("marks refunds the provider answered pending as succeeded once its refunded total covers them all", async () => {
        const { ref, send } = await paid();
        fake.answerNextRefund("pending", 2);
        const { refund: first } = await ask(ref, 3_000);
        clock.advance(1);
        const { refund: second } = await ask(ref, 2_000);
        expect([first.status, second.status]).toEqual(["pending", "pending"]);
        const statuses = async () =>
          (await harness.store.listRefunds({ orderRef: ref })).map((r) => [
            r.amount.amount,
            r.status,
          ]);
        // 3,000 confirmed of 5,000 asked: which of the two it was is unknown, so both stay pending.
        clock.advance(1);
        await send("payment.refunded", { refundedAmount: 3_000 });
        expect(await statuses()).toEqual([
          [3_000, "pending"],
          [2_000, "pending"],
        ]);
        clock.advance(1);
        await send("payment.refunded", { refundedAmount: 5_000 });
        expect(await statuses()).toEqual([
          [3_000, "succeeded"],
          [2_000, "succeeded"],
        ]);
        const answered = (await payments.history({ orderRef: ref })).timeline.filter(
          (entry) => entry.type === "refund_answered",
        );
        expect(answered.map((entry) => entry.type === "refund_answered" && entry.status)).toEqual([
          "succeeded",
          "succeeded",
        ]);
      });

      it("refuses more than what is left, counting refunds not yet confirmed, and records nothing", async () => {
        const { ref, sessionId } = await paid();
        await ask(ref, 6_000);
        const over = await rejectionOf(ask(ref, 4_001));
        expect(isLinkpayError(over, "REFUND_EXCEEDS_REMAINING")).toBe(true);
        expect(isLinkpayError(over) && over.details).toMatchObject({
          field: "amount",
          remaining: money(4_000, "JPY"),
        });
        await ask(ref, 4_000);
        const nothingLeft = await rejectionOf(ask(ref, 1));
        expect(isLinkpayError(nothingLeft, "REFUND_NOT_ALLOWED")).toBe(true);
        expect(await harness.store.listRefunds({ orderRef: ref })).toHaveLength(2);
        expect(providerRefundsOf(sessionId).map((r) => r.amount)).toEqual([6_000, 4_000]);
      });

      it("refunds once per idempotency key, also for a double click, and refuses the key for another refund", async () => {
        const { ref, sessionId } = await paid();
        const sameKey = key();
        const [a, b] = await Promise.all([ask(ref, 2_000, sameKey), ask(ref, 2_000, sameKey)]);
        expect(a.refund.id).toBe(b.refund.id);
        expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
        const again = await ask(ref, undefined, sameKey);
        expect(again).toMatchObject({ replayed: true, refund: { id: a.refund.id } });
        expect(providerRefundsOf(sessionId)).toHaveLength(1);
        const reused = await rejectionOf(ask(ref, 2_500, sameKey));
        expect(isLinkpayError(reused, "REFUND_KEY_REUSED")).toBe(true);
        expect(await harness.store.listRefunds({ orderRef: ref })).toHaveLength(1);
      });

      it("refuses to refund a payment that was not made, recording nothing", async () => {
        const { ref } = await started();
        const error = await rejectionOf(ask(ref, 1_000));
        expect(isLinkpayError(error, "REFUND_NOT_ALLOWED")).toBe(true);
        expect(await harness.store.listRefunds({ orderRef: ref })).toEqual([]);
        const unknown = await rejectionOf(ask(orderRef(), 1_000));
        expect(isLinkpayError(unknown, "ATTEMPT_NOT_FOUND")).toBe(true);
      });

      it("keeps a refund the provider did not answer pending, and asks again with the same key", async () => {
        const { ref, sessionId } = await paid();
        const sameKey = key();
        fake.failNextRefund(new LinkpayError("PROVIDER_UNAVAILABLE", "timed out"));
        const timedOut = await rejectionOf(ask(ref, 1_500, sameKey));
        expect(isLinkpayError(timedOut, "PROVIDER_UNAVAILABLE")).toBe(true);
        expect(await harness.store.findRefund({ idempotencyKey: sameKey })).toMatchObject({
          status: "pending",
          providerRefundId: null,
        });
        const retried = await ask(ref, 1_500, sameKey);
        expect(retried.refund.status).toBe("succeeded");
        expect(providerRefundsOf(sessionId)).toHaveLength(1);
        expect(providerRefundsOf(sessionId)[0]?.idempotencyKey).toBe(
          `linkpay-refund-${retried.refund.id}`,
        );
      });

      it("leaves a refund pending when only a repeated call was refused (the first may still be in flight)", async () => {
        const { ref } = await paid();
        const sameKey = key();
        fake.failNextRefund(new LinkpayError("PROVIDER_UNAVAILABLE", "timed out"));
        await rejectionOf(ask(ref, 10_000, sameKey));
        fake.failNextRefund(new LinkpayError("PROVIDER_REJECTED", "idempotency key in use"));
        const refused = await rejectionOf(ask(ref, 10_000, sameKey));
        expect(isLinkpayError(refused, "PROVIDER_REJECTED")).toBe(true);
        expect(await harness.store.findRefund({ idempotencyKey: sameKey })).toMatchObject({
          status: "pending",
        });
        // Still counted: no second refund of the same money meanwhile.
        const other = await rejectionOf(ask(ref, 1));
        expect(isLinkpayError(other, "REFUND_NOT_ALLOWED")).toBe(true);
      });

      it("marks a refund the provider refused as failed, which then no longer counts", async () => {
        const { ref } = await paid();
        fake.failNextRefund(new LinkpayError("PROVIDER_REJECTED", "charge is disputed"));
        const refused = await rejectionOf(ask(ref, 10_000));
        expect(isLinkpayError(refused, "PROVIDER_REJECTED")).toBe(true);
        const [failed] = await harness.store.listRefunds({ orderRef: ref });
        expect(failed).toMatchObject({ status: "failed", failureCode: "PROVIDER_REJECTED" });
        expect((await ask(ref, 10_000)).refund.status).toBe("succeeded");
      });

      it("tells an order's history in time order: attempts, events, state changes, refunds", async () => {
        const { ref, sessionId, send, attempt } = await started(orderRef(), 10_000);
        clock.advance(1);
        await send("payment.succeeded");
        fake.settle({ sessionId, status: "paid" });
        clock.advance(1);
        const { refund } = await ask(ref, 3_000);
        clock.advance(1);
        await send("payment.refunded", { refundedAmount: 3_000 });
        clock.advance(1);
        await send("payment.succeeded", { amount: 1 });
        const history = await payments.history({ orderRef: ref });
        expect(history.attempts.map((a) => a.id)).toEqual([attempt.id]);
        expect(history.refunds.map((r) => r.id)).toEqual([refund.id]);
        expect(
          history.timeline.map((entry) => {
            switch (entry.type) {
              case "event_received":
                return `${entry.type}:${entry.kind}:${entry.outcome}:${entry.reason ?? ""}`;
              case "status_changed":
                return `${entry.type}:${entry.from}>${entry.to}`;
              case "refund_requested":
                return `${entry.type}:${entry.amount.amount}:${entry.actor}`;
              case "refund_answered":
                return `${entry.type}:${entry.status}`;
              default:
                return entry.type;
            }
          }),
        ).toEqual([
          "attempt_created",
          "event_received:payment.succeeded:processed:",
          "status_changed:open>paid",
          "refund_requested:3000:staff:ann",
          "refund_answered:succeeded",
          "event_received:payment.refunded:processed:",
          "status_changed:paid>partially_refunded",
          "event_received:payment.succeeded:rejected:amount_mismatch",
        ]);
        const times = history.timeline.map((entry) => entry.at.getTime());
        expect(times).toEqual([...times].sort((a, b) => a - b));
        expect(JSON.stringify(history)).not.toContain("payload");
        expect(await payments.history({ orderRef: orderRef() })).toEqual({
          orderRef: expect.any(String),
          attempts: [],
          refunds: [],
          timeline: [],
        });
      });

      it("confirms a refund whose webhook was lost through reconciliation, once", async () => {
        const { ref, attempt } = await paid();
        const untouched = await paid();
        await ask(ref, 2_500);
        fake.failNextRefund(new LinkpayError("PROVIDER_REJECTED", "refused"));
        await rejectionOf(ask(untouched.ref, 1_000));
        // Too recent for reconciliation: the webhook may still come.
        expect(
          await harness.store.findAttemptsAwaitingRefund({
            requestedBefore: new Date(clock.now().getTime() - 60_000),
            limit: 100,
          }),
        ).toEqual([]);
        clock.advance(3_600);
        const awaiting = await harness.store.findAttemptsAwaitingRefund({
          requestedBefore: new Date(clock.now().getTime() - 60_000),
          limit: 100,
        });
        expect(awaiting.map((a) => a.id)).toContain(attempt.id);
        expect(awaiting.map((a) => a.id)).not.toContain(untouched.attempt.id);
        await payments.reconcile({ olderThanSeconds: 60 });
        const after = await payments.getStatus({ orderRef: ref });
        expect(after?.status).toBe("partially_refunded");
        expect(after?.refundedAmount).toEqual(money(2_500, "JPY"));
        expect(hooksFor(ref)).toEqual(["paid", "refunded"]);
        clock.advance(3_600);
        await payments.reconcile({ olderThanSeconds: 60 });
        expect(hooksFor(ref)).toEqual(["paid", "refunded"]);
        const again = await harness.store.findAttemptsAwaitingRefund({
          requestedBefore: clock.now(),
          limit: 100,
        });
        expect(again.map((a) => a.id)).not.toContain(attempt.id);
      });

      it("refuses a malformed request by name", async () => {
        const { ref } = await paid();
        const cases = [
          { orderRef: ref, reason: "", actor: "staff:ann", idempotencyKey: key() },
          { orderRef: ref, reason: "r", actor: "staff:ann", idempotencyKey: "has space" },
          { reason: "r", actor: "staff:ann", idempotencyKey: key() },
        ];
        for (const input of cases) {
          const error = await rejectionOf(payments.refund(input));
          expect(isLinkpayError(error, "INVALID_REFUND_REQUEST")).toBe(true);
        }
        const float = await rejectionOf(
          payments.refund({
            orderRef: ref,
            amount: { ...money(1, "JPY"), amount: 1.5 },
            reason: "r",
            actor: "a",
            idempotencyKey: key(),
          }),
        );
        expect(isLinkpayError(float, "INVALID_AMOUNT")).toBe(true);
        const dollars = await rejectionOf(
          payments.refund({
            orderRef: ref,
            amount: money(100, "USD"),
            reason: "r",
            actor: "a",
            idempotencyKey: key(),
          }),
        );
        expect(isLinkpayError(dollars, "CURRENCY_MISMATCH")).toBe(true);
        expect(await harness.store.listRefunds({ orderRef: ref })).toEqual([]);
      });
    });
  });
}

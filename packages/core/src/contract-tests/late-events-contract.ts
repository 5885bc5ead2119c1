/**
 * @module
 * Part of the store contract: a retry after a closed attempt, and events that come late, twice or
 * out of order. PSPs deliver all of these (KOMOJU: `authorized` after `captured`, the cancel of a
 * session the shopper left, again after the shopper paid a new one), so every store must keep each
 * event on its own attempt, apply it once, and let no late event undo or double a state change.
 */
import { describe, expect, it } from "@jest/globals";
import { isLinkpayError } from "../errors";
import type { ApplyResult, Payments } from "../payments";
import type { PaymentEventKind, PaymentStatus } from "../state-machine";
import type { PaymentStore } from "../store";
import type { FakeProvider } from "../testing";

/** One merchant hook call, as the store contract records it. */
export interface RecordedHook {
  readonly hook: string;
  readonly orderRef: string;
  readonly attemptId: string;
}

/** What the store contract hands these tests once its `beforeAll` has run. */
export interface LateEventsFixture {
  readonly payments: Payments;
  readonly fake: FakeProvider;
  readonly store: PaymentStore<unknown>;
  readonly calls: readonly RecordedHook[];
  newOrderRef(): string;
}

/** The unpaid ways an attempt closes, with the status and hook each gives. */
const CLOSING: readonly (readonly [PaymentEventKind, PaymentStatus, string])[] = [
  ["checkout.canceled", "canceled", "canceled"],
  ["checkout.expired", "expired", "expired"],
  ["payment.failed", "failed", "failed"],
];

/** Everything a stale session may still send that does not take money. */
const UNPAID_KINDS: readonly PaymentEventKind[] = [
  "payment.pending",
  "payment.failed",
  "checkout.expired",
  "checkout.canceled",
];

/** Event ids unique across runs too: a PostgreSQL store may outlive one test run. */
const run = Date.now().toString(36);
let events = 0;
const nextEventId = (label: string) => `evt-${label}-${run}-${++events}`;

/** Registers the tests; `fixture` is read when each test runs. */
export function describeLateEventsContract(fixture: () => LateEventsFixture): void {
  function checkout(orderRef: string) {
    return {
      orderRef,
      currency: "JPY",
      total: 6_600,
      lineItems: [{ name: "Kei car, 1 day", unitAmount: 6_600, quantity: 1 }],
    };
  }

  async function started(orderRef = fixture().newOrderRef()) {
    const { payments, fake } = fixture();
    const { attempt } = await payments.startCheckout(checkout(orderRef));
    const sessionId = attempt.providerSessionId ?? "";
    const send = (
      type: PaymentEventKind,
      extra: { eventId?: string; refundedAmount?: number } = {},
    ) =>
      payments.handleWebhook({
        provider: fake.id,
        ...fake.deliver({
          type,
          sessionId,
          eventId: extra.eventId ?? nextEventId("late"),
          refundedAmount: extra.refundedAmount,
        }),
      });
    return { orderRef, attempt, sessionId, send };
  }

  const hooksOf = (attemptId: string) =>
    fixture()
      .calls.filter((call) => call.attemptId === attemptId)
      .map((call) => call.hook);

  async function statusOf(sessionId: string): Promise<PaymentStatus | undefined> {
    const { store, fake } = fixture();
    return (await store.findAttemptBySession({ provider: fake.id, providerSessionId: sessionId }))
      ?.status;
  }

  describe("retries and late events", () => {
    it.each(CLOSING)(
      "after %s, a new attempt gets its own session and the old session's late events stay on the old attempt",
      async (closing, closedStatus, closedHook) => {
        const first = await started();
        await first.send(closing);
        expect(await statusOf(first.sessionId)).toBe(closedStatus);

        const { payments } = fixture();
        const retry = await payments.startCheckout(checkout(first.orderRef));
        const second = retry.attempt;
        expect(retry.reused).toBe(false);
        expect(second).toMatchObject({ sequence: 2, status: "open" });
        expect(second.id).not.toBe(first.attempt.id);
        expect(second.providerSessionId).not.toBe(first.sessionId);

        for (const kind of UNPAID_KINDS) {
          const result = await first.send(kind);
          expect(result).toMatchObject({
            outcome: "processed",
            attemptId: first.attempt.id,
            changed: false,
          });
        }
        expect(await statusOf(first.sessionId)).toBe(closedStatus);
        expect(await payments.getStatus({ orderRef: first.orderRef })).toMatchObject({
          id: second.id,
          status: "open",
        });

        // Money taken on the session the shopper left: it is recorded on that attempt, with an
        // alert for a person, and never counts as payment of the new one.
        const late: ApplyResult = await first.send("payment.succeeded");
        expect(late).toMatchObject({
          outcome: "processed",
          attemptId: first.attempt.id,
          changed: true,
          alert: "paid_after_closed",
        });
        expect(await statusOf(first.sessionId)).toBe("paid");
        expect(await statusOf(second.providerSessionId ?? "")).toBe("open");
        expect(hooksOf(first.attempt.id)).toEqual([closedHook, "paid"]);
        expect(hooksOf(second.id)).toEqual([]);

        // The order is paid now: no more checkout, not even the later attempt's open session.
        const again = await payments.startCheckout(checkout(first.orderRef)).then(
          () => undefined,
          (error: unknown) => error,
        );
        expect(isLinkpayError(again) && again.code).toBe("CHECKOUT_ALREADY_PAID");
        expect(isLinkpayError(again) && again.details).toMatchObject({
          attemptId: first.attempt.id,
          status: "paid",
        });
      },
    );

    it("treats a pending payment reported after the payment succeeded as stale, running hooks once", async () => {
      const { attempt, sessionId, send } = await started();
      await send("payment.pending");
      await send("payment.succeeded");
      const late = await send("payment.pending");
      expect(late).toMatchObject({ outcome: "processed", changed: false, noop: "stale_event" });
      expect(await statusOf(sessionId)).toBe("paid");
      expect(hooksOf(attempt.id)).toEqual(["pending", "paid"]);

      const card = await started();
      await card.send("payment.succeeded");
      expect(await card.send("payment.pending")).toMatchObject({ changed: false });
      expect(await statusOf(card.sessionId)).toBe("paid");
      expect(hooksOf(card.attempt.id)).toEqual(["paid"]);
    });

    it.each(["checkout.canceled", "checkout.expired", "payment.failed"] as const)(
      "ignores %s after the payment succeeded",
      async (kind) => {
        const { attempt, sessionId, send } = await started();
        await send("payment.succeeded");
        expect(await send(kind)).toMatchObject({
          outcome: "processed",
          changed: false,
          noop: "already_paid",
        });
        expect(await statusOf(sessionId)).toBe("paid");
        expect(hooksOf(attempt.id)).toEqual(["paid"]);
      },
    );

    it.each([
      ["payment.pending", "processing", ["pending"]],
      ["checkout.canceled", "canceled", ["canceled"]],
      ["checkout.expired", "expired", ["expired"]],
      ["payment.failed", "failed", ["failed"]],
    ] as const)("applies a redelivered %s once", async (kind, status, hooks) => {
      const { attempt, sessionId, send } = await started();
      const eventId = nextEventId("twice");
      expect(await send(kind, { eventId })).toMatchObject({ outcome: "processed", changed: true });
      expect(await send(kind, { eventId })).toEqual({ outcome: "duplicate", eventId });
      expect(await statusOf(sessionId)).toBe(status);
      expect(hooksOf(attempt.id)).toEqual(hooks);
    });

    it("applies a redelivered refund once", async () => {
      const { attempt, sessionId, send } = await started();
      await send("payment.succeeded");
      const eventId = nextEventId("twice");
      await send("payment.refunded", { eventId, refundedAmount: 1_000 });
      expect(await send("payment.refunded", { eventId, refundedAmount: 1_000 })).toEqual({
        outcome: "duplicate",
        eventId,
      });
      expect(await statusOf(sessionId)).toBe("partially_refunded");
      expect(hooksOf(attempt.id)).toEqual(["paid", "refunded"]);
    });
  });
}

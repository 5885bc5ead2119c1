import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { isClosedStatus, isPaidStatus, PAYMENT_EVENT_KINDS } from "./payment-status";
import {
  type PaymentEffect,
  type PaymentState,
  type PaymentStateEvent,
  transition,
} from "./transition";

const AMOUNT = 12_000;
const start: PaymentState = { status: "open", amount: AMOUNT, refundedAmount: 0 };

function run(events: readonly PaymentStateEvent[]): {
  state: PaymentState;
  effects: PaymentEffect[];
  history: PaymentState[];
} {
  let state = start;
  const effects: PaymentEffect[] = [];
  const history: PaymentState[] = [state];
  for (const event of events) {
    const result = transition(state, event);
    if (result.changed) effects.push(...result.effects);
    state = result.state;
    history.push(state);
  }
  return { state, effects, history };
}

/** Cumulative refund amounts, strictly increasing, ending at most at the total. */
const refunds = fc
  .uniqueArray(fc.integer({ min: 1, max: AMOUNT }), { maxLength: 3 })
  .map((amounts) =>
    [...amounts]
      .sort((a, b) => a - b)
      .map((refundedAmount): PaymentStateEvent => ({ kind: "payment.refunded", refundedAmount })),
  );

/** Event sequences a real provider can produce for one checkout, in the order they happen. */
const lifecycle: fc.Arbitrary<PaymentStateEvent[]> = fc.oneof(
  refunds.map((r) => [
    { kind: "checkout.completed" as const },
    { kind: "payment.succeeded" as const },
    ...r,
  ]),
  refunds.map((r) => [{ kind: "payment.succeeded" as const }, ...r]),
  refunds.map((r) => [
    { kind: "payment.pending" as const },
    { kind: "payment.succeeded" as const },
    ...r,
  ]),
  fc.constant<PaymentStateEvent[]>([
    { kind: "payment.pending" as const },
    { kind: "payment.failed" as const },
  ]),
  fc.constant<PaymentStateEvent[]>([{ kind: "payment.failed" as const }]),
  fc.constant<PaymentStateEvent[]>([{ kind: "checkout.expired" as const }]),
  fc.constant<PaymentStateEvent[]>([{ kind: "checkout.canceled" as const }]),
);

/** The same events delivered the way providers deliver them: shuffled and duplicated. */
function delivered(events: PaymentStateEvent[]): fc.Arbitrary<PaymentStateEvent[]> {
  return fc
    .array(fc.constantFrom(...events), { maxLength: events.length * 2 })
    .chain((duplicates) => {
      const all = [...events, ...duplicates];
      return fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length });
    });
}

const anyEvent: fc.Arbitrary<PaymentStateEvent> = fc.record({
  kind: fc.constantFrom(...PAYMENT_EVENT_KINDS),
  refundedAmount: fc.option(fc.integer({ min: 0, max: AMOUNT * 2 }), { nil: undefined }),
});

const rankOf = (s: PaymentState): number =>
  isPaidStatus(s.status) ? 3 : isClosedStatus(s.status) ? 2 : s.status === "processing" ? 1 : 0;

describe("transition properties", () => {
  it("any delivery order with duplicates ends where the in-order sequence ends", () => {
    fc.assert(
      fc.property(
        lifecycle.chain((events) => fc.tuple(fc.constant(events), delivered(events))),
        ([inOrder, shuffled]) => {
          const expected = run(inOrder);
          const actual = run(shuffled);
          expect(actual.state).toEqual(expected.state);
          const paidCount = (effects: PaymentEffect[]) =>
            effects.filter((e) => e === "paid").length;
          expect(paidCount(actual.effects)).toBe(paidCount(expected.effects));
          expect(paidCount(actual.effects)).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("never moves a paid or closed state backwards, and refunds only grow", () => {
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 30 }), (events) => {
        const { history, effects } = run(events);
        for (let i = 1; i < history.length; i++) {
          const before = history[i - 1] ?? start;
          const after = history[i] ?? start;
          expect(rankOf(after)).toBeGreaterThanOrEqual(rankOf(before));
          expect(after.refundedAmount).toBeGreaterThanOrEqual(before.refundedAmount);
          expect(after.refundedAmount).toBeLessThanOrEqual(AMOUNT);
          if (isPaidStatus(before.status)) expect(isPaidStatus(after.status)).toBe(true);
          if (before.status === "refunded") expect(after.status).toBe("refunded");
        }
        expect(effects.filter((e) => e === "paid").length).toBeLessThanOrEqual(1);
        const closing = effects.filter(
          (e) => e === "failed" || e === "expired" || e === "canceled",
        );
        expect(closing.length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 1000 },
    );
  });

  it("applying the same event twice in a row never changes anything the second time", () => {
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 10 }), anyEvent, (prefix, event) => {
        const { state } = run(prefix);
        const once = transition(state, event);
        expect(transition(once.state, event).changed).toBe(false);
      }),
    );
  });
});

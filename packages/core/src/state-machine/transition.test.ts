import { describe, expect, it } from "@jest/globals";
import type { PaymentEventKind, PaymentStatus } from "./payment-status";
import { type PaymentState, transition } from "./transition";

const at = (status: PaymentStatus, refundedAmount = 0): PaymentState => ({
  status,
  amount: 10_000,
  refundedAmount,
});

describe("transition", () => {
  it.each<[PaymentStatus, PaymentEventKind, PaymentStatus, string[]]>([
    ["open", "checkout.completed", "processing", ["pending"]],
    ["open", "payment.pending", "processing", ["pending"]],
    ["open", "payment.succeeded", "paid", ["paid"]],
    ["processing", "payment.succeeded", "paid", ["paid"]],
    ["open", "payment.failed", "failed", ["failed"]],
    ["processing", "payment.failed", "failed", ["failed"]],
    ["open", "checkout.expired", "expired", ["expired"]],
    ["processing", "checkout.expired", "expired", ["expired"]],
    ["open", "checkout.canceled", "canceled", ["canceled"]],
  ])("%s + %s → %s", (from, kind, to, effects) => {
    const result = transition(at(from), { kind });
    expect(result).toMatchObject({ changed: true, state: { status: to }, effects });
  });

  it.each<[PaymentStatus, PaymentEventKind, string]>([
    ["processing", "payment.pending", "already_in_state"],
    ["paid", "payment.succeeded", "already_in_state"],
    ["paid", "payment.pending", "stale_event"],
    ["paid", "checkout.completed", "stale_event"],
    ["paid", "checkout.expired", "already_paid"],
    ["paid", "payment.failed", "already_paid"],
    ["paid", "checkout.canceled", "already_paid"],
    ["refunded", "payment.succeeded", "stale_event"],
    ["expired", "payment.failed", "already_closed"],
    ["failed", "checkout.expired", "already_closed"],
    ["canceled", "checkout.expired", "already_closed"],
    ["expired", "checkout.expired", "already_in_state"],
    ["expired", "payment.pending", "stale_event"],
  ])("%s + %s is a no-op (%s)", (from, kind, reason) => {
    const result = transition(at(from), { kind });
    expect(result).toEqual({ changed: false, state: at(from), reason });
  });

  it("moves paid → partially_refunded → refunded with cumulative amounts", () => {
    const partial = transition(at("paid"), { kind: "payment.refunded", refundedAmount: 4000 });
    expect(partial).toMatchObject({
      changed: true,
      state: { status: "partially_refunded", refundedAmount: 4000 },
      effects: ["refunded"],
    });
    const full = transition(partial.state, { kind: "payment.refunded", refundedAmount: 10_000 });
    expect(full).toMatchObject({
      changed: true,
      state: { status: "refunded", refundedAmount: 10_000 },
      effects: ["refunded"],
    });
  });

  it("ignores a refund that is not larger than what was already refunded", () => {
    const state = at("partially_refunded", 4000);
    expect(transition(state, { kind: "payment.refunded", refundedAmount: 4000 })).toMatchObject({
      changed: false,
      reason: "refund_not_larger",
    });
    expect(transition(state, { kind: "payment.refunded", refundedAmount: 1000 })).toMatchObject({
      changed: false,
      reason: "refund_not_larger",
    });
    expect(transition(state, { kind: "payment.refunded" })).toMatchObject({
      changed: false,
      reason: "refund_not_larger",
    });
  });

  it("refuses a refund larger than the payment", () => {
    expect(
      transition(at("paid"), { kind: "payment.refunded", refundedAmount: 10_001 }),
    ).toMatchObject({ changed: false, reason: "refund_exceeds_amount" });
  });

  it("treats a refund that overtakes its payment as proof of payment", () => {
    const result = transition(at("open"), { kind: "payment.refunded", refundedAmount: 10_000 });
    expect(result).toMatchObject({
      changed: true,
      state: { status: "refunded" },
      effects: ["paid", "refunded"],
    });
  });

  it("records money taken after the attempt closed, and raises an alert", () => {
    const result = transition(at("expired"), { kind: "payment.succeeded" });
    expect(result).toMatchObject({
      changed: true,
      state: { status: "paid" },
      effects: ["paid"],
      alert: "paid_after_closed",
    });
  });

  it("does not alert on an ordinary payment", () => {
    const result = transition(at("processing"), { kind: "payment.succeeded" });
    expect(result.changed && result.alert).toBeUndefined();
  });
});

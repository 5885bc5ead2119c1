import { describe, expect, it } from "@jest/globals";
import { money, type RefundRecord, type RefundStatus } from "@linkpay/core";
import { cancellationRefundState } from "./refund-state";

const REFERENCE = "RC-7KQ2M9XA";

function refund(idempotencyKey: string, status: RefundStatus): RefundRecord {
  const at = new Date("2027-03-15T01:00:00Z");
  return {
    id: `refund-${idempotencyKey}-${status}`,
    attemptId: "attempt-1",
    orderRef: REFERENCE,
    amount: money(8_000, "JPY"),
    reason: "cancelled",
    actor: "shopper",
    idempotencyKey,
    status,
    providerRefundId: null,
    failureCode: null,
    createdAt: at,
    updatedAt: at,
  };
}

describe("the state of a cancellation's refund", () => {
  const cancellation = { refund_amount: 8_000 };

  it.each([
    ["pending", "in_progress"],
    ["requires_action", "in_progress"],
    ["succeeded", "refunded"],
    ["failed", "failed"],
  ] as const)("is %s → %s, read from the refund under the cancellation's key", (status, state) => {
    const refunds = [
      refund("staff-goodwill-1", "succeeded"),
      refund(`cancel-${REFERENCE}`, status),
    ];
    expect(cancellationRefundState(REFERENCE, cancellation, refunds)).toBe(state);
  });

  it("is failed when no refund was recorded under the key (staff take it over)", () => {
    const refunds = [refund("staff-goodwill-1", "succeeded")];
    expect(cancellationRefundState(REFERENCE, cancellation, refunds)).toBe("failed");
  });

  it("is none when the policy kept everything", () => {
    expect(cancellationRefundState(REFERENCE, { refund_amount: 0 }, [])).toBe("none");
  });
});

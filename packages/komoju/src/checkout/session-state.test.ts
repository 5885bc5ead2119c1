/**
 * @module
 * One test per row of the mapping table: a session's current state → the normalized event kind
 * (webhooks) and the CheckoutView status (reconciliation), with refunds and the konbini slip.
 */
import { describe, expect, it } from "@jest/globals";
import type { KomojuPayment, KomojuSession } from "../objects/komoju-schemas";
import { toCheckoutView } from "./checkout-view";
import { sessionState } from "./session-state";

const KONBINI = {
  type: "konbini",
  store: "lawson",
  receipt: "123456",
  confirmation_code: "7890",
  instructions_url: "https://komoju.com/konbini/instructions",
};

function payment(status: string, fields: Partial<KomojuPayment> = {}): KomojuPayment {
  return {
    id: "pay_1",
    resource: "payment",
    session: "ses_1",
    status,
    amount: 12_400,
    currency: "JPY",
    amount_refunded: 0,
    payment_details: { type: "credit_card" },
    payment_deadline: null,
    metadata: {},
    ...fields,
  };
}

function session(
  fields: Partial<KomojuSession> = {},
  paid: KomojuPayment | null = null,
): KomojuSession {
  return {
    id: "ses_1",
    resource: "session",
    amount: 12_400,
    currency: "JPY",
    status: "pending",
    expired: false,
    expires_at: "2027-01-15T08:30:00.000Z",
    email: "hanako@example.com",
    metadata: { linkpay_order_ref: "RC-1", linkpay_attempt_id: "attempt-1" },
    payment: paid,
    ...fields,
  };
}

const authorized = payment("authorized", {
  payment_details: KONBINI,
  payment_deadline: "2027-01-18T14:59:59.000Z",
});

describe("sessionState and toCheckoutView", () => {
  it.each([
    [
      "session cancelled, no payment",
      session({ status: "cancelled" }),
      "checkout.canceled",
      "canceled",
    ],
    [
      "session cancelled, payment authorized",
      session({ status: "cancelled" }, authorized),
      "checkout.canceled",
      "canceled",
    ],
    [
      "session cancelled after capture (the capture wins)",
      session({ status: "cancelled" }, payment("captured")),
      "payment.succeeded",
      "paid",
    ],
    [
      "captured",
      session({ status: "completed" }, payment("captured")),
      "payment.succeeded",
      "paid",
    ],
    [
      "captured, partly refunded",
      session({ status: "completed" }, payment("captured", { amount_refunded: 1_000 })),
      "payment.refunded",
      "partially_refunded",
    ],
    [
      "refunded",
      session({ status: "completed" }, payment("refunded", { amount_refunded: 12_400 })),
      "payment.refunded",
      "refunded",
    ],
    [
      "authorized (konbini slip)",
      session({ status: "completed" }, authorized),
      "payment.pending",
      "processing",
    ],
    [
      "payment expired",
      session({ status: "completed" }, payment("expired", { payment_details: KONBINI })),
      "checkout.expired",
      "expired",
    ],
    [
      "payment cancelled",
      session({ status: "completed" }, payment("cancelled")),
      "checkout.canceled",
      "canceled",
    ],
    ["failed, session still open", session({}, payment("failed")), null, "open"],
    [
      "failed, session expired",
      session({ expired: true }, payment("failed")),
      "payment.failed",
      "failed",
    ],
    [
      "failed, session completed",
      session({ status: "completed" }, payment("failed")),
      "payment.failed",
      "failed",
    ],
    ["no payment, expired", session({ expired: true }), "checkout.expired", "expired"],
    [
      "pending payment, expired",
      session({ expired: true }, payment("pending")),
      "checkout.expired",
      "expired",
    ],
    ["no payment, open", session(), null, "open"],
    ["pending payment, open", session({}, payment("pending")), null, "open"],
  ])("%s", (_, current, kind, status) => {
    expect(sessionState(current).kind).toBe(kind);
    const view = toCheckoutView(current, "komoju");
    expect(view.status).toBe(status);
    expect(view).toMatchObject({
      provider: "komoju",
      providerSessionId: "ses_1",
      orderRef: "RC-1",
      amount: { amount: 12_400, currency: "JPY" },
      expiresAt: new Date("2027-01-15T08:30:00.000Z"),
      customerEmail: "hanako@example.com",
    });
  });

  it("reports the cumulative refund", () => {
    const partly = session(
      { status: "completed" },
      payment("captured", { amount_refunded: 1_000 }),
    );
    expect(sessionState(partly).refunded).toBe(1_000);
    expect(toCheckoutView(partly, "komoju").refundedAmount).toEqual({
      amount: 1_000,
      currency: "JPY",
    });
    expect(toCheckoutView(session(), "komoju").refundedAmount).toEqual({
      amount: 0,
      currency: "JPY",
    });
  });

  it("shows the konbini slip while processing", () => {
    expect(
      toCheckoutView(session({ status: "completed" }, authorized), "komoju").pendingPayment,
    ).toEqual({
      method: "konbini",
      expiresAt: new Date("2027-01-18T14:59:59.000Z"),
      instructionsUrl: "https://komoju.com/konbini/instructions",
      stores: [{ chain: "lawson", paymentCode: "123456", confirmationNumber: "7890" }],
    });
  });

  it("refuses a session linkpay did not create", () => {
    expect(() => toCheckoutView(session({ metadata: {} }), "komoju")).toThrow(
      expect.objectContaining({ code: "PROVIDER_REJECTED" }),
    );
  });
});

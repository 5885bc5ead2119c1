/**
 * @module
 * Tests for refund, against the loopback fake Stripe API.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { isLinkpayError, money } from "@linkpay/core";
import { rejectionOf } from "@linkpay/core/testing";
import type { StripeProvider } from "../create-stripe-provider";
import { type FakeStripeServer, startFakeStripeServer } from "../test/fake-stripe-server";
import { checkoutInput, testProvider } from "../test/stripe-fixtures";

let fake: FakeStripeServer;
let provider: StripeProvider;
beforeAll(async () => {
  fake = await startFakeStripeServer();
  provider = testProvider(fake);
});
afterAll(async () => {
  await fake.close();
});

async function paidSession(): Promise<string> {
  const input = checkoutInput();
  const { providerSessionId } = await provider.createCheckout(input, {
    idempotencyKey: input.attemptId,
  });
  fake.settle(providerSessionId, "paid");
  return providerSessionId;
}

describe("refund", () => {
  it("refunds through the session's payment intent with the idempotency key", async () => {
    const id = await paidSession();
    const result = await provider.refund(
      { providerSessionId: id, amount: money(2_000, "JPY") },
      { idempotencyKey: "refund-1" },
    );
    expect(result).toEqual({ refundId: expect.stringMatching(/^re_test_/), status: "succeeded" });
    const request = fake.requests.at(-1);
    expect(request?.path).toBe("/v1/refunds");
    expect(request?.form).toEqual({
      payment_intent: String(fake.sessionJson(id).payment_intent),
      amount: "2000",
    });
    expect(request?.headers["idempotency-key"]).toBe("refund-1");
    const view = await provider.retrieveCheckout({ providerSessionId: id });
    expect([view.status, view.refundedAmount.amount]).toEqual(["partially_refunded", 2_000]);
  });

  it("reports a full refund as refunded", async () => {
    const id = await paidSession();
    await provider.refund(
      { providerSessionId: id, amount: money(12_400, "JPY") },
      { idempotencyKey: "refund-all" },
    );
    const view = await provider.retrieveCheckout({ providerSessionId: id });
    expect([view.status, view.refundedAmount.amount]).toEqual(["refunded", 12_400]);
  });

  it("maps Stripe's refusal of too large a refund", async () => {
    const id = await paidSession();
    const error = await rejectionOf(
      provider.refund(
        { providerSessionId: id, amount: money(99_999, "JPY") },
        { idempotencyKey: "refund-too-much" },
      ),
    );
    expect(isLinkpayError(error, "PROVIDER_REJECTED")).toBe(true);
    expect(isLinkpayError(error) && error.details.code).toBe("amount_too_large");
  });

  it("maps pending, requires_action (konbini: the customer gives a bank account) and failed refund statuses", async () => {
    const id = await paidSession();
    const session = fake.sessionJson(id);
    for (const [stripeStatus, status] of [
      ["pending", "pending"],
      ["requires_action", "requires_action"],
      ["failed", "failed"],
      ["canceled", "failed"],
    ] as const) {
      fake.script(
        { status: 200, body: session },
        { status: 200, body: { id: "re_test_x", object: "refund", status: stripeStatus } },
      );
      const result = await provider.refund(
        { providerSessionId: id, amount: money(100, "JPY") },
        { idempotencyKey: `refund-${stripeStatus}` },
      );
      expect(result.status).toBe(status);
    }
  });

  it("refuses an unpaid session, another currency and a zero amount before refunding", async () => {
    const input = checkoutInput();
    const { providerSessionId } = await provider.createCheckout(input, {
      idempotencyKey: input.attemptId,
    });
    const refundOf = (amount: ReturnType<typeof money>) =>
      rejectionOf(provider.refund({ providerSessionId, amount }, { idempotencyKey: "r" }));
    const before = fake.requests.filter((r) => r.path === "/v1/refunds").length;
    expect(isLinkpayError(await refundOf(money(100, "JPY")), "PROVIDER_REJECTED")).toBe(true);
    fake.settle(providerSessionId, "paid");
    expect(isLinkpayError(await refundOf(money(100, "USD")), "CURRENCY_MISMATCH")).toBe(true);
    expect(isLinkpayError(await refundOf(money(0, "JPY")), "INVALID_AMOUNT")).toBe(true);
    expect(fake.requests.filter((r) => r.path === "/v1/refunds").length).toBe(before);
  });
});

/**
 * @module
 * Tests for refunds through the fake KOMOJU API.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { isLinkpayError, money } from "@linkpay/core";
import { rejectionOf } from "@linkpay/core/testing";
import { type FakeKomojuServer, startFakeKomojuServer } from "../test/fake-komoju-server";
import { checkoutInput, testProvider } from "../test/komoju-fixtures";

let fake: FakeKomojuServer;
beforeAll(async () => {
  fake = await startFakeKomojuServer();
});
afterAll(async () => {
  await fake.close();
});

async function paidSession(settle: "captured" | "authorized" = "captured"): Promise<string> {
  const input = checkoutInput();
  const session = await testProvider(fake).createCheckout(input, {
    idempotencyKey: `refund-${input.attemptId}`,
  });
  if (settle === "authorized") {
    fake.settle(session.providerSessionId, "authorized");
  }
  fake.settle(session.providerSessionId, "captured");
  return session.providerSessionId;
}

async function codeOfRefund(providerSessionId: string, amount = money(1_000, "JPY")) {
  const error = await rejectionOf(
    testProvider(fake).refund(
      { providerSessionId, amount },
      { idempotencyKey: `r-${Math.random()}` },
    ),
  );
  return isLinkpayError(error) ? error : undefined;
}

describe("refund", () => {
  it("refunds part of a captured payment with the idempotency key, then reports it", async () => {
    const provider = testProvider(fake);
    const id = await paidSession();
    const refund = await provider.refund(
      { providerSessionId: id, amount: money(1_000, "JPY") },
      { idempotencyKey: "refund-key-1" },
    );
    expect(refund).toEqual({ refundId: expect.any(String), status: "succeeded" });
    const request = fake.requests.at(-1);
    expect(request?.path).toMatch(/^\/api\/v1\/payments\/[a-z0-9]+\/refund$/);
    expect(request?.headers["x-komoju-idempotency"]).toBe("refund-key-1");
    expect(JSON.parse(request?.body ?? "{}")).toEqual({ amount: 1_000 });
    const again = await provider.refund(
      { providerSessionId: id, amount: money(1_000, "JPY") },
      { idempotencyKey: "refund-key-1" },
    );
    expect(again.refundId).toBe(refund.refundId);
    expect(await provider.retrieveCheckout({ providerSessionId: id })).toMatchObject({
      status: "partially_refunded",
      refundedAmount: { amount: 1_000, currency: "JPY" },
    });
  });

  it("replays a full refund retried with its key after the answer was lost (payment now refunded)", async () => {
    const provider = testProvider(fake);
    const id = await paidSession();
    const whole = { providerSessionId: id, amount: money(12_400, "JPY") };
    const first = await provider.refund(whole, { idempotencyKey: "refund-full-1" });
    // The first answer never reached linkpay: core asks again with the same key.
    const again = await provider.refund(whole, { idempotencyKey: "refund-full-1" });
    expect(again).toEqual(first);
    expect(await provider.retrieveCheckout({ providerSessionId: id })).toMatchObject({
      status: "refunded",
    });
    // A new refund of the refunded payment is still refused (by KOMOJU), not retried.
    expect((await codeOfRefund(id))?.code).toBe("PROVIDER_REJECTED");
  });

  it("answers REFUND_NOT_SUPPORTED for konbini, saying KOMOJU needs the shopper's bank account", async () => {
    const error = await codeOfRefund(await paidSession("authorized"));
    expect(error?.code).toBe("REFUND_NOT_SUPPORTED");
    expect(error?.message).toContain("bank account");
  });

  it("refuses an unpaid session, another currency and a zero amount", async () => {
    const input = checkoutInput();
    const open = await testProvider(fake).createCheckout(input, {
      idempotencyKey: `open-${input.attemptId}`,
    });
    expect((await codeOfRefund(open.providerSessionId))?.code).toBe("PROVIDER_REJECTED");
    const paid = await paidSession();
    expect((await codeOfRefund(paid, money(1_000, "USD")))?.code).toBe("CURRENCY_MISMATCH");
    expect((await codeOfRefund(paid, money(0, "JPY")))?.code).toBe("INVALID_AMOUNT");
    expect((await codeOfRefund("missing"))?.code).toBe("PROVIDER_SESSION_NOT_FOUND");
  });
});

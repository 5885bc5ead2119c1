/**
 * @module
 * Tests for retrieveCheckout: every session / payment intent / charge combination Stripe reports,
 * mapped onto linkpay's states.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { isLinkpayError, money, type PaymentStatus } from "@linkpay/core";
import { rejectionOf } from "@linkpay/core/testing";
import type { StripeProvider } from "../create-stripe-provider";
import {
  type FakeSessionState,
  type FakeStripeServer,
  startFakeStripeServer,
} from "../test/fake-stripe-server";
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

async function created() {
  const input = checkoutInput();
  const session = await provider.createCheckout(input, { idempotencyKey: input.attemptId });
  return { input, id: session.providerSessionId };
}

describe("retrieveCheckout", () => {
  it("asks for the session with its payment intent and latest charge expanded", async () => {
    const { input, id } = await created();
    const view = await provider.retrieveCheckout({ providerSessionId: id });
    const request = fake.requests.at(-1);
    expect(request?.method).toBe("GET");
    expect(request?.path).toBe(`/v1/checkout/sessions/${id}`);
    expect(request?.query.getAll("expand[0]")).toEqual(["payment_intent"]);
    expect(request?.query.getAll("expand[1]")).toEqual(["payment_intent.latest_charge"]);
    expect(view).toEqual({
      provider: "stripe",
      providerSessionId: id,
      orderRef: input.orderRef,
      amount: money(12_400, "JPY"),
      status: "open",
      refundedAmount: money(0, "JPY"),
      expiresAt: input.expiresAt,
      customerEmail: "hanako@example.com",
      raw: expect.objectContaining({ id, object: "checkout.session" }),
    });
  });

  it("carries the konbini slip of a processing session, and none otherwise", async () => {
    const { id } = await created();
    fake.settle(id, "processing");
    const view = await provider.retrieveCheckout({ providerSessionId: id });
    expect(view.status).toBe("processing");
    expect(view.pendingPayment).toMatchObject({
      method: "konbini",
      expiresAt: expect.any(Date),
      instructionsUrl: expect.stringMatching(/^https:\/\/checkout\.stripe\.com\/konbini\/pi_/),
      stores: [
        { chain: "familymart", paymentCode: "123456789012" },
        { chain: "lawson", paymentCode: "123456789012" },
      ],
    });
    fake.settle(id, "paid");
    expect((await provider.retrieveCheckout({ providerSessionId: id })).pendingPayment).toBe(
      undefined,
    );
  });

  it("reads the e-mail from customer_details when the session was created without one", async () => {
    const { id } = await created();
    const session = fake.sessionJson(id);
    for (const [fields, email] of [
      [
        { customer_email: null, customer_details: { email: "given@example.com" } },
        "given@example.com",
      ],
      [{ customer_email: null, customer_details: null }, undefined],
    ] as const) {
      fake.script({ status: 200, body: { ...session, ...fields } });
      const view = await provider.retrieveCheckout({ providerSessionId: id });
      expect(view.customerEmail).toBe(email);
    }
  });

  it("keeps an unreachable Stripe apart from a missing session", async () => {
    const { id } = await created();
    fake.script({ status: 500, body: { error: { type: "api_error", message: "Down" } } });
    const error = await rejectionOf(provider.retrieveCheckout({ providerSessionId: id }));
    expect(isLinkpayError(error, "PROVIDER_UNAVAILABLE")).toBe(true);
  });

  it.each<[string, FakeSessionState, PaymentStatus, number]>([
    ["open", { status: "open", paymentStatus: "unpaid" }, "open", 0],
    ["expired", { status: "expired", paymentStatus: "unpaid" }, "expired", 0],
    [
      "complete, paid, nothing refunded",
      {
        status: "complete",
        paymentStatus: "paid",
        intentStatus: "succeeded",
        charge: { amountRefunded: 0 },
      },
      "paid",
      0,
    ],
    [
      "complete, paid, charge not available",
      { status: "complete", paymentStatus: "paid", intentStatus: "succeeded", charge: null },
      "paid",
      0,
    ],
    [
      "complete, paid, partly refunded",
      {
        status: "complete",
        paymentStatus: "paid",
        intentStatus: "succeeded",
        charge: { amountRefunded: 2_000 },
      },
      "partially_refunded",
      2_000,
    ],
    [
      "complete, paid, fully refunded",
      {
        status: "complete",
        paymentStatus: "paid",
        intentStatus: "succeeded",
        charge: { amountRefunded: 12_400 },
      },
      "refunded",
      12_400,
    ],
    [
      "complete, unpaid, konbini voucher issued",
      { status: "complete", paymentStatus: "unpaid", intentStatus: "requires_action" },
      "processing",
      0,
    ],
    [
      "complete, unpaid, intent processing",
      { status: "complete", paymentStatus: "unpaid", intentStatus: "processing" },
      "processing",
      0,
    ],
    [
      "complete, unpaid, no intent yet",
      { status: "complete", paymentStatus: "unpaid", intentStatus: null },
      "processing",
      0,
    ],
    [
      "complete, unpaid, intent needs a new payment method",
      { status: "complete", paymentStatus: "unpaid", intentStatus: "requires_payment_method" },
      "failed",
      0,
    ],
    [
      "complete, unpaid, intent canceled",
      { status: "complete", paymentStatus: "unpaid", intentStatus: "canceled" },
      "failed",
      0,
    ],
  ])("maps %s", async (_, state, status, refunded) => {
    const { id } = await created();
    fake.setState(id, state);
    const view = await provider.retrieveCheckout({ providerSessionId: id });
    expect(view.status).toBe(status);
    expect(view.refundedAmount).toEqual(money(refunded, "JPY"));
    expect(view.amount).toEqual(money(12_400, "JPY"));
  });

  it("refuses a session that needs no payment (linkpay never creates one)", async () => {
    const { id } = await created();
    fake.setState(id, { status: "complete", paymentStatus: "no_payment_required" });
    const error = await rejectionOf(provider.retrieveCheckout({ providerSessionId: id }));
    expect(isLinkpayError(error, "PROVIDER_REJECTED")).toBe(true);
  });

  it("refuses a session another integration created", async () => {
    const { id } = await created();
    const foreign = { ...fake.sessionJson(id), client_reference_id: null, metadata: {} };
    fake.script({ status: 200, body: foreign });
    const error = await rejectionOf(provider.retrieveCheckout({ providerSessionId: id }));
    expect(isLinkpayError(error, "PROVIDER_REJECTED")).toBe(true);
    expect(isLinkpayError(error) && error.message).toContain("not created by linkpay");
  });

  it("maps Stripe's 404 for an unknown session to PROVIDER_SESSION_NOT_FOUND with its code", async () => {
    const error = await rejectionOf(provider.retrieveCheckout({ providerSessionId: "cs_nope" }));
    expect(isLinkpayError(error, "PROVIDER_SESSION_NOT_FOUND")).toBe(true);
    expect(isLinkpayError(error) && [error.kind, error.status, error.retryable]).toEqual([
      "not_found",
      404,
      false,
    ]);
    expect(isLinkpayError(error) && error.message).toContain("another account's");
    expect(isLinkpayError(error) && error.details).toMatchObject({
      statusCode: 404,
      code: "resource_missing",
      param: "session",
      requestId: expect.stringMatching(/^req_fake_/),
    });
  });
});

/**
 * @module
 * Tests for createCheckout against the loopback fake Stripe API, through the real SDK.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import {
  createMemoryStore,
  createPayments,
  isLinkpayError,
  parseCheckoutRequest,
} from "@linkpay/core";
import { codeOf, rejectionOf } from "@linkpay/core/testing";
import {
  FAKE_SECRET_KEY,
  type FakeStripeServer,
  type RecordedRequest,
  startFakeStripeServer,
} from "../test/fake-stripe-server";
import { checkoutInput, testProvider } from "../test/stripe-fixtures";

let fake: FakeStripeServer;
beforeAll(async () => {
  fake = await startFakeStripeServer();
});
afterAll(async () => {
  await fake.close();
});

function lastRequest(): RecordedRequest {
  const request = fake.requests.at(-1);
  if (request === undefined) throw new Error("no request reached the fake");
  return request;
}

describe("createCheckout request", () => {
  it("sends the merchant's prices and linkpay's references, form-encoded", async () => {
    const input = checkoutInput();
    const session = await testProvider(fake).createCheckout(input, { idempotencyKey: "key-1" });
    const { method, path, form, headers } = lastRequest();
    expect([method, path]).toEqual(["POST", "/v1/checkout/sessions"]);
    expect(headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(form).toEqual({
      mode: "payment",
      "line_items[0][quantity]": "2",
      "line_items[0][price_data][currency]": "jpy",
      "line_items[0][price_data][unit_amount]": "5600",
      "line_items[0][price_data][product_data][name]": "Compact car, 2 days",
      "line_items[1][quantity]": "1",
      "line_items[1][price_data][currency]": "jpy",
      "line_items[1][price_data][unit_amount]": "1200",
      "line_items[1][price_data][product_data][name]": "Child seat",
      client_reference_id: input.orderRef,
      "metadata[branch]": "new-chitose",
      "metadata[linkpay_order_ref]": input.orderRef,
      "metadata[linkpay_attempt_id]": input.attemptId,
      "payment_intent_data[metadata][branch]": "new-chitose",
      "payment_intent_data[metadata][linkpay_order_ref]": input.orderRef,
      "payment_intent_data[metadata][linkpay_attempt_id]": input.attemptId,
      expires_at: String(input.expiresAt.getTime() / 1000),
      success_url: "https://rental.example/bookings/return?session_id={CHECKOUT_SESSION_ID}",
      cancel_url: "https://rental.example/bookings/cancel",
      customer_email: "hanako@example.com",
      locale: "ja",
      "allowed_payment_method_types[0]": "card",
    });
    expect(session).toEqual({
      providerSessionId: expect.stringMatching(/^cs_test_/),
      hostedUrl: `https://checkout.stripe.com/c/pay/${session.providerSessionId}`,
      expiresAt: input.expiresAt,
    });
  });

  it("passes the idempotency key, the Bearer key and the pinned API version", async () => {
    await testProvider(fake).createCheckout(checkoutInput(), { idempotencyKey: "linkpay-abc" });
    const { headers } = lastRequest();
    expect(headers["idempotency-key"]).toBe("linkpay-abc");
    expect(headers.authorization).toBe(`Bearer ${FAKE_SECRET_KEY}`);
    expect(headers["stripe-version"]).toBe("2026-10-28.endive");
  });

  it("puts linkpay's references over merchant metadata with the same keys", async () => {
    const input = checkoutInput({ metadata: { linkpay_order_ref: "forged" } });
    await testProvider(fake).createCheckout(input, { idempotencyKey: "key-meta" });
    expect(lastRequest().form["metadata[linkpay_order_ref]"]).toBe(input.orderRef);
  });

  it("omits customer_email when there is none and offers the methods core resolved", async () => {
    const input = checkoutInput({
      customerEmail: undefined,
      locale: "auto",
      paymentMethods: ["card", "konbini"],
    });
    const provider = testProvider(fake, { paymentMethodTypes: ["card", "konbini"] });
    await provider.createCheckout(input, { idempotencyKey: "key-konbini" });
    const { form } = lastRequest();
    expect(form.customer_email).toBeUndefined();
    expect(form.locale).toBe("auto");
    expect(form["allowed_payment_method_types[0]"]).toBe("card");
    expect(form["allowed_payment_method_types[1]"]).toBe("konbini");
    expect(form["payment_method_options[konbini][expires_after_days]"]).toBeUndefined();
  });

  it("sends konbini's slip deadline only when the checkout offers konbini", async () => {
    const provider = testProvider(fake, { paymentMethodTypes: ["card", "konbini"] });
    const konbini = checkoutInput({
      paymentMethods: ["konbini"],
      konbini: { expiresAfterDays: 2 },
    });
    await provider.createCheckout(konbini, { idempotencyKey: "key-konbini-days" });
    expect(lastRequest().form).toMatchObject({
      "allowed_payment_method_types[0]": "konbini",
      "payment_method_options[konbini][expires_after_days]": "2",
    });
    expect(lastRequest().form["allowed_payment_method_types[1]"]).toBeUndefined();
    const card = checkoutInput({ paymentMethods: ["card"], konbini: { expiresAfterDays: 2 } });
    await provider.createCheckout(card, { idempotencyKey: "key-card-only" });
    expect(lastRequest().form["allowed_payment_method_types[0]"]).toBe("card");
    expect(lastRequest().form["allowed_payment_method_types[1]"]).toBeUndefined();
    expect(lastRequest().form["payment_method_options[konbini][expires_after_days]"]).toBe(
      undefined,
    );
  });

  it("refuses konbini outside ¥120–¥300,000 before anything is stored, and lets card through", async () => {
    const provider = testProvider(fake, { paymentMethodTypes: ["card", "konbini"] });
    expect(provider.paymentMethods).toEqual(["card", "konbini"]);
    const payments = createPayments({
      providers: [provider],
      store: createMemoryStore(),
      urls: { success: "https://rental.example/return", cancel: "https://rental.example/cancel" },
    });
    const large = (orderRef: string) => ({
      orderRef,
      currency: "JPY",
      total: 300_001,
      lineItems: [{ name: "Wagon, 10 days", unitAmount: 300_001, quantity: 1 }],
    });
    const before = fake.requests.length;
    const refused = await rejectionOf(payments.startCheckout(large("RC-LARGE-KONBINI")));
    expect(isLinkpayError(refused, "INVALID_CHECKOUT_REQUEST")).toBe(true);
    expect(isLinkpayError(refused) && refused.details.issues).toEqual([
      { path: "paymentMethods", message: expect.stringContaining("¥300,000") },
    ]);
    expect(fake.requests.length).toBe(before);
    const card = await payments.startCheckout({
      ...large("RC-LARGE-CARD"),
      paymentMethods: ["card"],
    });
    expect(card.attempt.status).toBe("open");
    expect(lastRequest().form["allowed_payment_method_types[0]"]).toBe("card");
  });

  it("replays the same session for the same idempotency key", async () => {
    const input = checkoutInput();
    const provider = testProvider(fake);
    const first = await provider.createCheckout(input, { idempotencyKey: "double-click" });
    const second = await provider.createCheckout(input, { idempotencyKey: "double-click" });
    expect(second.providerSessionId).toBe(first.providerSessionId);
  });

  it("refuses an empty idempotency key before calling Stripe", async () => {
    const before = fake.requests.length;
    const error = await rejectionOf(
      testProvider(fake).createCheckout(checkoutInput(), { idempotencyKey: "" }),
    );
    expect(isLinkpayError(error, "INVALID_CHECKOUT_REQUEST")).toBe(true);
    expect(fake.requests.length).toBe(before);
  });

  it("refuses line items that do not add up to the total", async () => {
    const input = checkoutInput();
    const error = await rejectionOf(
      testProvider(fake).createCheckout(
        { ...input, total: { ...input.total, amount: 1 } },
        { idempotencyKey: "bad-total" },
      ),
    );
    expect(isLinkpayError(error, "INVALID_CHECKOUT_REQUEST")).toBe(true);
  });
});

describe("createCheckout response checks", () => {
  function sessionBody(overrides: Record<string, unknown>) {
    return {
      id: "cs_test_scripted",
      object: "checkout.session",
      mode: "payment",
      status: "open",
      payment_status: "unpaid",
      amount_total: 12_400,
      currency: "jpy",
      client_reference_id: "RC-1",
      metadata: {},
      expires_at: 1_900_000_000,
      url: "https://checkout.stripe.com/c/pay/cs_test_scripted",
      payment_intent: null,
      ...overrides,
    };
  }

  async function createWith(body: Record<string, unknown>) {
    fake.script({ status: 200, body });
    return rejectionOf(
      testProvider(fake).createCheckout(checkoutInput(), { idempotencyKey: "scripted" }),
    );
  }

  it("refuses a session without a hosted url", async () => {
    const error = await createWith(sessionBody({ url: null }));
    expect(isLinkpayError(error, "REDIRECT_NOT_ALLOWED")).toBe(true);
    expect(isLinkpayError(error) && error.details.reason).toBe("missing_url");
  });

  it("hands a hosted url off the checkout origins to core's one redirect check, which refuses it", async () => {
    fake.script({
      status: 200,
      body: sessionBody({ url: "https://checkout.stripe.com.evil.example/x" }),
    });
    const store = createMemoryStore();
    const payments = createPayments({
      providers: [testProvider(fake)],
      store,
      urls: { success: "https://rental.example/ok", cancel: "https://rental.example/cancel" },
    });
    const input = checkoutInput();
    const error = await rejectionOf(
      payments.startCheckout({
        orderRef: input.orderRef,
        currency: "JPY",
        total: 12_400,
        lineItems: [{ name: "Compact car, 2 days", unitAmount: 12_400, quantity: 1 }],
      }),
    );
    expect(isLinkpayError(error, "REDIRECT_NOT_ALLOWED")).toBe(true);
    expect(
      (await store.findLatestAttempt({ orderRef: input.orderRef }))?.providerSessionId,
    ).toBeNull();
  });

  it("refuses a session for another amount than the attempt's total", async () => {
    const error = await createWith(sessionBody({ amount_total: 1 }));
    expect(isLinkpayError(error, "PROVIDER_REJECTED")).toBe(true);
  });

  it("refuses a response that is not a Checkout Session", async () => {
    const error = await createWith({ id: "cs_1", object: "payment_intent" });
    expect(isLinkpayError(error, "PROVIDER_REJECTED")).toBe(true);
  });
});

describe("createCheckout: money in Stripe's units", () => {
  function inCurrency(currency: string, unitAmount: number) {
    return checkoutInput({
      ...parseCheckoutRequest({
        orderRef: `RC-${currency}-${unitAmount}`,
        currency,
        total: unitAmount * 2,
        lineItems: [{ name: "Tour", unitAmount, quantity: 2 }],
      }),
      paymentMethods: ["card"],
    });
  }

  it.each([
    ["ISK", 5_000, "500000"],
    ["HUF", 123_450, "123450"],
    ["TWD", 10_025, "10025"],
    ["KWD", 5_120, "5120"],
    ["MGA", 150_000, "1500"],
  ])(
    "sends %s %i as unit_amount %s, and reads the session's total back",
    async (currency, amount, sent) => {
      const input = inCurrency(currency, amount);
      const session = await testProvider(fake).createCheckout(input, {
        idempotencyKey: `key-${currency}`,
      });
      expect(lastRequest().form["line_items[0][price_data][unit_amount]"]).toBe(sent);
      expect(session.providerSessionId).toMatch(/^cs_test_/);
    },
  );

  it.each([
    ["KWD", 5_125, "INVALID_AMOUNT"],
    ["MGA", 150_050, "INVALID_AMOUNT"],
    ["IQD", 1_000, "CURRENCY_NOT_SUPPORTED"],
  ])("refuses %s %i before calling Stripe (%s)", async (currency, amount, code) => {
    const before = fake.requests.length;
    const provider = testProvider(fake);
    const input = inCurrency(currency, amount);
    expect(codeOf(() => provider.checkRequest?.(input))).toBe(code);
    const error = await rejectionOf(
      provider.createCheckout(input, { idempotencyKey: `no-${currency}` }),
    );
    expect(
      isLinkpayError(
        error,
        code === "INVALID_AMOUNT" ? "INVALID_AMOUNT" : "CURRENCY_NOT_SUPPORTED",
      ),
    ).toBe(true);
    expect(fake.requests.length).toBe(before);
  });
});

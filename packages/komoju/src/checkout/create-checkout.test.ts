/**
 * @module
 * Tests for createCheckout and checkRequest against the loopback fake KOMOJU API.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { isLinkpayError, parseCheckoutRequest } from "@linkpay/core";
import { errorOf, rejectionOf } from "@linkpay/core/testing";
import {
  FAKE_SECRET_KEY,
  type FakeKomojuServer,
  type RecordedRequest,
  startFakeKomojuServer,
} from "../test/fake-komoju-server";
import { checkoutInput, testProvider } from "../test/komoju-fixtures";
import { externalOrderNum } from "./session-create-body";

let fake: FakeKomojuServer;
beforeAll(async () => {
  fake = await startFakeKomojuServer();
});
afterAll(async () => {
  await fake.close();
});

function lastRequest(): RecordedRequest {
  const request = fake.requests.at(-1);
  if (request === undefined) throw new Error("no request reached the fake");
  return request;
}

const NOW = new Date("2027-01-15T08:00:00.000Z");

describe("createCheckout request", () => {
  it("sends the merchant's prices and linkpay's references as JSON", async () => {
    const input = checkoutInput({ expiresAt: new Date(NOW.getTime() + 30 * 60 * 1000) });
    const provider = testProvider(fake);
    const session = await provider.createCheckout(input, { idempotencyKey: "key-1" });
    const { method, path, headers, body } = lastRequest();
    expect([method, path]).toEqual(["POST", "/api/v1/sessions"]);
    expect(headers["content-type"]).toBe("application/json");
    expect(headers.authorization).toBe(
      `Basic ${Buffer.from(`${FAKE_SECRET_KEY}:`).toString("base64")}`,
    );
    expect(headers["x-komoju-idempotency"]).toBe("key-1");
    expect(JSON.parse(body)).toEqual({
      amount: 12_400,
      currency: "JPY",
      return_url: "https://rental.example/bookings/return",
      default_locale: "ja",
      email: "hanako@example.com",
      expires_in_seconds: 1800,
      payment_types: ["credit_card"],
      metadata: {
        branch: "new-chitose",
        linkpay_order_ref: input.orderRef,
        linkpay_attempt_id: input.attemptId,
        linkpay_expires_at: "2027-01-15T08:30:00.000Z",
      },
      line_items: [
        { description: "Compact car, 2 days", amount: 5_600, quantity: 2 },
        { description: "Child seat", amount: 1_200, quantity: 1 },
      ],
      payment_data: {
        external_order_num: `${input.orderRef}-${input.attemptId.slice(-8)}`,
        capture: "auto",
      },
    });
    expect(session).toEqual({
      providerSessionId: expect.any(String),
      hostedUrl: `${fake.url}/sessions/${session.providerSessionId}`,
      expiresAt: expect.any(Date),
    });
  });

  it("offers the resolved methods, sends no konbini deadline (KOMOJU takes none), no locale for auto", async () => {
    const provider = testProvider(fake);
    const konbini = checkoutInput({
      paymentMethods: ["card", "konbini", "paypay"],
      konbini: { expiresAfterDays: 3 },
      locale: "auto",
      customerEmail: undefined,
    });
    await provider.createCheckout(konbini, { idempotencyKey: "key-konbini" });
    const sent = JSON.parse(lastRequest().body);
    expect(sent.payment_types).toEqual(["credit_card", "konbini", "paypay"]);
    expect(sent.payment_data).toEqual({
      external_order_num: expect.any(String),
      capture: "auto",
    });
    expect(sent.default_locale).toBeUndefined();
    expect(sent.email).toBeUndefined();
  });

  it("sends the same body again for the same attempt later, so KOMOJU replays its session", async () => {
    // The first answer was lost; the shopper tries again a little later and core reuses the
    // attempt and its key. KOMOJU refuses a key reused with other parameters.
    const input = checkoutInput({ expiresAt: new Date(NOW.getTime() + 30 * 60 * 1000) });
    const first = await testProvider(fake).createCheckout(input, {
      idempotencyKey: "key-late-retry",
    });
    const firstBody = lastRequest().body;
    const again = await testProvider(fake).createCheckout(input, {
      idempotencyKey: "key-late-retry",
    });
    // Nothing in the body depends on when the call is made (no clock is read).
    expect(lastRequest().body).toBe(firstBody);
    expect(again.providerSessionId).toBe(first.providerSessionId);
  });

  it("keeps external_order_num unique per attempt and at most 50 characters", () => {
    // Time-ordered ids (UUIDv7) made close together share their first characters.
    const first = externalOrderNum({
      orderRef: "RC-12345678",
      attemptId: "01939b6e-7a1c-7000-8000-3f2a9c1d0b11",
    });
    const second = externalOrderNum({
      orderRef: "RC-12345678",
      attemptId: "01939b6e-7a1c-7000-8000-8e4b7d2f9a60",
    });
    expect(first).not.toBe(second);
    const long = externalOrderNum({ orderRef: "R".repeat(64), attemptId: "attempt-0123456789" });
    expect(long).toHaveLength(50);
    expect(long.endsWith("-23456789")).toBe(true);
  });

  it("reports the requested expiry when KOMOJU's session has no expires_at", async () => {
    const expiresAt = new Date(NOW.getTime() + 45 * 60 * 1000);
    const provider = testProvider(fake);
    fake.omitExpiresAt = true;
    try {
      const session = await provider.createCheckout(checkoutInput({ expiresAt }), {
        idempotencyKey: "key-no-expires-at",
      });
      expect(session.expiresAt).toEqual(expiresAt);
      const view = await provider.retrieveCheckout({
        providerSessionId: session.providerSessionId,
      });
      expect(view.expiresAt).toEqual(expiresAt);
    } finally {
      fake.omitExpiresAt = false;
    }
  });

  it("puts linkpay's references over merchant metadata with the same keys", async () => {
    const input = checkoutInput({ metadata: { linkpay_order_ref: "forged" } });
    await testProvider(fake).createCheckout(input, { idempotencyKey: "key-meta" });
    expect(JSON.parse(lastRequest().body).metadata.linkpay_order_ref).toBe(input.orderRef);
  });

  it("hashes an idempotency key longer than KOMOJU's 100 characters, the same way each time", async () => {
    const provider = testProvider(fake);
    const input = checkoutInput();
    const key = `linkpay-checkout-${"x".repeat(120)}`;
    const first = await provider.createCheckout(input, { idempotencyKey: key });
    const sent = lastRequest().headers["x-komoju-idempotency"];
    expect(sent).toMatch(/^linkpay-sha256-[0-9a-f]{64}$/);
    const again = await provider.createCheckout(input, { idempotencyKey: key });
    expect(lastRequest().headers["x-komoju-idempotency"]).toBe(sent);
    expect(again.providerSessionId).toBe(first.providerSessionId);
    const error = await rejectionOf(provider.createCheckout(input, { idempotencyKey: "" }));
    expect(isLinkpayError(error) && error.code).toBe("INVALID_CHECKOUT_REQUEST");
  });

  it("refuses a session_url off checkoutBaseUrl and a session for another amount", async () => {
    const provider = testProvider(fake);
    const session = fake.sessionJson(
      (await provider.createCheckout(checkoutInput(), { idempotencyKey: "key-x" }))
        .providerSessionId,
    );
    fake.script({
      status: 200,
      body: { ...session, session_url: "https://pay.attacker.invalid/sessions/x" },
    });
    const off = await rejectionOf(
      provider.createCheckout(checkoutInput(), { idempotencyKey: "k2" }),
    );
    expect(isLinkpayError(off) && off.code).toBe("REDIRECT_NOT_ALLOWED");
    fake.script({ status: 200, body: { ...session, amount: 1 } });
    const other = await rejectionOf(
      provider.createCheckout(checkoutInput(), { idempotencyKey: "k3" }),
    );
    expect(isLinkpayError(other) && other.code).toBe("PROVIDER_REJECTED");
    fake.script({ status: 200, body: { id: "x", resource: "session" } });
    const malformed = await rejectionOf(
      provider.createCheckout(checkoutInput(), { idempotencyKey: "k4" }),
    );
    expect(isLinkpayError(malformed) && malformed.code).toBe("PROVIDER_REJECTED");
  });
});

describe("checkRequest", () => {
  const provider = testProvider({ url: "http://127.0.0.1:9" });
  function request(fields: Record<string, unknown>) {
    const total = (fields.total as number | undefined) ?? 12_400;
    const parsed = parseCheckoutRequest({
      orderRef: "RC-1",
      currency: "JPY",
      total,
      lineItems: [{ name: "Car", unitAmount: total, quantity: 1 }],
      ...fields,
    });
    return { ...parsed, paymentMethods: parsed.paymentMethods ?? ["card"] };
  }

  it("accepts what KOMOJU can charge", () => {
    expect(() =>
      provider.checkRequest?.(request({ paymentMethods: ["card", "konbini", "paypay"] })),
    ).not.toThrow();
    expect(() => provider.checkRequest?.(request({ currency: "USD", total: 1999 }))).not.toThrow();
  });

  it("refuses a currency KOMOJU does not take, naming the field", () => {
    const error = errorOf(() => provider.checkRequest?.(request({ currency: "CZK", total: 100 })));
    expect(error.code).toBe("CURRENCY_NOT_SUPPORTED");
    expect(error.details).toMatchObject({ currency: "CZK", field: "currency" });
  });

  it("refuses konbini and PayPay outside JPY, and konbini above ¥300,000 or 59 days", () => {
    const usd = errorOf(() =>
      provider.checkRequest?.(
        request({ currency: "USD", total: 1999, paymentMethods: ["card", "paypay"] }),
      ),
    );
    expect(usd.code).toBe("INVALID_CHECKOUT_REQUEST");
    expect(usd.message).toContain("paymentMethods: paypay take JPY only");
    const big = errorOf(() =>
      provider.checkRequest?.(request({ total: 300_001, paymentMethods: ["konbini"] })),
    );
    expect(big.details).toEqual({
      issues: [{ path: "paymentMethods", message: expect.stringContaining("300,000") }],
    });
    const long = errorOf(() =>
      provider.checkRequest?.(
        request({ paymentMethods: ["konbini"], konbini: { expiresAfterDays: 60 } }),
      ),
    );
    expect(long.message).toContain("konbini.expiresAfterDays");
  });

  it("refuses a konbini slip asked to expire sooner than KOMOJU's dashboard setting", () => {
    const threeDays = provider; // default konbiniExpiryDays: 3
    const short = errorOf(() =>
      threeDays.checkRequest?.(
        request({ paymentMethods: ["card", "konbini"], konbini: { expiresAfterDays: 2 } }),
      ),
    );
    expect(short.code).toBe("INVALID_CHECKOUT_REQUEST");
    expect(short.details).toEqual({
      issues: [
        { path: "konbini.expiresAfterDays", message: expect.stringContaining("for 3 days") },
      ],
    });
    for (const days of [3, 10]) {
      expect(() =>
        threeDays.checkRequest?.(
          request({ paymentMethods: ["konbini"], konbini: { expiresAfterDays: days } }),
        ),
      ).not.toThrow();
    }
    const oneDay = testProvider(fake, { konbiniExpiryDays: 1 });
    expect(() =>
      oneDay.checkRequest?.(
        request({ paymentMethods: ["konbini"], konbini: { expiresAfterDays: 1 } }),
      ),
    ).not.toThrow();
  });

  it("refuses a metadata key longer than KOMOJU's 30 characters", () => {
    const key = "a".repeat(31);
    const error = errorOf(() => provider.checkRequest?.(request({ metadata: { [key]: "v" } })));
    expect(error.message).toContain(`metadata.${key}`);
  });
});

import { createHash } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import { isLinkpayError, LinkpayError } from "../errors";
import type { PaymentProvider } from "../provider";
import { createMemoryStore, type PaymentStore } from "../store";
import { createFakeProvider } from "../testing";
import { codeOf, rejectionOf } from "../testing/error-capture";
import { createPayments, type PaymentsOptions } from "./create-payments";
import type { Logger } from "./logger";

const urls = {
  success: "https://rental.example/bookings/{ORDER_REF}/return",
  cancel: "https://rental.example/bookings/{ORDER_REF}?canceled=1",
};

function request(orderRef: string, total = 15_400) {
  return {
    orderRef,
    currency: "JPY",
    total,
    lineItems: [{ name: "Hybrid compact, 2 days", unitAmount: total, quantity: 1 }],
  };
}

function memoryLogger() {
  const lines: { level: string; fields: object; message: string }[] = [];
  const logger: Logger = {
    info: (fields, message) => lines.push({ level: "info", fields, message }),
    warn: (fields, message) => lines.push({ level: "warn", fields, message }),
    error: (fields, message) => lines.push({ level: "error", fields, message }),
  };
  return { logger, lines };
}

function setup(overrides: Partial<PaymentsOptions> = {}) {
  const fake = createFakeProvider();
  const store = createMemoryStore();
  const { logger, lines } = memoryLogger();
  const payments = createPayments({ providers: [fake], store, urls, logger, ...overrides });
  return { fake, store, payments, lines };
}

describe("createPayments configuration", () => {
  const fake = createFakeProvider();
  const store = createMemoryStore();

  it("refuses a missing provider, duplicate ids and bad URLs", () => {
    expect(codeOf(() => createPayments({ providers: [], store, urls }))).toBe("CONFIG_INVALID");
    expect(codeOf(() => createPayments({ providers: [fake, fake], store, urls }))).toBe(
      "CONFIG_INVALID",
    );
    expect(
      codeOf(() =>
        createPayments({ providers: [fake], store, urls: { ...urls, success: "/return" } }),
      ),
    ).toBe("CONFIG_INVALID");
    expect(
      codeOf(() =>
        createPayments({
          providers: [fake],
          store,
          urls: { ...urls, cancel: "javascript:alert(1)" },
        }),
      ),
    ).toBe("CONFIG_INVALID");
  });

  it("refuses a provider whose checkout origin is not https", () => {
    const insecure = { ...fake, checkoutOrigins: ["http://pay.example"] };
    expect(codeOf(() => createPayments({ providers: [insecure], store, urls }))).toBe(
      "CONFIG_INVALID",
    );
  });

  it("accepts an http://localhost origin only when told to", () => {
    const sandbox = createFakeProvider({ origin: "http://localhost:4242" });
    expect(codeOf(() => createPayments({ providers: [sandbox], store, urls }))).toBe(
      "CONFIG_INVALID",
    );
    const payments = createPayments({
      providers: [sandbox],
      store,
      urls,
      allowInsecureLocalhost: true,
    });
    expect(payments.checkoutOrigins).toEqual(["http://localhost:4242"]);
  });
});

describe("startCheckout", () => {
  it("stores the attempt, creates the session with the merchant's URLs and checks the redirect", async () => {
    const { fake, payments } = setup();
    const started = await payments.startCheckout(request("RC-1001"));
    expect(started.reused).toBe(false);
    expect(started.redirectUrl).toMatch(/^https:\/\/pay\.fake\.test\/pay\/fs_/);
    expect(started.attempt).toMatchObject({ orderRef: "RC-1001", status: "open", sequence: 1 });
    const session = fake.sessions.get(started.attempt.providerSessionId ?? "");
    expect(session?.input.successUrl).toBe("https://rental.example/bookings/RC-1001/return");
    expect(session?.input.cancelUrl).toBe("https://rental.example/bookings/RC-1001?canceled=1");
    expect(session?.idempotencyKey).toBe(`linkpay-checkout-${started.attempt.id}`);
  });

  it("sets the expiry from the request, a minute inside core's 5 min – 24 h window", async () => {
    const now = new Date("2026-11-25T10:00:00Z");
    const { fake, payments } = setup({ now: () => now });
    const started = await payments.startCheckout(request("RC-EXP"));
    expect(started.attempt.expiresAt.toISOString()).toBe("2026-11-25T10:30:00.000Z");
    const short = await payments.startCheckout({ ...request("RC-EXP-1"), expiresInSeconds: 300 });
    expect(short.attempt.expiresAt.toISOString()).toBe("2026-11-25T10:06:00.000Z");
    const long = await payments.startCheckout({ ...request("RC-EXP-2"), expiresInSeconds: 86_400 });
    expect(
      fake.sessions.get(long.attempt.providerSessionId ?? "")?.input.expiresAt.toISOString(),
    ).toBe("2026-11-26T09:59:00.000Z");
  });

  it("keeps the expiry inside the provider's own window, and refuses a request outside it before storing", async () => {
    const now = new Date("2026-11-25T10:00:00Z");
    const fake = createFakeProvider();
    const narrow: PaymentProvider = {
      ...fake,
      checkoutLifetime: { minSeconds: 30 * 60, maxSeconds: 12 * 60 * 60 },
    };
    const store = createMemoryStore();
    const payments = createPayments({ providers: [narrow], store, urls, now: () => now });
    const started = await payments.startCheckout(request("RC-NARROW"));
    expect(started.attempt.expiresAt.toISOString()).toBe("2026-11-25T10:31:00.000Z");
    for (const expiresInSeconds of [29 * 60, 12 * 60 * 60 + 1]) {
      const ref = `RC-NARROW-${expiresInSeconds}`;
      const error = await rejectionOf(
        payments.startCheckout({ ...request(ref), expiresInSeconds }),
      );
      expect(isLinkpayError(error, "INVALID_CHECKOUT_REQUEST") && error.details).toEqual({
        issues: [{ path: "expiresInSeconds", message: expect.stringContaining("1800–43200") }],
      });
      expect(await store.findLatestAttempt({ orderRef: ref })).toBeNull();
    }
    expect(fake.sessions.size).toBe(1);
  });

  it("creates one session for a double click, sequential or concurrent", async () => {
    const { fake, payments } = setup();
    const first = await payments.startCheckout(request("RC-DOUBLE"));
    const second = await payments.startCheckout(request("RC-DOUBLE"));
    expect(second.reused).toBe(true);
    expect(second.redirectUrl).toBe(first.redirectUrl);
    const both = await Promise.all([
      payments.startCheckout(request("RC-RACE")),
      payments.startCheckout(request("RC-RACE")),
    ]);
    expect(both[0].attempt.id).toBe(both[1].attempt.id);
    expect(both[0].redirectUrl).toBe(both[1].redirectUrl);
    const sessions = [...fake.sessions.values()].filter((s) => s.input.orderRef === "RC-RACE");
    expect(sessions).toHaveLength(1);
  });

  it("keeps the attempt when the provider fails, and the retry reuses its idempotency key", async () => {
    const { fake, store, payments } = setup();
    fake.failNextCreate(new Error("ECONNRESET"));
    expect(await rejectionOf(payments.startCheckout(request("RC-RETRY")))).toBeInstanceOf(Error);
    const stored = await store.findLatestAttempt({ orderRef: "RC-RETRY" });
    expect(stored).toMatchObject({ status: "open", providerSessionId: null });
    const retried = await payments.startCheckout(request("RC-RETRY"));
    expect(retried.attempt.id).toBe(stored?.id);
    expect(fake.sessions.get(retried.attempt.providerSessionId ?? "")?.idempotencyKey).toBe(
      `linkpay-checkout-${stored?.id}`,
    );
  });

  it("never takes return URLs or other unknown fields from the request", async () => {
    const { payments } = setup();
    const error = await rejectionOf(
      payments.startCheckout({
        ...request("RC-URL"),
        successUrl: "https://evil.example/",
      } as never),
    );
    expect(isLinkpayError(error, "INVALID_CHECKOUT_REQUEST")).toBe(true);
  });

  it("refuses a total that is not the sum of the lines", async () => {
    const { payments } = setup();
    const error = await rejectionOf(payments.startCheckout({ ...request("RC-SUM"), total: 1 }));
    expect(isLinkpayError(error, "INVALID_CHECKOUT_REQUEST")).toBe(true);
  });

  it("refuses card data anywhere in the request, and stores nothing", async () => {
    const { payments, store } = setup();
    const withCard = request("RC-CARD");
    const error = await rejectionOf(
      payments.startCheckout({
        ...withCard,
        lineItems: [{ name: "card 4242 4242 4242 4242", unitAmount: withCard.total, quantity: 1 }],
      }),
    );
    expect(isLinkpayError(error, "CARD_DATA_DETECTED")).toBe(true);
    expect(String(error)).not.toContain("4242 4242 4242 4242");
    expect(await store.findLatestAttempt({ orderRef: "RC-CARD" })).toBeNull();
  });

  it("refuses to redirect to an origin the provider did not declare, and raises an alert", async () => {
    const fake = createFakeProvider();
    const tampered: PaymentProvider = {
      ...fake,
      createCheckout: async (input, options) => ({
        ...(await fake.createCheckout(input, options)),
        hostedUrl: "https://pay.fake.test.evil.example/pay/123",
      }),
    };
    const { logger, lines } = memoryLogger();
    const store = createMemoryStore();
    const payments = createPayments({ providers: [tampered], store, urls, logger });
    const error = await rejectionOf(payments.startCheckout(request("RC-EVIL")));
    expect(isLinkpayError(error, "REDIRECT_NOT_ALLOWED")).toBe(true);
    expect(isLinkpayError(error) && error.status).toBe(502);
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: "error",
        fields: expect.objectContaining({ alert: "redirect_not_allowed" }),
      }),
    );
    expect((await store.findLatestAttempt({ orderRef: "RC-EVIL" }))?.hostedUrl).toBeNull();
  });

  it("refuses to start a paid order again, or an open one with another amount", async () => {
    const { fake, payments } = setup();
    const paid = await payments.startCheckout(request("RC-PAID"));
    await payments.handleWebhook({
      provider: fake.id,
      ...fake.deliver({
        type: "payment.succeeded",
        sessionId: paid.attempt.providerSessionId ?? "",
      }),
    });
    const again = await rejectionOf(payments.startCheckout(request("RC-PAID")));
    expect(isLinkpayError(again, "CHECKOUT_ALREADY_PAID")).toBe(true);
    await payments.startCheckout(request("RC-CHANGED"));
    const changed = await rejectionOf(payments.startCheckout(request("RC-CHANGED", 99_000)));
    expect(isLinkpayError(changed, "CHECKOUT_CHANGED")).toBe(true);
  });

  it("starts a new attempt after the previous one expired", async () => {
    const { fake, payments } = setup();
    const first = await payments.startCheckout(request("RC-AGAIN"));
    await payments.handleWebhook({
      provider: fake.id,
      ...fake.deliver({
        type: "checkout.expired",
        sessionId: first.attempt.providerSessionId ?? "",
      }),
    });
    const second = await payments.startCheckout(request("RC-AGAIN"));
    expect(second.attempt.sequence).toBe(2);
    expect(second.attempt.providerSessionId).not.toBe(first.attempt.providerSessionId);
  });

  it("refuses an unknown provider id", async () => {
    const { payments } = setup();
    const error = await rejectionOf(
      payments.startCheckout({ ...request("RC-P"), provider: "paypal" }),
    );
    expect(isLinkpayError(error, "UNKNOWN_PROVIDER")).toBe(true);
  });
});

describe("handleWebhook", () => {
  it("rejects a forged delivery as not authentic and records nothing", async () => {
    const { fake, store, payments } = setup();
    const { attempt } = await payments.startCheckout(request("RC-FORGED"));
    const forged = fake.deliver({
      type: "payment.succeeded",
      sessionId: attempt.providerSessionId ?? "",
      eventId: "evt-forged",
      secret: "whsec_YXR0YWNrZXItc2VjcmV0LWF0dGFja2VyLXNlY3JldA==",
    });
    const error = await rejectionOf(payments.handleWebhook({ provider: fake.id, ...forged }));
    expect(isLinkpayError(error) && [error.kind, error.status]).toEqual(["not_authentic", 400]);
    expect(await store.findEvent({ provider: fake.id, eventId: "evt-forged" })).toBeNull();
    expect((await payments.getStatus({ orderRef: "RC-FORGED" }))?.status).toBe("open");
  });

  it("refuses a delivery signed too long ago or in the future", async () => {
    const { fake, payments } = setup();
    const { attempt } = await payments.startCheckout(request("RC-TIME"));
    const sessionId = attempt.providerSessionId ?? "";
    const old = fake.deliver({
      type: "payment.succeeded",
      sessionId,
      signedAt: new Date(Date.now() - 3_600_000),
    });
    const future = fake.deliver({
      type: "payment.succeeded",
      sessionId,
      signedAt: new Date(Date.now() + 3_600_000),
    });
    const oldError = await rejectionOf(payments.handleWebhook({ provider: fake.id, ...old }));
    const futureError = await rejectionOf(payments.handleWebhook({ provider: fake.id, ...future }));
    expect(isLinkpayError(oldError, "WEBHOOK_TIMESTAMP_TOO_OLD")).toBe(true);
    expect(isLinkpayError(futureError, "WEBHOOK_TIMESTAMP_IN_FUTURE")).toBe(true);
  });

  it("refuses an unknown provider in the route", async () => {
    const { payments } = setup();
    const error = await rejectionOf(
      payments.handleWebhook({ provider: "nope", rawBody: "{}", headers: {} }),
    );
    expect(isLinkpayError(error, "UNKNOWN_PROVIDER") && error.status).toBe(404);
  });

  it("logs a mismatch as an alert, without card data or secrets", async () => {
    const { fake, payments, lines } = setup();
    const { attempt } = await payments.startCheckout(request("RC-ALERT"));
    const result = await payments.handleWebhook({
      provider: fake.id,
      ...fake.deliver({
        type: "payment.succeeded",
        sessionId: attempt.providerSessionId ?? "",
        amount: 1,
      }),
    });
    expect(result).toMatchObject({ outcome: "rejected", reason: "amount_mismatch" });
    const alert = lines.find((line) => line.level === "error");
    expect(alert?.fields).toMatchObject({ alert: "amount_mismatch" });
    expect(JSON.stringify(lines)).not.toMatch(/whsec_/);
  });

  it("asks the provider to check the request before anything is stored", async () => {
    const fake = createFakeProvider();
    const store = createMemoryStore();
    const refusing: PaymentProvider = {
      ...fake,
      checkRequest: (checked) => {
        if (checked.total.currency === "JPY") {
          throw new LinkpayError("CURRENCY_NOT_SUPPORTED", "total: JPY cannot be charged here");
        }
      },
    };
    const payments = createPayments({ providers: [refusing], store, urls });
    const error = await rejectionOf(payments.startCheckout(request("RC-REFUSED")));
    expect(isLinkpayError(error, "CURRENCY_NOT_SUPPORTED")).toBe(true);
    expect(await store.findLatestAttempt({ orderRef: "RC-REFUSED" })).toBeNull();
    expect(fake.sessions.size).toBe(0);
  });

  it("writes each outcome once, to the alert level when there is one and to the request's own logger", async () => {
    const { fake, payments, lines: serviceLines } = setup();
    const { attempt } = await payments.startCheckout(request("RC-ONCE"));
    const request_ = memoryLogger();
    const alerts: object[] = [];
    const requestLogger: Logger = { ...request_.logger, alert: (fields) => alerts.push(fields) };
    await payments.handleWebhook({
      provider: fake.id,
      logger: requestLogger,
      ...fake.deliver({
        type: "payment.succeeded",
        sessionId: attempt.providerSessionId ?? "",
        amount: 1,
      }),
    });
    await payments.handleWebhook({
      provider: fake.id,
      logger: requestLogger,
      ...fake.deliver({ type: "payment.succeeded", sessionId: attempt.providerSessionId ?? "" }),
    });
    expect(alerts).toEqual([expect.objectContaining({ alert: "amount_mismatch" })]);
    expect(request_.lines).toEqual([
      expect.objectContaining({ level: "info", message: "webhook applied" }),
    ]);
    expect(serviceLines.filter((line) => line.message === "webhook applied")).toEqual([]);
  });

  it("stores the adapter's digest of the bytes received, else the digest of the JSON", async () => {
    const fake = createFakeProvider();
    const store = createMemoryStore();
    let payloadDigest: string | undefined;
    const digesting: PaymentProvider = {
      ...fake,
      parseWebhook: async (delivery) => ({ ...(await fake.parseWebhook(delivery)), payloadDigest }),
    };
    const payments = createPayments({ providers: [digesting], store, urls });
    const { attempt } = await payments.startCheckout(request("RC-DIGEST"));
    const sessionId = attempt.providerSessionId ?? "";
    const deliver = (eventId: string) =>
      payments.handleWebhook({
        provider: fake.id,
        ...fake.deliver({ type: "payment.succeeded", sessionId, eventId }),
      });
    payloadDigest = "ab".repeat(32);
    await deliver("evt-given");
    payloadDigest = undefined;
    await deliver("evt-json");
    const given = await store.findEvent({ provider: fake.id, eventId: "evt-given" });
    const json = await store.findEvent({ provider: fake.id, eventId: "evt-json" });
    expect(given?.payloadDigest).toBe("ab".repeat(32));
    expect(json?.payloadDigest).toBe(
      createHash("sha256").update(JSON.stringify(json?.payload)).digest("hex"),
    );
  });

  it("turns a store failure into a retryable error", async () => {
    const fake = createFakeProvider();
    const memory = createMemoryStore();
    const broken: PaymentStore = {
      ...memory,
      transaction: async () => {
        throw new Error("connection terminated unexpectedly");
      },
    };
    const payments = createPayments({ providers: [fake], store: broken, urls });
    const { attempt } = await payments.startCheckout(request("RC-DOWN"));
    const error = await rejectionOf(
      payments.handleWebhook({
        provider: fake.id,
        ...fake.deliver({ type: "payment.succeeded", sessionId: attempt.providerSessionId ?? "" }),
      }),
    );
    expect(isLinkpayError(error, "STORE_UNAVAILABLE") && [error.status, error.retryable]).toEqual([
      503,
      true,
    ]);
  });
});

describe("reconcile", () => {
  it("closes an attempt that never got a session once it is past its expiry", async () => {
    let now = new Date("2026-11-25T10:00:00Z");
    const fake = createFakeProvider({ now: () => now });
    const store = createMemoryStore();
    const expired: string[] = [];
    const payments = createPayments({
      providers: [fake],
      store,
      urls,
      now: () => now,
      hooks: { onExpired: ({ attempt }) => void expired.push(attempt.orderRef) },
    });
    fake.failNextCreate(new Error("timeout"));
    await rejectionOf(payments.startCheckout(request("RC-NOSESSION")));
    now = new Date("2026-11-25T11:00:00Z");
    const report = await payments.reconcile({ olderThanSeconds: 60 });
    expect(report).toMatchObject({ checked: 1, changed: 1, failed: [] });
    expect((await payments.getStatus({ orderRef: "RC-NOSESSION" }))?.status).toBe("expired");
    expect(expired).toEqual(["RC-NOSESSION"]);
  });

  it("reports a provider failure per attempt instead of throwing", async () => {
    let now = new Date("2026-11-25T10:00:00Z");
    const fake = createFakeProvider({ now: () => now });
    const failing: PaymentProvider = {
      ...fake,
      retrieveCheckout: async () => {
        throw new Error("socket hang up");
      },
    };
    const payments = createPayments({
      providers: [failing],
      store: createMemoryStore(),
      urls,
      now: () => now,
    });
    await payments.startCheckout(request("RC-RFAIL"));
    now = new Date("2026-11-25T10:20:00Z");
    const report = await payments.reconcile({ olderThanSeconds: 60 });
    expect(report).toMatchObject({ checked: 1, changed: 0, failed: [{ code: "UNKNOWN" }] });
  });
});

describe("refund", () => {
  async function paidWith(provider: PaymentProvider, fake: ReturnType<typeof createFakeProvider>) {
    const store = createMemoryStore();
    const { logger, lines } = memoryLogger();
    const payments = createPayments({ providers: [provider], store, urls, logger });
    const { attempt } = await payments.startCheckout(request("RC-REFUND-1"));
    const sessionId = attempt.providerSessionId ?? "";
    await payments.handleWebhook({
      provider: fake.id,
      ...fake.deliver({ type: "payment.succeeded", sessionId }),
    });
    fake.settle({ sessionId, status: "paid" });
    return { payments, store, lines };
  }

  it("refuses, as REFUND_NOT_SUPPORTED, a provider that cannot refund, and records the refund failed", async () => {
    const fake = createFakeProvider();
    const withoutRefunds: PaymentProvider = {
      id: fake.id,
      checkoutOrigins: fake.checkoutOrigins,
      createCheckout: (input, options) => fake.createCheckout(input, options),
      parseWebhook: (delivery) => fake.parseWebhook(delivery),
      retrieveCheckout: (input) => fake.retrieveCheckout(input),
    };
    const { payments, store } = await paidWith(withoutRefunds, fake);
    const error = await rejectionOf(
      payments.refund({
        orderRef: "RC-REFUND-1",
        reason: "cancelled",
        actor: "staff:ann",
        idempotencyKey: "k-1",
      }),
    );
    expect(isLinkpayError(error, "REFUND_NOT_SUPPORTED") && error.status).toBe(502);
    expect(await store.listRefunds({ orderRef: "RC-REFUND-1" })).toMatchObject([
      { status: "failed", failureCode: "REFUND_NOT_SUPPORTED" },
    ]);
  });

  it("logs who asked for which refund, and the provider's answer", async () => {
    const fake = createFakeProvider();
    const { payments, lines } = await paidWith(fake, fake);
    await payments.refund({
      orderRef: "RC-REFUND-1",
      reason: "cancelled",
      actor: "staff:ann",
      idempotencyKey: "k-2",
    });
    const recorded = lines.find((line) => line.message === "refund recorded");
    expect(recorded?.fields).toMatchObject({ orderRef: "RC-REFUND-1", actor: "staff:ann" });
    expect(lines.some((line) => line.message === "refund answered by the provider")).toBe(true);
  });
});

/**
 * @module
 * Tests for the mapping of Stripe events to linkpay's normalized events, including the konbini
 * flow and refunds (whose session is looked up on the loopback fake API).
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { isLinkpayError, money, type ProviderEvent } from "@linkpay/core";
import { rejectionOf } from "@linkpay/core/testing";
import type { StripeProvider } from "../create-stripe-provider";
import { type FakeStripeServer, startFakeStripeServer } from "../test/fake-stripe-server";
import {
  chargeObject,
  checkoutInput,
  NOW,
  NOW_SECONDS,
  sessionObject,
  signedDelivery,
  stripeBody,
  stripeEvent,
  testProvider,
} from "../test/stripe-fixtures";

let fake: FakeStripeServer;
let provider: StripeProvider;
beforeAll(async () => {
  fake = await startFakeStripeServer();
  provider = testProvider(fake, { now: () => NOW, paymentMethodTypes: ["card", "konbini"] });
});
afterAll(async () => {
  await fake.close();
});

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

async function deliver(type: string, object: Record<string, unknown>, id?: string) {
  const event = stripeEvent(type, object, id === undefined ? {} : { id });
  return provider.parseWebhook(signedDelivery(stripeBody(event)));
}

async function createdSession() {
  const input = checkoutInput();
  const { providerSessionId } = await provider.createCheckout(input, {
    idempotencyKey: input.attemptId,
  });
  return { input, id: providerSessionId };
}

describe("Checkout Session events", () => {
  it("maps a paid checkout.session.completed to payment.succeeded with every field", async () => {
    const event = stripeEvent("checkout.session.completed", sessionObject(), { id: "evt_paid" });
    const body = stripeBody(event);
    const mapped = await provider.parseWebhook(signedDelivery(body));
    expect(mapped).toEqual({
      kind: "payment.succeeded",
      provider: "stripe",
      eventId: "evt_paid",
      providerSessionId: "cs_test_a1",
      orderRef: "RC-1",
      attemptId: "attempt-1",
      amount: money(12_400, "JPY"),
      refundedAmount: undefined,
      occurredAt: new Date((NOW_SECONDS - 5) * 1000),
      raw: event,
      payloadDigest: sha256(body),
    });
  });

  it("digests the bytes as received, not the parsed JSON serialized again", async () => {
    const event = stripeEvent("checkout.session.completed", sessionObject(), { id: "evt_bytes" });
    // Stripe sends pretty-printed JSON; the same event in another layout is other bytes.
    for (const body of [stripeBody(event), JSON.stringify(event), `${JSON.stringify(event)}\n`]) {
      const mapped = await provider.parseWebhook(signedDelivery(body));
      expect(mapped.payloadDigest).toBe(sha256(body));
    }
    const ignored = stripeBody(
      stripeEvent("customer.created", { id: "cus_1", object: "customer" }),
    );
    expect((await provider.parseWebhook(signedDelivery(ignored))).payloadDigest).toBe(
      sha256(ignored),
    );
  });

  it("walks the konbini flow: completed unpaid → pending, then async success or failure", async () => {
    const { input, id } = await createdSession();
    fake.setState(id, {
      status: "complete",
      paymentStatus: "unpaid",
      intentStatus: "requires_action",
    });
    const session = fake.sessionJson(id);
    const pending = await deliver("checkout.session.completed", session);
    expect(pending).toMatchObject({
      kind: "payment.pending",
      providerSessionId: id,
      orderRef: input.orderRef,
      amount: input.total,
    });
    // The event carries only the intent's id: the slip comes from the intent, asked for once.
    const intentId = String(session.payment_intent);
    expect(fake.requests.at(-1)).toMatchObject({
      method: "GET",
      path: `/v1/payment_intents/${intentId}`,
    });
    const numbers = { paymentCode: "123456789012", confirmationNumber: "12345678901" };
    expect(pending.kind !== "ignored" && pending.pendingPayment).toEqual({
      method: "konbini",
      expiresAt: new Date((Number(session.created) + 3 * 86_400) * 1000),
      instructionsUrl: `https://checkout.stripe.com/konbini/${intentId}`,
      stores: [
        { chain: "familymart", ...numbers },
        { chain: "lawson", ...numbers },
      ],
    });
    fake.settle(id, "paid");
    const paid = await deliver("checkout.session.async_payment_succeeded", fake.sessionJson(id));
    expect(paid).toMatchObject({ kind: "payment.succeeded", providerSessionId: id });
    const failed = await deliver("checkout.session.async_payment_failed", session);
    expect(failed).toMatchObject({ kind: "payment.failed", providerSessionId: id });
  });

  it("maps checkout.session.expired to checkout.expired", async () => {
    const expired = sessionObject({
      status: "expired",
      payment_status: "unpaid",
      payment_intent: null,
    });
    expect(await deliver("checkout.session.expired", expired)).toMatchObject({
      kind: "checkout.expired",
      orderRef: "RC-1",
    });
  });

  it("ignores a completed session that needed no payment", async () => {
    const free = sessionObject({ payment_status: "no_payment_required", amount_total: 0 });
    expect(await deliver("checkout.session.completed", free)).toMatchObject({
      kind: "ignored",
      reason: "no_payment_required",
    });
  });

  it("takes the order reference from metadata first, then client_reference_id", async () => {
    const onlyRef = sessionObject({ metadata: {}, client_reference_id: "RC-ref" });
    expect(await deliver("checkout.session.completed", onlyRef)).toMatchObject({
      orderRef: "RC-ref",
    });
    const onlyMeta = sessionObject({ client_reference_id: null });
    expect(await deliver("checkout.session.completed", onlyMeta)).toMatchObject({
      orderRef: "RC-1",
    });
  });

  it("ignores sessions other integrations created as not_ours", async () => {
    const foreign = sessionObject({ client_reference_id: null, metadata: { campaign: "x" } });
    for (const type of ["checkout.session.completed", "checkout.session.expired"]) {
      const event = await deliver(type, foreign, `evt_${type}`);
      expect(event).toEqual({
        kind: "ignored",
        provider: "stripe",
        eventId: `evt_${type}`,
        type,
        reason: "not_ours",
        raw: expect.objectContaining({ id: `evt_${type}` }),
        payloadDigest: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
    }
    const subscription = sessionObject({ mode: "subscription" });
    expect(await deliver("checkout.session.completed", subscription)).toMatchObject({
      kind: "ignored",
      reason: "not_ours",
    });
  });

  it("ignores event types it does not handle", async () => {
    for (const type of ["customer.created", "payment_intent.succeeded", "charge.succeeded"]) {
      expect(await deliver(type, { id: "x", object: "thing" })).toMatchObject({
        kind: "ignored",
        type,
        reason: "unhandled_type",
      });
    }
  });

  it("reports an authentic but malformed payload as WEBHOOK_PAYLOAD_INVALID", async () => {
    const cases: [string, Record<string, unknown>][] = [
      ["checkout.session.completed", sessionObject({ amount_total: null })],
      ["checkout.session.completed", sessionObject({ amount_total: "12400" })],
      ["checkout.session.completed", sessionObject({ currency: "zzz" })],
      ["checkout.session.completed", sessionObject({ payment_status: "maybe" })],
      ["checkout.session.expired", sessionObject({ id: undefined })],
      ["charge.refunded", chargeObject({ amount_refunded: -1 })],
    ];
    for (const [type, object] of cases) {
      const error = await rejectionOf(deliver(type, object));
      expect(isLinkpayError(error, "WEBHOOK_PAYLOAD_INVALID")).toBe(true);
    }
    const noId = { ...stripeEvent("checkout.session.completed", sessionObject()), id: undefined };
    const error = await rejectionOf(provider.parseWebhook(signedDelivery(JSON.stringify(noId))));
    expect(isLinkpayError(error, "WEBHOOK_PAYLOAD_INVALID")).toBe(true);
  });

  it("refuses an envelope whose data.object is not an object, whatever the event type", async () => {
    for (const type of ["checkout.session.completed", "customer.created"]) {
      for (const object of [null, [], "cs_test_a1", 42]) {
        const event = { ...stripeEvent(type, sessionObject()), data: { object } };
        const error = await rejectionOf(
          provider.parseWebhook(signedDelivery(JSON.stringify(event))),
        );
        expect(isLinkpayError(error, "WEBHOOK_PAYLOAD_INVALID")).toBe(true);
        expect(String(Reflect.get(Object(error), "message"))).toContain("data.object");
      }
    }
  });

  it("keeps the event's JSON as received in raw, extra envelope fields included", async () => {
    const event = { ...stripeEvent("customer.created", sessionObject()), request: { id: null } };
    const mapped = await provider.parseWebhook(signedDelivery(JSON.stringify(event)));
    expect(mapped).toMatchObject({ kind: "ignored", reason: "unhandled_type", raw: event });
  });
});

describe("charge.refunded", () => {
  async function refunded(amountRefunded: number): Promise<{ id: string; event: ProviderEvent }> {
    const { id } = await createdSession();
    fake.settle(id, amountRefunded >= 12_400 ? "refunded" : "partially_refunded", amountRefunded);
    const event = await deliver("charge.refunded", fake.chargeJson(id));
    return { id, event };
  }

  it("maps a partial refund with the cumulative refunded amount, finding the session", async () => {
    const { id, event } = await refunded(2_000);
    expect(event).toMatchObject({
      kind: "payment.refunded",
      providerSessionId: id,
      amount: money(12_400, "JPY"),
      refundedAmount: money(2_000, "JPY"),
    });
    const lookup = fake.requests.at(-1);
    expect(lookup?.path).toBe("/v1/checkout/sessions");
    expect(lookup?.query.get("payment_intent")).toBe(fake.sessionJson(id).payment_intent);
    expect(lookup?.query.get("limit")).toBe("1");
  });

  it("maps a full refund", async () => {
    const { event } = await refunded(12_400);
    expect(event).toMatchObject({ kind: "payment.refunded", refundedAmount: money(12_400, "JPY") });
  });

  it("ignores refunds of charges linkpay did not create", async () => {
    expect(await deliver("charge.refunded", chargeObject({ payment_intent: null }))).toMatchObject({
      kind: "ignored",
      reason: "not_ours",
    });
    expect(
      await deliver("charge.refunded", chargeObject({ payment_intent: "pi_elsewhere" })),
    ).toMatchObject({ kind: "ignored", reason: "not_ours" });
  });

  it("fails retryably when the session lookup cannot reach Stripe", async () => {
    const { id } = await createdSession();
    fake.settle(id, "partially_refunded", 500);
    fake.script({ drop: true }, { drop: true });
    const error = await rejectionOf(deliver("charge.refunded", fake.chargeJson(id)));
    expect(isLinkpayError(error, "PROVIDER_UNAVAILABLE")).toBe(true);
    expect(isLinkpayError(error) && error.retryable).toBe(true);
  });
});

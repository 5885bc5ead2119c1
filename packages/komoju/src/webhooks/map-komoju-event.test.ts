/**
 * @module
 * Tests for parseWebhook beyond the contract suite: ping and unknown types, payments that are not
 * linkpay's, the re-fetch of the session (its current state wins; a failure is retryable).
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { isLinkpayError } from "@linkpay/core";
import { rejectionOf } from "@linkpay/core/testing";
import { type FakeKomojuServer, startFakeKomojuServer } from "../test/fake-komoju-server";
import { checkoutInput, komojuEvent, signedDelivery, testProvider } from "../test/komoju-fixtures";

let fake: FakeKomojuServer;
beforeAll(async () => {
  fake = await startFakeKomojuServer();
});
afterAll(async () => {
  await fake.close();
});

async function newSession(): Promise<string> {
  const input = checkoutInput();
  const session = await testProvider(fake).createCheckout(input, {
    idempotencyKey: `map-${input.attemptId}`,
  });
  return session.providerSessionId;
}

describe("parseWebhook", () => {
  it("ignores ping and types it does not handle, without asking KOMOJU", async () => {
    const provider = testProvider(fake);
    const before = fake.count();
    const ping = komojuEvent("ping", {}, { id: "evt_ping" });
    expect(await provider.parseWebhook(signedDelivery(ping))).toEqual({
      kind: "ignored",
      provider: "komoju",
      eventId: "evt_ping",
      type: "ping",
      reason: "unhandled_type",
      raw: ping,
    });
    const other = komojuEvent("customer.created", { id: "cus_1" });
    expect(await provider.parseWebhook(signedDelivery(other))).toMatchObject({
      kind: "ignored",
      reason: "unhandled_type",
    });
    expect(fake.count()).toBe(before);
  });

  it("maps the session's current state, with the body's id and time", async () => {
    const id = await newSession();
    fake.settle(id, "captured");
    const createdAt = new Date("2027-01-15T08:00:00.000Z");
    // An old `authorized` delivered after the capture: the current state (paid) is reported.
    const late = komojuEvent("payment.authorized", fake.paymentJson(id), {
      id: "evt_late",
      createdAt,
    });
    expect(await testProvider(fake).parseWebhook(signedDelivery(late))).toMatchObject({
      kind: "payment.succeeded",
      eventId: "evt_late",
      providerSessionId: id,
      occurredAt: createdAt,
      amount: { amount: 12_400, currency: "JPY" },
    });
  });

  it("ignores a declined card while the session is still open", async () => {
    const id = await newSession();
    fake.settle(id, "failed");
    const event = komojuEvent("payment.failed", fake.paymentJson(id));
    expect(await testProvider(fake).parseWebhook(signedDelivery(event))).toMatchObject({
      kind: "ignored",
      reason: "still_open",
    });
  });

  it("carries the konbini slip on payment.pending", async () => {
    const id = await newSession();
    fake.settle(id, "authorized");
    const event = komojuEvent("payment.authorized", fake.paymentJson(id));
    const parsed = await testProvider(fake).parseWebhook(signedDelivery(event));
    expect(parsed).toMatchObject({
      kind: "payment.pending",
      pendingPayment: {
        method: "konbini",
        stores: [{ chain: "lawson", paymentCode: "123456", confirmationNumber: "7890" }],
      },
    });
  });

  it("ignores a payment without a session, and a session without linkpay's references", async () => {
    const provider = testProvider(fake);
    const id = await newSession();
    const orphan = { ...fake.paymentJson(id), session: null };
    expect(
      await provider.parseWebhook(signedDelivery(komojuEvent("payment.captured", orphan))),
    ).toMatchObject({ kind: "ignored", reason: "not_ours" });
    const foreign = fake.sessionJson(id);
    foreign.metadata = { shop: "another integration" };
    fake.settle(id, "captured");
    expect(
      await provider.parseWebhook(
        signedDelivery(komojuEvent("payment.captured", fake.paymentJson(id))),
      ),
    ).toMatchObject({ kind: "ignored", reason: "not_ours" });
  });

  it("throws a retryable error when the session cannot be re-fetched (503), applying nothing", async () => {
    const id = await newSession();
    fake.settle(id, "captured");
    fake.script({ status: 503, body: { error: { code: "service_unavailable" } } });
    const error = await rejectionOf(
      testProvider(fake).parseWebhook(
        signedDelivery(komojuEvent("payment.captured", fake.paymentJson(id))),
      ),
    );
    expect(isLinkpayError(error) && error.code).toBe("PROVIDER_UNAVAILABLE");
    expect(isLinkpayError(error) && error.retryable).toBe(true);
  });

  it("refuses an authentic body that is not a KOMOJU event", async () => {
    const error = await rejectionOf(
      testProvider(fake).parseWebhook(signedDelivery({ id: "x", type: "payment.captured" })),
    );
    expect(isLinkpayError(error) && error.code).toBe("WEBHOOK_PAYLOAD_INVALID");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import Stripe from "stripe";
import { submitCard } from "../test/hosted-page-client";
import { type SandboxFixture, sessionParams, startSandbox } from "../test/start-sandbox";
import { startWebhookReceiver, type WebhookReceiver } from "../test/webhook-receiver";

describe("refunds", () => {
  let receiver: WebhookReceiver;
  let fixture: SandboxFixture;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    fixture = await startSandbox({
      webhooks: [
        {
          url: receiver.url,
          secret: receiver.secret,
          enabledEvents: ["charge.refunded", "refund.created"],
        },
      ],
    });
  });
  afterAll(async () => {
    await fixture.sandbox.close();
    await receiver.close();
  });

  async function paidIntent(): Promise<string> {
    const session = await fixture.stripe.checkout.sessions.create(sessionParams());
    await submitCard(fixture.origin, session.id);
    const paid = await fixture.stripe.checkout.sessions.retrieve(session.id);
    return String(paid.payment_intent);
  }

  it("refunds in parts, keeping a cumulative amount_refunded, and emits charge.refunded", async () => {
    const intentId = await paidIntent();
    const first = await fixture.stripe.refunds.create({
      payment_intent: intentId,
      amount: 5_000,
      reason: "requested_by_customer",
    });
    expect(first).toMatchObject({
      object: "refund",
      amount: 5_000,
      currency: "jpy",
      status: "succeeded",
      payment_intent: intentId,
    });
    expect(first.id).toMatch(/^re_/);
    const rest = await fixture.stripe.refunds.create({ payment_intent: intentId });
    expect(rest.amount).toBe(12_600);

    const intent = await fixture.stripe.paymentIntents.retrieve(intentId, {
      expand: ["latest_charge"],
    });
    expect(intent.latest_charge).toMatchObject({ amount_refunded: 17_600, refunded: true });
    const summary = fixture.sandbox
      .sessions()
      .find((session) => session.paymentIntentId === intentId);
    expect(summary?.amountRefunded).toBe(17_600);
    expect(await fixture.stripe.refunds.retrieve(first.id)).toMatchObject({
      id: first.id,
      amount: 5_000,
    });

    await fixture.sandbox.whenDeliveriesSettled();
    const refunded = receiver.received
      .map((delivery) => delivery.event)
      .filter((event): event is Stripe.ChargeRefundedEvent => event?.type === "charge.refunded");
    expect(
      refunded.map((event) => [event.data.object.amount_refunded, event.data.object.refunded]),
    ).toEqual([
      [5_000, false],
      [17_600, true],
    ]);
    expect(refunded[0]?.data.object.payment_intent).toBe(intentId);
    expect(
      receiver.received.filter((delivery) => delivery.event?.type === "refund.created"),
    ).toHaveLength(2);
  });

  it.each([
    [
      "more than is left",
      { amount: 20_000 },
      "amount",
      "amount_too_large",
      /greater than unrefunded amount/,
    ],
    ["another currency", { currency: "usd" }, "currency", "currency_mismatch", /must match/],
    ["a zero amount", { amount: 0 }, "amount", "parameter_invalid_integer", /between 1/],
  ])("refuses %s", async (_case, params, param, code, message) => {
    const intentId = await paidIntent();
    const error = await fixture.stripe.refunds
      .create({ payment_intent: intentId, ...params })
      .catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({
      statusCode: 400,
      param,
      code,
      message: expect.stringMatching(message),
    });
  });

  it("refuses an unpaid session, a refunded charge and an unknown payment intent", async () => {
    const unpaid = await fixture.stripe.checkout.sessions.create(sessionParams());
    await submitCard(fixture.origin, unpaid.id, { number: "4000000000000002" });
    const declined = await fixture.stripe.checkout.sessions.retrieve(unpaid.id);
    await expect(
      fixture.stripe.refunds.create({ payment_intent: String(declined.payment_intent) }),
    ).rejects.toMatchObject({
      code: "charge_not_refundable",
    });

    const intentId = await paidIntent();
    await fixture.stripe.refunds.create({ payment_intent: intentId });
    await expect(fixture.stripe.refunds.create({ payment_intent: intentId })).rejects.toMatchObject(
      {
        code: "charge_already_refunded",
      },
    );
    await expect(
      fixture.stripe.refunds.create({ payment_intent: "pi_missing" }),
    ).rejects.toMatchObject({
      statusCode: 404,
      code: "resource_missing",
      param: "payment_intent",
    });
    await expect(fixture.stripe.refunds.create({})).rejects.toMatchObject({ statusCode: 400 });
  });
});

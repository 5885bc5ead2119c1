import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type Stripe from "stripe";
import { submitCard } from "../test/hosted-page-client";
import { type SandboxFixture, sessionParams, startSandbox } from "../test/start-sandbox";

describe("checkout sessions through the official stripe SDK", () => {
  let fixture: SandboxFixture;
  let stripe: Stripe;

  beforeAll(async () => {
    fixture = await startSandbox();
    stripe = fixture.stripe;
  });
  afterAll(() => fixture.sandbox.close());

  it("creates a Stripe-shaped session with the hosted page URL", async () => {
    const session = await stripe.checkout.sessions.create(
      sessionParams({
        customer_email: "taro@example.jp",
        locale: "ja",
        payment_intent_data: { metadata: { attempt: "att_1" } },
      }),
    );
    expect(session).toMatchObject({
      object: "checkout.session",
      mode: "payment",
      status: "open",
      payment_status: "unpaid",
      amount_subtotal: 17_600,
      amount_total: 17_600,
      currency: "jpy",
      client_reference_id: "RC-0001",
      customer_email: "taro@example.jp",
      locale: "ja",
      metadata: { order_ref: "RC-0001" },
      livemode: false,
      payment_intent: null,
      payment_method_types: ["card"],
      allowed_payment_method_types: null,
      success_url: "http://127.0.0.1:9/return?session_id={CHECKOUT_SESSION_ID}",
      cancel_url: "http://127.0.0.1:9/cart",
    });
    expect(session.id).toMatch(/^cs_test_[0-9A-Za-z]+$/);
    expect(session.url).toBe(`${fixture.origin}/c/pay/${session.id}`);
    expect(session.expires_at - session.created).toBe(24 * 60 * 60);
    expect(session.lastResponse.requestId).toMatch(/^req_/);
  });

  it("keeps the requested expires_at", async () => {
    const expiresAt = Math.floor(Date.now() / 1000) + 45 * 60;
    const session = await stripe.checkout.sessions.create(sessionParams({ expires_at: expiresAt }));
    expect(session.expires_at).toBe(expiresAt);
  });

  it("tells the operator how often and when the API was asked for a session", async () => {
    const created = await stripe.checkout.sessions.create(sessionParams());
    const summary = () => fixture.sandbox.sessions().find((session) => session.id === created.id);
    expect(summary()).toMatchObject({ retrievals: 0, lastRetrievedAt: null, amountRefunded: 0 });
    await stripe.checkout.sessions.retrieve(created.id);
    await stripe.checkout.sessions.retrieve(created.id);
    expect(summary()?.retrievals).toBe(2);
    expect(Date.parse(summary()?.lastRetrievedAt ?? "")).not.toBeNaN();
  });

  it("retrieves a session, expanding the payment intent and its latest charge", async () => {
    const created = await stripe.checkout.sessions.create(sessionParams());
    expect((await submitCard(fixture.origin, created.id)).status).toBe(303);

    const plain = await stripe.checkout.sessions.retrieve(created.id);
    expect(plain.status).toBe("complete");
    expect(plain.payment_status).toBe("paid");
    expect(plain.url).toBeNull();
    expect(plain.payment_intent).toMatch(/^pi_/);

    const expanded = await stripe.checkout.sessions.retrieve(created.id, {
      expand: ["payment_intent.latest_charge"],
    });
    const intent = expanded.payment_intent;
    if (intent === null || typeof intent === "string")
      throw new Error("payment_intent not expanded");
    expect(intent).toMatchObject({
      object: "payment_intent",
      status: "succeeded",
      amount: 17_600,
      currency: "jpy",
    });
    const charge = intent.latest_charge;
    if (charge === null || typeof charge === "string")
      throw new Error("latest_charge not expanded");
    expect(charge).toMatchObject({
      object: "charge",
      amount: 17_600,
      amount_refunded: 0,
      refunded: false,
      paid: true,
      payment_intent: intent.id,
      payment_method_details: { type: "card", card: { brand: "visa", last4: "4242" } },
    });

    const onlyIntent = await stripe.checkout.sessions.retrieve(created.id, {
      expand: ["payment_intent"],
    });
    const unexpandedCharge =
      typeof onlyIntent.payment_intent === "object"
        ? onlyIntent.payment_intent?.latest_charge
        : undefined;
    expect(unexpandedCharge).toBe(charge.id);
  });

  it("expands line items on retrieve and lists them", async () => {
    const created = await stripe.checkout.sessions.create(
      sessionParams({
        line_items: [
          {
            price_data: {
              currency: "jpy",
              unit_amount: 8_800,
              product_data: { name: "Compact car" },
            },
            quantity: 2,
          },
          {
            price_data: {
              currency: "jpy",
              unit_amount: 1_100,
              product_data: { name: "Child seat" },
            },
            quantity: 1,
          },
        ],
      }),
    );
    const withItems = await stripe.checkout.sessions.retrieve(created.id, {
      expand: ["line_items"],
    });
    expect(withItems.line_items?.data.map((item) => item.description)).toEqual([
      "Compact car",
      "Child seat",
    ]);

    const items = await stripe.checkout.sessions.listLineItems(created.id, { limit: 1 });
    expect(items.object).toBe("list");
    expect(items.has_more).toBe(true);
    expect(items.data[0]).toMatchObject({
      object: "item",
      description: "Compact car",
      quantity: 2,
      amount_total: 17_600,
      currency: "jpy",
      price: { object: "price", unit_amount: 8_800, currency: "jpy", type: "one_time" },
    });
    const all = await stripe.checkout.sessions
      .listLineItems(created.id)
      .autoPagingToArray({ limit: 10 });
    expect(all.map((item) => item.amount_total)).toEqual([17_600, 1_100]);
  });

  it("lists sessions newest first, filtered by payment intent", async () => {
    const first = await stripe.checkout.sessions.create(sessionParams());
    const second = await stripe.checkout.sessions.create(sessionParams());
    const page = await stripe.checkout.sessions.list({ limit: 2 });
    expect(page).toMatchObject({ object: "list", has_more: true, url: "/v1/checkout/sessions" });
    expect(page.data.map((session) => session.id)).toEqual([second.id, first.id]);

    await submitCard(fixture.origin, first.id);
    const paid = await stripe.checkout.sessions.retrieve(first.id);
    const byIntent = await stripe.checkout.sessions.list({
      payment_intent: String(paid.payment_intent),
    });
    expect(byIntent.data.map((session) => session.id)).toEqual([first.id]);

    const next = await stripe.checkout.sessions.list({ limit: 1, starting_after: second.id });
    expect(next.data.map((session) => session.id)).toEqual([first.id]);
  });

  it("expires an open session and refuses to expire it twice", async () => {
    const created = await stripe.checkout.sessions.create(sessionParams());
    const expired = await stripe.checkout.sessions.expire(created.id);
    expect(expired).toMatchObject({
      id: created.id,
      status: "expired",
      payment_status: "unpaid",
      url: null,
    });
    await expect(stripe.checkout.sessions.expire(created.id)).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      statusCode: 400,
      message: expect.stringContaining(
        "Only Checkout Sessions with a status of open can be expired",
      ),
    });
  });

  it("answers unknown sessions with 404 resource_missing", async () => {
    await expect(stripe.checkout.sessions.retrieve("cs_test_missing")).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      statusCode: 404,
      code: "resource_missing",
      message: "No such checkout.session: 'cs_test_missing'",
    });
    await expect(stripe.checkout.sessions.expire("cs_test_missing")).rejects.toMatchObject({
      statusCode: 404,
    });
  });

  it("refuses properties it cannot expand", async () => {
    const created = await stripe.checkout.sessions.create(sessionParams());
    await expect(
      stripe.checkout.sessions.retrieve(created.id, { expand: ["customer"] }),
    ).rejects.toMatchObject({
      statusCode: 400,
      param: "expand[0]",
      message: "This property cannot be expanded (customer).",
    });
  });
});

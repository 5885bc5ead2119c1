import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { submitCard } from "../test/hosted-page-client";
import { type SandboxFixture, sessionParams, startSandbox } from "../test/start-sandbox";

describe("/v1/events", () => {
  let fixture: SandboxFixture;
  let sessionId: string;

  beforeAll(async () => {
    fixture = await startSandbox();
    const session = await fixture.stripe.checkout.sessions.create(sessionParams());
    sessionId = session.id;
    await submitCard(fixture.origin, session.id);
  });
  afterAll(() => fixture.sandbox.close());

  it("lists events newest first, Stripe-shaped, including events merchants ignore", async () => {
    const events = await fixture.stripe.events.list();
    expect(events).toMatchObject({ object: "list", url: "/v1/events", has_more: false });
    expect(events.data.map((event) => event.type)).toEqual([
      "checkout.session.completed",
      "payment_intent.succeeded",
      "charge.succeeded",
      "payment_intent.created",
    ]);
    expect(events.data[0]).toMatchObject({
      object: "event",
      api_version: "2026-10-28.endive",
      livemode: false,
      pending_webhooks: 0,
      data: { object: { object: "checkout.session", id: sessionId } },
    });
  });

  it("filters by type (with wildcards) and pages with cursors", async () => {
    const completed = await fixture.stripe.events.list({ type: "checkout.session.completed" });
    expect(completed.data).toHaveLength(1);
    const intents = await fixture.stripe.events.list({ type: "payment_intent.*" });
    expect(intents.data.map((event) => event.type)).toEqual([
      "payment_intent.succeeded",
      "payment_intent.created",
    ]);
    const several = await fixture.stripe.events.list({
      types: ["charge.succeeded", "checkout.session.completed"],
    });
    expect(several.data).toHaveLength(2);

    const first = await fixture.stripe.events.list({ limit: 1 });
    expect(first.has_more).toBe(true);
    const second = await fixture.stripe.events.list({
      limit: 1,
      starting_after: first.data[0]?.id ?? "",
    });
    expect(second.data[0]?.type).toBe("payment_intent.succeeded");
    const back = await fixture.stripe.events.list({
      limit: 5,
      ending_before: second.data[0]?.id ?? "",
    });
    expect(back.data.map((event) => event.id)).toEqual([first.data[0]?.id]);
    const all = await fixture.stripe.events.list({ limit: 1 }).autoPagingToArray({ limit: 10 });
    expect(all).toHaveLength(4);
  });

  it("retrieves one event and answers 404 for unknown ids", async () => {
    const [latest] = (await fixture.stripe.events.list({ limit: 1 })).data;
    const event = await fixture.stripe.events.retrieve(latest?.id ?? "");
    expect(event.id).toBe(latest?.id);
    await expect(fixture.stripe.events.retrieve("evt_missing")).rejects.toMatchObject({
      statusCode: 404,
      code: "resource_missing",
    });
  });

  it("serves the payment intent and charge behind a session", async () => {
    const session = await fixture.stripe.checkout.sessions.retrieve(sessionId);
    const intent = await fixture.stripe.paymentIntents.retrieve(String(session.payment_intent));
    expect(intent).toMatchObject({ status: "succeeded", amount_received: 17_600 });
    const charge = await fixture.stripe.charges.retrieve(String(intent.latest_charge));
    expect(charge).toMatchObject({
      status: "succeeded",
      payment_method_details: { card: { last4: "4242" } },
    });
    await expect(fixture.stripe.paymentIntents.retrieve("pi_missing")).rejects.toMatchObject({
      statusCode: 404,
    });
  });
});

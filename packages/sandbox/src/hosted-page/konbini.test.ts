import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { getPage, locationOf, postForm } from "../test/hosted-page-client";
import { type SandboxFixture, sessionParams, startSandbox, TEST_KEY } from "../test/start-sandbox";
import { startWebhookReceiver, typesOf, type WebhookReceiver } from "../test/webhook-receiver";

describe("konbini payments", () => {
  let receiver: WebhookReceiver;
  let fixture: SandboxFixture;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    fixture = await startSandbox({ webhooks: [{ url: receiver.url, secret: receiver.secret }] });
  });
  afterEach(async () => {
    await fixture.sandbox.whenDeliveriesSettled();
    receiver.received.length = 0;
  });
  afterAll(async () => {
    await fixture.sandbox.close();
    await receiver.close();
  });

  async function konbiniSession() {
    const session = await fixture.stripe.checkout.sessions.create(
      sessionParams({ allowed_payment_method_types: ["card", "konbini"], locale: "ja" }),
    );
    const page = await (await getPage(`${fixture.origin}/c/pay/${session.id}`)).text();
    expect(page).toContain("コンビニで支払う");
    const issued = await postForm(`${fixture.origin}/c/pay/${session.id}/konbini`, {});
    expect(issued.status).toBe(303);
    expect(locationOf(issued)).toBe(`/c/pay/${session.id}/konbini`);
    return session;
  }

  it("issues a slip and completes the session unpaid", async () => {
    const session = await konbiniSession();
    const slip = await (await getPage(`${fixture.origin}/c/pay/${session.id}/konbini`)).text();
    expect(slip).toContain("確認番号");
    expect(slip).toMatch(/class="numbers">\d{11}</);
    expect(slip).toContain(`href="http://127.0.0.1:9/return?session_id=${session.id}"`);

    const current = await fixture.stripe.checkout.sessions.retrieve(session.id, {
      expand: ["payment_intent"],
    });
    expect(current).toMatchObject({ status: "complete", payment_status: "unpaid" });
    expect(current.payment_intent).toMatchObject({
      status: "requires_action",
      next_action: {
        type: "konbini_display_details",
        konbini_display_details: {
          hosted_voucher_url: `${fixture.origin}/c/pay/${session.id}/konbini`,
        },
      },
    });
    await fixture.sandbox.whenDeliveriesSettled();
    const completed = receiver.received.find(
      (delivery) => delivery.event?.type === "checkout.session.completed",
    );
    expect(completed?.event?.data.object).toMatchObject({
      id: session.id,
      payment_status: "unpaid",
    });
  });

  it("marks the payment paid through the operator endpoint: async_payment_succeeded", async () => {
    const session = await konbiniSession();
    const response = await fetch(`${fixture.origin}/_sandbox/sessions/${session.id}/konbini/paid`, {
      method: "POST",
      headers: { Authorization: `Bearer ${TEST_KEY}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      id: session.id,
      paymentStatus: "paid",
      konbini: { state: "paid" },
    });
    await fixture.sandbox.whenDeliveriesSettled();
    expect(typesOf(receiver.received).slice(-3)).toEqual([
      "charge.succeeded",
      "payment_intent.succeeded",
      "checkout.session.async_payment_succeeded",
    ]);
    const paid = await fixture.stripe.checkout.sessions.retrieve(session.id, {
      expand: ["payment_intent.latest_charge"],
    });
    expect(paid.payment_status).toBe("paid");
    expect(paid.payment_intent).toMatchObject({
      status: "succeeded",
      latest_charge: { payment_method_details: { type: "konbini" } },
    });
    expect(() => fixture.sandbox.markKonbiniPaid(session.id)).toThrow(/no pending konbini payment/);
  });

  it("marks the slip expired from code: async_payment_failed", async () => {
    const session = await konbiniSession();
    expect(fixture.sandbox.markKonbiniExpired(session.id)).toMatchObject({
      paymentStatus: "unpaid",
      konbini: { state: "expired" },
    });
    await fixture.sandbox.whenDeliveriesSettled();
    expect(typesOf(receiver.received).at(-1)).toBe("checkout.session.async_payment_failed");
    const slip = await (await getPage(`${fixture.origin}/c/pay/${session.id}`)).text();
    expect(slip).toContain("この払込票は期限切れです。");
  });

  it("refuses konbini when the session does not offer it", async () => {
    const session = await fixture.stripe.checkout.sessions.create(sessionParams());
    expect(await (await getPage(`${fixture.origin}/c/pay/${session.id}`)).text()).not.toContain(
      "/konbini",
    );
    expect((await postForm(`${fixture.origin}/c/pay/${session.id}/konbini`, {})).status).toBe(400);
    expect((await fixture.stripe.checkout.sessions.retrieve(session.id)).status).toBe("open");
  });
});

describe("expiry on the clock", () => {
  it("expires overdue sessions and slips in the sweep", async () => {
    let now = new Date("2026-11-25T03:00:00Z");
    const receiver = await startWebhookReceiver();
    const fixture = await startSandbox({
      now: () => now,
      expirySweepMs: 20,
      webhooks: [{ url: receiver.url, secret: receiver.secret }],
    });
    try {
      const open = await fixture.stripe.checkout.sessions.create(sessionParams());
      const konbini = await fixture.stripe.checkout.sessions.create(
        sessionParams({ allowed_payment_method_types: ["konbini"] }),
      );
      await postForm(`${fixture.origin}/c/pay/${konbini.id}/konbini`, {});
      now = new Date(now.getTime() + 4 * 86_400_000);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await fixture.stripe.checkout.sessions.retrieve(open.id)).status).toBe("expired");
      expect(
        fixture.sandbox.sessions().find((session) => session.id === konbini.id)?.konbini?.state,
      ).toBe("expired");
      const events = await fixture.stripe.events.list({ type: "checkout.session.*" });
      expect(events.data.map((event) => event.type)).toEqual(
        expect.arrayContaining([
          "checkout.session.expired",
          "checkout.session.async_payment_failed",
        ]),
      );
    } finally {
      await fixture.sandbox.close();
      await receiver.close();
    }
  });

  it("expires a session when its page is opened past expires_at", async () => {
    let now = new Date("2026-11-25T03:00:00Z");
    const fixture = await startSandbox({ now: () => now, expirySweepMs: 0 });
    try {
      const session = await fixture.stripe.checkout.sessions.create(
        sessionParams({ expires_at: Math.floor(now.getTime() / 1000) + 1800 }),
      );
      now = new Date(now.getTime() + 1801 * 1000);
      expect(await (await getPage(`${fixture.origin}/c/pay/${session.id}`)).text()).toContain(
        "Checkout expired",
      );
      expect((await fixture.stripe.checkout.sessions.retrieve(session.id)).status).toBe("expired");
    } finally {
      await fixture.sandbox.close();
    }
  });
});

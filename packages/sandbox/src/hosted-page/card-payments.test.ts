import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { TEST_CARDS } from "../cards/test-cards";
import { getPage, locationOf, postForm, submitCard } from "../test/hosted-page-client";
import { type SandboxFixture, sessionParams, startSandbox } from "../test/start-sandbox";
import { startWebhookReceiver, typesOf, type WebhookReceiver } from "../test/webhook-receiver";

describe("card payments on the hosted page", () => {
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

  const createSession = () => fixture.stripe.checkout.sessions.create(sessionParams());

  it("approves the success card: 303 to success_url with the session id, then signed events", async () => {
    const session = await createSession();
    const response = await submitCard(fixture.origin, session.id, {
      number: "4242 4242 4242 4242",
    });
    expect(response.status).toBe(303);
    expect(locationOf(response)).toBe(`http://127.0.0.1:9/return?session_id=${session.id}`);

    await fixture.sandbox.whenDeliveriesSettled();
    expect(typesOf(receiver.received)).toEqual([
      "payment_intent.created",
      "charge.succeeded",
      "payment_intent.succeeded",
      "checkout.session.completed",
    ]);
    const completed = receiver.received[3]?.event;
    expect(completed).toMatchObject({
      object: "event",
      api_version: "2026-10-28.endive",
      livemode: false,
      request: { id: null, idempotency_key: null },
      data: {
        object: {
          id: session.id,
          status: "complete",
          payment_status: "paid",
          amount_total: 17_600,
        },
      },
    });
    expect(completed?.id).toMatch(/^evt_/);
    expect(receiver.received.every((delivery) => delivery.rawBody.includes('\n  "id"'))).toBe(true);
  });

  it.each([
    [TEST_CARDS.genericDecline, "generic_decline", "Your card was declined."],
    [TEST_CARDS.insufficientFunds, "insufficient_funds", "Your card has insufficient funds."],
  ])("declines %s on the page and keeps the session open", async (number, declineCode, text) => {
    const session = await createSession();
    const response = await submitCard(fixture.origin, session.id, { number });
    expect(response.status).toBe(303);
    expect(locationOf(response)).toBe(`/c/pay/${session.id}`);
    expect(await (await getPage(`${fixture.origin}/c/pay/${session.id}`)).text()).toContain(text);

    const current = await fixture.stripe.checkout.sessions.retrieve(session.id, {
      expand: ["payment_intent.latest_charge"],
    });
    expect(current.status).toBe("open");
    const intent = current.payment_intent;
    if (intent === null || typeof intent === "string")
      throw new Error("payment_intent not expanded");
    expect(intent.status).toBe("requires_payment_method");
    expect(intent.last_payment_error).toMatchObject({
      code: "card_declined",
      decline_code: declineCode,
    });
    await fixture.sandbox.whenDeliveriesSettled();
    expect(typesOf(receiver.received)).toEqual([
      "payment_intent.created",
      "charge.failed",
      "payment_intent.payment_failed",
    ]);

    const retry = await submitCard(fixture.origin, session.id);
    expect(retry.status).toBe(303);
  });

  it("runs 3-D Secure: passing completes the payment", async () => {
    const session = await createSession();
    const challenge = await submitCard(fixture.origin, session.id, {
      number: TEST_CARDS.threeDSecure,
    });
    expect(challenge.status).toBe(303);
    const challengePath = locationOf(challenge);
    expect(challengePath).toMatch(new RegExp(`^/c/pay/${session.id}/3ds/`));

    const page = await getPage(`${fixture.origin}${challengePath}`);
    const html = await page.text();
    expect(html).toContain("Complete authentication");
    expect(html).toContain("Fail authentication");
    const waiting = await fixture.stripe.checkout.sessions.retrieve(session.id, {
      expand: ["payment_intent"],
    });
    expect(waiting.payment_intent).toMatchObject({
      status: "requires_action",
      next_action: { type: "redirect_to_url" },
    });

    const passed = await postForm(`${fixture.origin}${challengePath}`, { outcome: "pass" });
    expect(passed.status).toBe(303);
    expect(locationOf(passed)).toBe(`http://127.0.0.1:9/return?session_id=${session.id}`);
    expect((await fixture.stripe.checkout.sessions.retrieve(session.id)).payment_status).toBe(
      "paid",
    );
  });

  it("runs 3-D Secure: failing returns to the form with an error", async () => {
    const session = await createSession();
    const challengePath = locationOf(
      await submitCard(fixture.origin, session.id, { number: TEST_CARDS.threeDSecure }),
    );
    const failed = await postForm(`${fixture.origin}${challengePath}`, { outcome: "fail" });
    expect(failed.status).toBe(303);
    expect(locationOf(failed)).toBe(`/c/pay/${session.id}`);
    const form = await getPage(`${fixture.origin}${locationOf(failed)}`);
    expect(await form.text()).toContain("3-D Secure authentication failed");

    const current = await fixture.stripe.checkout.sessions.retrieve(session.id, {
      expand: ["payment_intent"],
    });
    expect(current.status).toBe("open");
    expect(current.payment_intent).toMatchObject({
      status: "requires_payment_method",
      last_payment_error: { code: "payment_intent_authentication_failure" },
    });
    const replay = await postForm(`${fixture.origin}${challengePath}`, { outcome: "pass" });
    expect(locationOf(replay)).toBe(`/c/pay/${session.id}`);
  });

  it("approves any other Luhn-valid number and refuses invalid input", async () => {
    const session = await createSession();
    const pageAfter = async (card: Parameters<typeof submitCard>[2]) => {
      const refused = await submitCard(fixture.origin, session.id, card);
      expect(locationOf(refused)).toBe(`/c/pay/${session.id}`);
      return (await getPage(`${fixture.origin}/c/pay/${session.id}`)).text();
    };
    const page = await pageAfter({ number: "4242 4242 4242 4241" });
    expect(page).toContain("Your card number is invalid.");
    expect(page).not.toContain("4242424242424241");

    expect(await pageAfter({ exp: "01 / 20" })).toContain("Your card has expired.");
    expect(await pageAfter({ cvc: "1" })).toContain("Your card&#39;s security code is invalid.");

    const jcb = await submitCard(fixture.origin, session.id, { number: "3530 1113 3330 0000" });
    expect(jcb.status).toBe(303);
    const paid = await fixture.stripe.checkout.sessions.retrieve(session.id, {
      expand: ["payment_intent.latest_charge"],
    });
    const intent = paid.payment_intent;
    if (intent === null || typeof intent === "string")
      throw new Error("payment_intent not expanded");
    expect(intent.latest_charge).toMatchObject({
      payment_method_details: { card: { brand: "jcb", last4: "0000" } },
    });
  });

  it("shows a clear page instead of the form once the session is complete or expired", async () => {
    const paid = await createSession();
    await submitCard(fixture.origin, paid.id);
    const done = await getPage(`${fixture.origin}/c/pay/${paid.id}`);
    const doneHtml = await done.text();
    expect(doneHtml).toContain("Payment complete");
    expect(doneHtml).not.toContain('name="number"');
    expect(locationOf(await submitCard(fixture.origin, paid.id))).toBe(`/c/pay/${paid.id}`);

    const expired = await createSession();
    await fixture.stripe.checkout.sessions.expire(expired.id);
    expect(await (await getPage(`${fixture.origin}/c/pay/${expired.id}`)).text()).toContain(
      "Checkout expired",
    );
    expect((await getPage(`${fixture.origin}/c/pay/cs_test_nope`)).status).toBe(404);
  });
});

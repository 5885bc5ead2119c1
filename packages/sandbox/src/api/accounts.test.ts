/**
 * @module
 * Tests for accounts: objects belong to the account whose key created them (`sk_test_X` and
 * `rk_test_X` are one account), another account's ids answer Stripe's 404 `resource_missing`,
 * and restricted keys only read.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import Stripe from "stripe";
import { submitCard } from "../test/hosted-page-client";
import {
  type SandboxFixture,
  sessionParams,
  startSandbox,
  stripeClient,
  TEST_KEY,
} from "../test/start-sandbox";
import { startWebhookReceiver, type WebhookReceiver } from "../test/webhook-receiver";

const OWN_RESTRICTED = TEST_KEY.replace(/^sk_/, "rk_");
const OTHER_KEY = "sk_test_another_merchant_9876";

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe("accounts", () => {
  let fixture: SandboxFixture;
  let receiver: WebhookReceiver;
  let other: Stripe;
  let restricted: Stripe;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    fixture = await startSandbox({
      webhooks: [
        {
          url: receiver.url,
          secret: receiver.secret,
          enabledEvents: ["checkout.session.completed"],
        },
      ],
    });
    other = stripeClient(fixture.port, OTHER_KEY);
    restricted = stripeClient(fixture.port, OWN_RESTRICTED);
  });
  afterAll(async () => {
    await fixture.sandbox.close();
    await receiver.close();
  });

  async function paidSession(): Promise<Stripe.Checkout.Session> {
    const session = await fixture.stripe.checkout.sessions.create(sessionParams());
    await submitCard(fixture.origin, session.id);
    return fixture.stripe.checkout.sessions.retrieve(session.id);
  }

  it("answers another account's session with Stripe's 404, as for an unknown id", async () => {
    const session = await fixture.stripe.checkout.sessions.create(sessionParams());
    const response = await fetch(`${fixture.origin}/v1/checkout/sessions/${session.id}`, {
      headers: { Authorization: `Bearer ${OTHER_KEY}` },
    });
    expect(response.status).toBe(404);
    const body: unknown = await response.json();
    const unknown = await fetch(`${fixture.origin}/v1/checkout/sessions/cs_test_unknown`, {
      headers: { Authorization: `Bearer ${OTHER_KEY}` },
    });
    const unknownBody: unknown = await unknown.json();
    expect(body).toEqual({
      error: {
        type: "invalid_request_error",
        code: "resource_missing",
        doc_url: "https://stripe.com/docs/error-codes/resource_missing",
        message: `No such checkout.session: '${session.id}'`,
        param: "session",
      },
    });
    expect(JSON.stringify(unknownBody)).toBe(
      JSON.stringify(body).replace(session.id, "cs_test_unknown"),
    );
    const error = await failureOf(other.checkout.sessions.retrieve(session.id));
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 404, code: "resource_missing" });
  });

  it("keeps another account from expiring, listing or reading the line items of a session", async () => {
    const session = await fixture.stripe.checkout.sessions.create(sessionParams());
    for (const call of [
      other.checkout.sessions.expire(session.id),
      other.checkout.sessions.listLineItems(session.id),
    ]) {
      expect(await failureOf(call)).toMatchObject({ statusCode: 404, code: "resource_missing" });
    }
    const listed = await other.checkout.sessions.list({ limit: 100 });
    expect(listed.data.map((item) => item.id)).not.toContain(session.id);
    const own = await fixture.stripe.checkout.sessions.retrieve(session.id);
    expect(own.status).toBe("open");
  });

  it("hides a paid session's PaymentIntent, charge, refunds and events from another account", async () => {
    const paid = await paidSession();
    const intentId = String(paid.payment_intent);
    const intent = await fixture.stripe.paymentIntents.retrieve(intentId);
    const refund = await fixture.stripe.refunds.create({ payment_intent: intentId, amount: 100 });
    for (const call of [
      other.paymentIntents.retrieve(intentId),
      other.charges.retrieve(String(intent.latest_charge)),
      other.refunds.retrieve(refund.id),
      other.refunds.create({ payment_intent: intentId }),
      other.refunds.create({ charge: String(intent.latest_charge) }),
    ]) {
      expect(await failureOf(call)).toMatchObject({ statusCode: 404, code: "resource_missing" });
    }
    const events = await fixture.stripe.events.list({ limit: 100 });
    const ours = events.data.find((event) => event.type === "checkout.session.completed");
    expect(ours).toBeDefined();
    const theirs = await other.events.list({ limit: 100 });
    expect(theirs.data.map((event) => event.id)).not.toContain(ours?.id);
    expect(await failureOf(other.events.retrieve(ours?.id ?? ""))).toMatchObject({
      statusCode: 404,
    });
    // Webhooks still go to the configured endpoint, whoever's session it is.
    const [delivered] = await receiver.waitFor(1);
    expect(delivered?.event?.id).toBe(ours?.id);
  });

  it("lets the account's restricted key read its sessions and their payments", async () => {
    const paid = await paidSession();
    const read = await restricted.checkout.sessions.retrieve(paid.id, {
      expand: ["payment_intent"],
    });
    expect(read).toMatchObject({ id: paid.id, payment_status: "paid" });
    const listed = await restricted.checkout.sessions.list({ limit: 100 });
    expect(listed.data.map((item) => item.id)).toContain(paid.id);
    expect((await restricted.paymentIntents.retrieve(String(paid.payment_intent))).status).toBe(
      "succeeded",
    );
    const otherRestricted = stripeClient(fixture.port, OTHER_KEY.replace(/^sk_/, "rk_"));
    expect(await failureOf(otherRestricted.checkout.sessions.retrieve(paid.id))).toMatchObject({
      statusCode: 404,
    });
  });

  it("refuses writes other than expiring a session with a restricted key: Stripe's 403, without the whole key", async () => {
    const session = await fixture.stripe.checkout.sessions.create(sessionParams());
    for (const call of [
      restricted.checkout.sessions.create(sessionParams()),
      restricted.refunds.create({ payment_intent: "pi_anything" }),
    ]) {
      const error = await failureOf(call);
      expect(error).toBeInstanceOf(Stripe.errors.StripePermissionError);
      expect(error).toMatchObject({ statusCode: 403, rawType: "invalid_request_error" });
      const message = String(Reflect.get(Object(error), "message"));
      expect(message).toContain("does not have the required permissions for this endpoint");
      expect(message).toContain(`'rk_test_****${OWN_RESTRICTED.slice(-4)}'`);
      expect(message).not.toContain(OWN_RESTRICTED);
      expect(message).not.toContain(TEST_KEY.slice(8));
    }
    expect((await fixture.stripe.checkout.sessions.retrieve(session.id)).status).toBe("open");
  });

  it("lets a restricted key expire its own account's session (the patrol ends the sessions it made)", async () => {
    const session = await fixture.stripe.checkout.sessions.create(sessionParams());
    expect((await restricted.checkout.sessions.expire(session.id)).status).toBe("expired");
    const foreign = await fixture.stripe.checkout.sessions.create(sessionParams());
    const otherRestricted = stripeClient(fixture.port, OTHER_KEY.replace(/^sk_/, "rk_"));
    expect(await failureOf(otherRestricted.checkout.sessions.expire(foreign.id))).toMatchObject({
      statusCode: 404,
    });
    expect((await fixture.stripe.checkout.sessions.retrieve(foreign.id)).status).toBe("open");
  });

  it("leaves the operator endpoints to secret keys", async () => {
    const response = await fetch(`${fixture.origin}/_sandbox/sessions`, {
      headers: { Authorization: `Bearer ${OWN_RESTRICTED}` },
    });
    expect(response.status).toBe(401);
  });
});

describe("accounts with a fixed apiKey", () => {
  let locked: SandboxFixture;
  beforeAll(async () => {
    locked = await startSandbox({ apiKey: "sk_test_the_only_key" });
  });
  afterAll(async () => {
    await locked.sandbox.close();
  });

  it("accepts that key and its restricted twin only", async () => {
    const session = await stripeClient(
      locked.port,
      "sk_test_the_only_key",
    ).checkout.sessions.create(sessionParams());
    const twin = stripeClient(locked.port, "rk_test_the_only_key");
    expect((await twin.checkout.sessions.retrieve(session.id)).id).toBe(session.id);
    for (const key of ["rk_test_someone_else", "sk_test_someone_else"]) {
      const error = await failureOf(stripeClient(locked.port, key).checkout.sessions.list());
      expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    }
  });
});

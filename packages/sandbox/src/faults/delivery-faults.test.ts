import { afterEach, describe, expect, it } from "@jest/globals";
import type { SandboxOptions } from "../options/sandbox-options";
import { postForm, submitCard } from "../test/hosted-page-client";
import { type SandboxFixture, sessionParams, startSandbox, TEST_KEY } from "../test/start-sandbox";
import { startWebhookReceiver, typesOf, type WebhookReceiver } from "../test/webhook-receiver";

describe("webhook faults, observed from the receiving side", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  async function setup(
    options: SandboxOptions = {},
    enabledEvents?: string[],
  ): Promise<{ fixture: SandboxFixture; receiver: WebhookReceiver }> {
    const receiver = await startWebhookReceiver();
    const fixture = await startSandbox({
      webhooks: [{ url: receiver.url, secret: receiver.secret, enabledEvents }],
      delivery: { baseDelayMs: 10, maxAttempts: 2 },
      ...options,
    });
    cleanups.push(
      () => fixture.sandbox.close(),
      () => receiver.close(),
    );
    return { fixture, receiver };
  }

  async function paidSession(fixture: SandboxFixture): Promise<string> {
    const session = await fixture.stripe.checkout.sessions.create(sessionParams());
    await submitCard(fixture.origin, session.id);
    await fixture.sandbox.whenDeliveriesSettled();
    return session.id;
  }

  it("duplicate: delivers every event N times", async () => {
    const { fixture, receiver } = await setup({ faults: { duplicate: 3 } }, [
      "checkout.session.completed",
    ]);
    await paidSession(fixture);
    const ids = receiver.received.map((delivery) => delivery.event?.id);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(1);
    expect(
      fixture.sandbox.deliveries().map((delivery) => [delivery.copy, delivery.copies]),
    ).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it("reorder: a held event arrives after the session's next one (async failure before completed)", async () => {
    const { fixture, receiver } = await setup({ faults: { reorder: true } }, [
      "checkout.session.*",
    ]);
    const session = await fixture.stripe.checkout.sessions.create(
      sessionParams({ allowed_payment_method_types: ["konbini"] }),
    );
    await postForm(`${fixture.origin}/c/pay/${session.id}/konbini`, {});
    expect(fixture.sandbox.deliveries().map((delivery) => delivery.status)).toEqual(["held"]);
    fixture.sandbox.markKonbiniExpired(session.id);
    await fixture.sandbox.whenDeliveriesSettled();
    expect(typesOf(receiver.received)).toEqual([
      "checkout.session.async_payment_failed",
      "checkout.session.completed",
    ]);
  });

  it("drop: nothing arrives, yet the event is in /v1/events for reconciliation", async () => {
    const { fixture, receiver } = await setup({ faults: { drop: true } });
    const sessionId = await paidSession(fixture);
    expect(receiver.received).toEqual([]);
    expect(fixture.sandbox.deliveries().every((delivery) => delivery.status === "dropped")).toBe(
      true,
    );
    const events = await fixture.stripe.events.list({ type: "checkout.session.completed" });
    expect(events.data.map((event) => event.data.object)).toEqual([
      expect.objectContaining({ id: sessionId, payment_status: "paid" }),
    ]);
    expect(events.data[0]?.pending_webhooks).toBe(1);
  });

  it("badSignature: constructEvent refuses the delivery and the sandbox retries", async () => {
    const { fixture, receiver } = await setup({ faults: { badSignature: true } }, [
      "checkout.session.completed",
    ]);
    await paidSession(fixture);
    expect(receiver.received).toHaveLength(2);
    for (const delivery of receiver.received) {
      expect(delivery.event).toBeUndefined();
      expect(delivery.error).toMatch(/No signatures found matching the expected signature/);
    }
    expect(fixture.sandbox.deliveries()[0]).toMatchObject({
      status: "failed",
      faults: ["badSignature"],
      attempts: [
        { signature: "invalid", statusCode: 400 },
        { signature: "invalid", statusCode: 400 },
      ],
    });
  });

  it("delayMs: the event arrives late while the shopper is redirected at once", async () => {
    const { fixture, receiver } = await setup({ faults: { delayMs: 300 } }, [
      "checkout.session.completed",
    ]);
    const session = await fixture.stripe.checkout.sessions.create(sessionParams());
    const started = Date.now();
    expect((await submitCard(fixture.origin, session.id)).status).toBe(303);
    expect(Date.now() - started).toBeLessThan(250);
    await receiver.waitFor(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("per-session faults affect only that session", async () => {
    const { fixture, receiver } = await setup({}, ["checkout.session.completed"]);
    const noisy = await fixture.stripe.checkout.sessions.create(sessionParams());
    const quiet = await fixture.stripe.checkout.sessions.create(sessionParams());
    const response = await fetch(`${fixture.origin}/_sandbox/sessions/${noisy.id}/faults`, {
      method: "POST",
      headers: { Authorization: `Bearer ${TEST_KEY}`, "Content-Type": "application/json" },
      body: JSON.stringify({ duplicate: 2 }),
    });
    expect(await response.json()).toMatchObject({ id: noisy.id, faults: { duplicate: 2 } });
    await submitCard(fixture.origin, noisy.id);
    await submitCard(fixture.origin, quiet.id);
    await fixture.sandbox.whenDeliveriesSettled();
    const sessions = receiver.received.map((delivery) => {
      const object = delivery.event?.data.object;
      return object !== undefined && "id" in object ? object.id : undefined;
    });
    expect(sessions).toEqual([noisy.id, noisy.id, quiet.id]);
  });

  it("eventTypes limits faults to some events; {} clears them", async () => {
    const { fixture, receiver } = await setup({
      faults: { drop: true, eventTypes: ["payment_intent.*"] },
    });
    await paidSession(fixture);
    expect(typesOf(receiver.received)).toEqual(["charge.succeeded", "checkout.session.completed"]);
    fixture.sandbox.setFaults({});
    receiver.received.length = 0;
    await paidSession(fixture);
    expect(typesOf(receiver.received)).toHaveLength(4);
  });

  it("probabilistic faults repeat exactly with the same seed", async () => {
    async function dropPattern(seed: number): Promise<string[]> {
      const { fixture } = await setup({ seed, faults: { drop: { probability: 0.5 } } }, [
        "checkout.session.expired",
      ]);
      for (let index = 0; index < 12; index++) {
        const session = await fixture.stripe.checkout.sessions.create(sessionParams());
        await fixture.stripe.checkout.sessions.expire(session.id);
      }
      await fixture.sandbox.whenDeliveriesSettled();
      return fixture.sandbox.deliveries().map((delivery) => delivery.status);
    }
    const first = await dropPattern(7);
    expect(await dropPattern(7)).toEqual(first);
    expect(first).toContain("dropped");
    expect(first).toContain("succeeded");
  });
});

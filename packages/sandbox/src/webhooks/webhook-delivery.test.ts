import { createHmac } from "node:crypto";
import { once } from "node:events";
import { createServer } from "node:http";
import { describe, expect, it } from "@jest/globals";
import * as z from "zod";
import { submitCard } from "../test/hosted-page-client";
import { sessionParams, startSandbox, TEST_KEY } from "../test/start-sandbox";
import { startWebhookReceiver, typesOf } from "../test/webhook-receiver";

const deliveryList = z.object({
  data: z.array(z.looseObject({ id: z.string(), eventId: z.string() })),
});

const gap = (a: string | undefined, b: string | undefined) =>
  Date.parse(b ?? "") - Date.parse(a ?? "");

describe("webhook delivery", () => {
  it("signs exactly as Stripe: t=…,v1=hex HMAC-SHA256 keyed with the whole whsec_ string", async () => {
    const receiver = await startWebhookReceiver();
    const fixture = await startSandbox({
      webhooks: [{ url: receiver.url, secret: receiver.secret }],
    });
    try {
      const session = await fixture.stripe.checkout.sessions.create(sessionParams());
      await fixture.stripe.checkout.sessions.expire(session.id);
      const [delivery] = await receiver.waitFor(1);
      const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(delivery?.signature ?? "");
      expect(match).not.toBeNull();
      const expected = createHmac("sha256", receiver.secret)
        .update(`${match?.[1]}.${delivery?.rawBody}`)
        .digest("hex");
      expect(match?.[2]).toBe(expected);
      expect(delivery?.error).toBeUndefined();
      expect(delivery?.event?.type).toBe("checkout.session.expired");
    } finally {
      await fixture.sandbox.close();
      await receiver.close();
    }
  });

  it("ties events caused by an API call to its request id and idempotency key", async () => {
    const receiver = await startWebhookReceiver();
    const fixture = await startSandbox({
      webhooks: [{ url: receiver.url, secret: receiver.secret }],
    });
    try {
      const session = await fixture.stripe.checkout.sessions.create(sessionParams());
      const expired = await fixture.stripe.checkout.sessions.expire(
        session.id,
        {},
        { idempotencyKey: "expire-1" },
      );
      const [delivery] = await receiver.waitFor(1);
      expect(delivery?.event?.request).toEqual({
        id: expired.lastResponse.requestId,
        idempotency_key: "expire-1",
      });
    } finally {
      await fixture.sandbox.close();
      await receiver.close();
    }
  });

  it("retries with exponential backoff until the endpoint answers 2xx", async () => {
    const receiver = await startWebhookReceiver({ respond: (n) => (n <= 2 ? 500 : 200) });
    const fixture = await startSandbox({
      webhooks: [{ url: receiver.url, secret: receiver.secret }],
      delivery: { baseDelayMs: 60, maxDelayMs: 1_000, maxAttempts: 5 },
    });
    try {
      const session = await fixture.stripe.checkout.sessions.create(sessionParams());
      await fixture.stripe.checkout.sessions.expire(session.id);
      await fixture.sandbox.whenDeliveriesSettled();
      expect(receiver.received.map((delivery) => delivery.status)).toEqual([500, 500, 200]);
      const [record] = fixture.sandbox.deliveries();
      expect(record?.status).toBe("succeeded");
      expect(record?.attempts.map((attempt) => attempt.statusCode)).toEqual([500, 500, 200]);
      const [first, second, third] = record?.attempts ?? [];
      expect(gap(first?.startedAt, second?.startedAt)).toBeGreaterThanOrEqual(55);
      expect(gap(second?.startedAt, third?.startedAt)).toBeGreaterThanOrEqual(115);
    } finally {
      await fixture.sandbox.close();
      await receiver.close();
    }
  });

  it("gives up after maxAttempts on connection errors and timeouts", async () => {
    const hanging = createServer(() => undefined);
    hanging.listen(0, "127.0.0.1");
    await once(hanging, "listening");
    const address = hanging.address();
    if (address === null || typeof address === "string") throw new Error("no address");
    const closed = await startWebhookReceiver();
    await closed.close();
    const fixture = await startSandbox({
      webhooks: [
        { url: closed.url, secret: closed.secret },
        { url: `http://127.0.0.1:${address.port}/hook`, secret: closed.secret },
      ],
      delivery: { baseDelayMs: 10, maxAttempts: 3, timeoutMs: 100 },
    });
    try {
      const session = await fixture.stripe.checkout.sessions.create(sessionParams());
      await fixture.stripe.checkout.sessions.expire(session.id);
      await fixture.sandbox.whenDeliveriesSettled();
      const [refused, timedOut] = fixture.sandbox.deliveries();
      expect(refused?.status).toBe("failed");
      expect(refused?.attempts).toHaveLength(3);
      expect(refused?.attempts[0]).toMatchObject({
        statusCode: null,
        error: expect.stringContaining("ECONNREFUSED"),
      });
      expect(timedOut?.status).toBe("failed");
      expect(timedOut?.attempts[0]?.error).toContain("no response within 100 ms");
    } finally {
      await fixture.sandbox.close();
      hanging.closeAllConnections();
      hanging.close();
    }
  });

  it("never holds up the API or the shopper while an endpoint hangs", async () => {
    const hanging = createServer(() => undefined);
    hanging.listen(0, "127.0.0.1");
    await once(hanging, "listening");
    const address = hanging.address();
    if (address === null || typeof address === "string") throw new Error("no address");
    const fixture = await startSandbox({
      webhooks: [
        { url: `http://127.0.0.1:${address.port}/hook`, secret: "whsec_hanging_endpoint" },
      ],
      delivery: { timeoutMs: 5_000 },
    });
    try {
      const session = await fixture.stripe.checkout.sessions.create(sessionParams());
      const started = Date.now();
      expect((await submitCard(fixture.origin, session.id)).status).toBe(303);
      await fixture.stripe.checkout.sessions.retrieve(session.id);
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(fixture.sandbox.deliveries().some((delivery) => delivery.status === "sending")).toBe(
        true,
      );
    } finally {
      await fixture.sandbox.close();
      hanging.closeAllConnections();
      hanging.close();
    }
  });

  it("logs deliveries at /_sandbox/deliveries and resends one on request", async () => {
    const receiver = await startWebhookReceiver();
    const fixture = await startSandbox({
      webhooks: [{ url: receiver.url, secret: receiver.secret }],
    });
    const headers = { Authorization: `Bearer ${TEST_KEY}` };
    try {
      const session = await fixture.stripe.checkout.sessions.create(sessionParams());
      await fixture.stripe.checkout.sessions.expire(session.id);
      await fixture.sandbox.whenDeliveriesSettled();
      const log = await fetch(`${fixture.origin}/_sandbox/deliveries?session_id=${session.id}`, {
        headers,
      });
      const { data } = deliveryList.parse(await log.json());
      expect(data).toHaveLength(1);
      expect(data[0]).toMatchObject({
        status: "succeeded",
        endpoint: receiver.url,
        sessionId: session.id,
      });

      const resent = await fetch(`${fixture.origin}/_sandbox/deliveries/${data[0]?.id}/resend`, {
        method: "POST",
        headers,
      });
      expect(resent.status).toBe(202);
      expect(await resent.json()).toMatchObject({
        resendOf: data[0]?.id,
        eventId: data[0]?.eventId,
      });
      await fixture.sandbox.whenDeliveriesSettled();
      expect(receiver.received.map((delivery) => delivery.event?.id)).toEqual([
        data[0]?.eventId,
        data[0]?.eventId,
      ]);
      expect(
        (
          await fetch(`${fixture.origin}/_sandbox/deliveries/dlv_nope/resend`, {
            method: "POST",
            headers,
          })
        ).status,
      ).toBe(404);
    } finally {
      await fixture.sandbox.close();
      await receiver.close();
    }
  });

  it("sends each endpoint only the event types it enabled, and counts pending webhooks", async () => {
    const all = await startWebhookReceiver();
    const sessionsOnly = await startWebhookReceiver({ respond: () => 500 });
    const fixture = await startSandbox({
      webhooks: [
        { url: all.url, secret: all.secret },
        {
          url: sessionsOnly.url,
          secret: sessionsOnly.secret,
          enabledEvents: ["checkout.session.*"],
        },
      ],
      delivery: { maxAttempts: 1 },
    });
    try {
      const session = await fixture.stripe.checkout.sessions.create(sessionParams());
      await submitCard(fixture.origin, session.id);
      await fixture.sandbox.whenDeliveriesSettled();
      expect(typesOf(all.received)).toHaveLength(4);
      expect(sessionsOnly.received.map((delivery) => delivery.event?.type)).toEqual([
        "checkout.session.completed",
      ]);
      const events = await fixture.stripe.events.list();
      const completed = events.data.find((event) => event.type === "checkout.session.completed");
      const charge = events.data.find((event) => event.type === "charge.succeeded");
      expect(completed?.pending_webhooks).toBe(1);
      expect(charge?.pending_webhooks).toBe(0);
    } finally {
      await fixture.sandbox.close();
      await all.close();
      await sessionsOnly.close();
    }
  });
});

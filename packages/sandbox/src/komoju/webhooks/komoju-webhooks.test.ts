import { createHmac } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import { TEST_CARDS } from "../../cards/test-cards";
import { postForm } from "../../test/hosted-page-client";
import {
  createKomojuSession,
  type KomojuFixture,
  startKomojuSandbox,
  submitKomojuCard,
} from "../../test/komoju-client";
import {
  type KomojuWebhookReceiver,
  komojuTypesOf,
  startKomojuReceiver,
} from "../../test/komoju-webhook-receiver";
import type { KomojuPaymentEvent } from "../objects/komoju-shapes";
import { komojuSignature } from "./komoju-webhook-signer";

async function withKomoju(
  run: (fixture: KomojuFixture, receiver: KomojuWebhookReceiver) => Promise<void>,
): Promise<void> {
  const receiver = await startKomojuReceiver();
  const fixture = await startKomojuSandbox({
    komoju: { webhooks: [{ url: receiver.url, secret: receiver.secret }] },
  });
  try {
    await receiver.waitFor(1);
    await fixture.sandbox.whenDeliveriesSettled();
    await run(fixture, receiver);
  } finally {
    await fixture.sandbox.close();
    await receiver.close();
  }
}

const paymentEvents = (receiver: KomojuWebhookReceiver) =>
  receiver.received.filter((delivery) => delivery.event.type !== "ping");

describe("KOMOJU webhooks", () => {
  it("signs with the lower-case hex HMAC-SHA256 of the raw body (known answer)", () => {
    expect(komojuSignature('{"id":"evt","type":"ping"}', "secret-token-123")).toBe(
      createHmac("sha256", "secret-token-123").update('{"id":"evt","type":"ping"}').digest("hex"),
    );
    expect(komojuSignature("", "key")).toBe(
      "5d5d139563c95b5967b9bd9a8c9b233a9dedb45072794cd232dc1b74832607d0",
    );
  });

  it("pings every endpoint on start, then sends payment events with KOMOJU's headers", async () => {
    await withKomoju(async (fixture, receiver) => {
      const [ping] = receiver.received;
      expect(ping?.verified).toBe(true);
      expect(ping?.event).toMatchObject({ type: "ping", resource: "event", data: {} });
      expect(ping?.headers).toMatchObject({
        "content-type": "application/json",
        "user-agent": "Komoju-Webhook",
        "x-komoju-event": "ping",
      });
      const [pingDelivery] = fixture.sandbox.komoju.deliveries();
      expect(ping?.headers["x-komoju-id"]).toBe(pingDelivery?.id);
      expect(pingDelivery).toMatchObject({ eventType: "ping", sessionId: "", status: "succeeded" });

      const session = await createKomojuSession(fixture);
      await submitKomojuCard(fixture.base, session.id);
      await fixture.sandbox.whenDeliveriesSettled();
      const [captured] = paymentEvents(receiver);
      expect(captured?.verified).toBe(true);
      expect(captured?.headers["x-komoju-event"]).toBe("payment.captured");
      expect(captured?.headers["x-komoju-signature"]).toMatch(/^[0-9a-f]{64}$/);
      const event = captured?.event;
      if (event === undefined || event.type === "ping") throw new Error("expected a payment event");
      expect(event).toMatchObject({
        type: "payment.captured",
        resource: "event",
        reason: null,
        data: { resource: "payment", session: session.id, status: "captured" },
      });
      const fetched = await fixture.api<KomojuPaymentEvent>(`/events/${event.id}`);
      expect(fetched.json).toEqual(event);

      fixture.sandbox.komoju.sendPing();
      await fixture.sandbox.whenDeliveriesSettled();
      expect(komojuTypesOf(receiver.received)).toEqual(["ping", "payment.captured", "ping"]);
      expect(fixture.sandbox.komoju.deliveries({ sessionId: session.id })).toHaveLength(1);
    });
  });

  it("duplicates and drops deliveries under the shared faults; dropped events stay listed", async () => {
    await withKomoju(async (fixture, receiver) => {
      fixture.sandbox.setFaults({ duplicate: 3 });
      const twice = await createKomojuSession(fixture);
      await submitKomojuCard(fixture.base, twice.id);
      await fixture.sandbox.whenDeliveriesSettled();
      const copies = paymentEvents(receiver);
      expect(copies).toHaveLength(3);
      expect(new Set(copies.map((delivery) => delivery.event.id)).size).toBe(1);

      fixture.sandbox.setFaults({ drop: true });
      const dropped = await createKomojuSession(fixture);
      await submitKomojuCard(fixture.base, dropped.id);
      await fixture.sandbox.whenDeliveriesSettled();
      expect(paymentEvents(receiver)).toHaveLength(3);
      const [record] = fixture.sandbox.komoju.deliveries({ sessionId: dropped.id });
      expect(record).toMatchObject({ status: "dropped", faults: ["drop"] });
      const listed = await fixture.api<{ data: KomojuPaymentEvent[] }>("/events");
      expect(listed.json.data.some((event) => event.id === record?.eventId)).toBe(true);

      fixture.sandbox.setFaults({});
      const resent = fixture.sandbox.resendDelivery(record?.id ?? "");
      expect(resent).toMatchObject({ resendOf: record?.id, eventId: record?.eventId });
      await fixture.sandbox.whenDeliveriesSettled();
      expect(paymentEvents(receiver).at(-1)?.event.id).toBe(record?.eventId);
    });
  });

  it("signs with a wrong secret under badSignature, which the endpoint rejects", async () => {
    await withKomoju(async (fixture, receiver) => {
      fixture.sandbox.setFaults({ badSignature: true });
      const session = await createKomojuSession(fixture);
      await submitKomojuCard(fixture.base, session.id);
      await fixture.sandbox.whenDeliveriesSettled();
      const forged = paymentEvents(receiver);
      expect(forged.length).toBeGreaterThan(0);
      expect(forged.every((delivery) => !delivery.verified && delivery.status === 400)).toBe(true);
      const [record] = fixture.sandbox.komoju.deliveries({ sessionId: session.id });
      expect(record?.attempts.every((attempt) => attempt.signature === "invalid")).toBe(true);
      expect(record?.status).toBe("failed");
    });
  });

  it("holds an event back under reorder until the session's next event went out", async () => {
    await withKomoju(async (fixture, receiver) => {
      fixture.sandbox.setFaults({ reorder: true });
      const session = await createKomojuSession(fixture);
      await submitKomojuCard(fixture.base, session.id, { number: TEST_CARDS.genericDecline });
      await submitKomojuCard(fixture.base, session.id);
      await fixture.sandbox.whenDeliveriesSettled();
      expect(komojuTypesOf(paymentEvents(receiver))).toEqual([
        "payment.captured",
        "payment.failed",
      ]);
    });
  });

  it("sends each endpoint only the types it enabled", async () => {
    const all = await startKomojuReceiver();
    const captures = await startKomojuReceiver("another-secret-token");
    const fixture = await startKomojuSandbox({
      komoju: {
        webhooks: [
          { url: all.url, secret: all.secret },
          { url: captures.url, secret: captures.secret, enabledEvents: ["payment.captured"] },
        ],
      },
    });
    try {
      const session = await createKomojuSession(fixture);
      await submitKomojuCard(fixture.base, session.id, { number: TEST_CARDS.genericDecline });
      await postForm(`${fixture.base}/sessions/${session.id}/card`, {
        number: TEST_CARDS.success,
        exp: "12/34",
        cvc: "123",
      });
      await fixture.sandbox.whenDeliveriesSettled();
      expect(komojuTypesOf(all.received)).toEqual(["ping", "payment.failed", "payment.captured"]);
      expect(komojuTypesOf(captures.received)).toEqual(["payment.captured"]);
      expect(captures.received.every((delivery) => delivery.verified)).toBe(true);
    } finally {
      await fixture.sandbox.close();
      await all.close();
      await captures.close();
    }
  });
});

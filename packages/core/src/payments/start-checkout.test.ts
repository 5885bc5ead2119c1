/**
 * @module
 * `startCheckout` with `newOrder`: the shop's writes of a new order share the transaction that
 * stores the order's first attempt, so the order and its attempt exist together or not at all.
 * Run on the memory store (the SQL stores run the same store contract, `createAttempt` with
 * writes alongside).
 */
import { describe, expect, it } from "@jest/globals";
import { isLinkpayError } from "../errors";
import { createMemoryStore, type MemoryStoreHandle } from "../store";
import { createFakeProvider } from "../testing";
import { rejectionOf } from "../testing/error-capture";
import { createPayments } from "./create-payments";
import type { NewOrderContext } from "./start-checkout";

const urls = {
  success: "https://rental.example/bookings/{ORDER_REF}/return",
  cancel: "https://rental.example/bookings/{ORDER_REF}?canceled=1",
};

function request(orderRef: string, total = 15_400) {
  return {
    orderRef,
    currency: "JPY",
    total,
    lineItems: [{ name: "Hybrid compact, 2 days", unitAmount: total, quantity: 1 }],
  };
}

function setup() {
  const fake = createFakeProvider();
  const store = createMemoryStore();
  const payments = createPayments({ providers: [fake], store, urls });
  return { fake, store, payments };
}

describe("startCheckout with a new order's writes", () => {
  it("runs them once, with the new attempt and the store's handle, before the provider is called", async () => {
    const { fake, store, payments } = setup();
    const seen: NewOrderContext<MemoryStoreHandle>[] = [];
    let callsWhenWritten = -1;
    const started = await payments.startCheckout({
      ...request("BK-NEW-1"),
      newOrder: (context) => {
        seen.push(context);
        callsWhenWritten = fake.createCalls;
      },
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.attempt).toMatchObject({ orderRef: "BK-NEW-1", sequence: 1, status: "open" });
    expect(seen[0]?.tx).toEqual({ kind: "memory" });
    expect(callsWhenWritten).toBe(0);
    expect(fake.createCalls).toBe(1);
    expect(started.reused).toBe(false);
    expect(started.attempt.id).toBe(seen[0]?.attempt.id);
    expect(started.attempt.providerSessionId).not.toBeNull();
    expect((await store.findLatestAttempt({ orderRef: "BK-NEW-1" }))?.id).toBe(started.attempt.id);
  });

  it("stores no attempt and calls no provider when they throw, and throws their error", async () => {
    const { fake, store, payments } = setup();
    const soldOut = new Error("no car of this class is free");
    const failure = await rejectionOf(
      payments.startCheckout({
        ...request("BK-NEW-2"),
        newOrder: () => {
          throw soldOut;
        },
      }),
    );
    expect(failure).toBe(soldOut);
    expect(fake.createCalls).toBe(0);
    expect(await store.findLatestAttempt({ orderRef: "BK-NEW-2" })).toBeNull();
    // Nothing half-stored: the order can be started afresh.
    const started = await payments.startCheckout({ ...request("BK-NEW-2"), newOrder: () => {} });
    expect(started.attempt.sequence).toBe(1);
  });

  it("refuses an order that already has an attempt (ATTEMPT_CONFLICT) and keeps none of its writes", async () => {
    const { fake, payments } = setup();
    const first = await payments.startCheckout(request("BK-OLD"));
    let written = 0;
    const failure = await rejectionOf(
      payments.startCheckout({
        ...request("BK-OLD"),
        newOrder: () => {
          written++;
        },
      }),
    );
    expect(isLinkpayError(failure, "ATTEMPT_CONFLICT")).toBe(true);
    expect(written).toBe(0);
    expect(fake.createCalls).toBe(1);
    expect((await payments.getStatus({ orderRef: "BK-OLD" }))?.id).toBe(first.attempt.id);
  });

  it("validates the request before anything is written", async () => {
    const { payments } = setup();
    let written = 0;
    const failure = await rejectionOf(
      payments.startCheckout({
        ...request("BK-BAD", -1),
        newOrder: () => {
          written++;
        },
      }),
    );
    expect(isLinkpayError(failure, "INVALID_CHECKOUT_REQUEST")).toBe(true);
    expect(written).toBe(0);
  });

  it("without them, reuses the order's open session as before", async () => {
    const { fake, payments } = setup();
    const first = await payments.startCheckout(request("BK-AGAIN"));
    const again = await payments.startCheckout(request("BK-AGAIN"));
    expect(again.reused).toBe(true);
    expect(again.attempt.id).toBe(first.attempt.id);
    expect(fake.createCalls).toBe(1);
  });
});

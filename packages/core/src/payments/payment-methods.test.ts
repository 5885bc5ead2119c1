import { describe, expect, it } from "@jest/globals";
import { isLinkpayError } from "../errors";
import { createMemoryStore } from "../store";
import { createFakeProvider } from "../testing";
import { rejectionOf } from "../testing/error-capture";
import { createPayments } from "./create-payments";

const urls = {
  success: "https://rental.example/bookings/{ORDER_REF}/return",
  cancel: "https://rental.example/bookings/{ORDER_REF}?canceled=1",
};

function request(orderRef: string) {
  return {
    orderRef,
    currency: "JPY",
    total: 15_400,
    lineItems: [{ name: "Hybrid compact, 2 days", unitAmount: 15_400, quantity: 1 }],
  };
}

function setup(paymentMethods?: readonly ("card" | "konbini")[]) {
  const fake = createFakeProvider({ paymentMethods });
  const store = createMemoryStore();
  const payments = createPayments({ providers: [fake], store, urls });
  const sessionInput = (providerSessionId: string | null) =>
    fake.sessions.get(providerSessionId ?? "")?.input;
  return { fake, store, payments, sessionInput };
}

describe("startCheckout: payment methods per checkout", () => {
  it("offers every method the provider is configured with when the request names none", async () => {
    const { payments, sessionInput } = setup(["card", "konbini"]);
    const { attempt } = await payments.startCheckout(request("RC-PM-DEFAULT"));
    expect(sessionInput(attempt.providerSessionId)).toMatchObject({
      paymentMethods: ["card", "konbini"],
    });
  });

  it("passes the methods and the konbini deadline the request names", async () => {
    const { payments, sessionInput } = setup(["card", "konbini"]);
    const card = await payments.startCheckout({
      ...request("RC-PM-CARD"),
      paymentMethods: ["card"],
    });
    expect(sessionInput(card.attempt.providerSessionId)?.paymentMethods).toEqual(["card"]);
    const konbini = await payments.startCheckout({
      ...request("RC-PM-KONBINI"),
      paymentMethods: ["konbini", "card"],
      konbini: { expiresAfterDays: 2 },
    });
    expect(sessionInput(konbini.attempt.providerSessionId)).toMatchObject({
      paymentMethods: ["konbini", "card"],
      konbini: { expiresAfterDays: 2 },
    });
  });

  it("refuses a method the provider is not configured for, naming the field, and stores nothing", async () => {
    const { fake, store, payments } = setup(["card"]);
    const error = await rejectionOf(
      payments.startCheckout({ ...request("RC-PM-REFUSED"), paymentMethods: ["konbini"] }),
    );
    expect(isLinkpayError(error, "INVALID_CHECKOUT_REQUEST")).toBe(true);
    expect(isLinkpayError(error) && error.details.issues).toEqual([
      { path: "paymentMethods", message: expect.stringContaining("'konbini'") },
    ]);
    expect(await store.findLatestAttempt({ orderRef: "RC-PM-REFUSED" })).toBeNull();
    expect(fake.createCalls).toBe(0);
  });

  it("accepts konbini options when the provider's default has no konbini (card is offered)", async () => {
    const { payments, sessionInput } = setup(["card"]);
    const { attempt } = await payments.startCheckout({
      ...request("RC-PM-NOKONBINI"),
      konbini: { expiresAfterDays: 3 },
    });
    expect(sessionInput(attempt.providerSessionId)?.paymentMethods).toEqual(["card"]);
  });
});

import { describe, expect, it } from "@jest/globals";
import { contractCheckoutInput } from "../contract-tests/provider-contract";
import { isLinkpayError } from "../errors";
import type { CheckoutReader } from "../provider";
import { rejectionOf } from "./error-capture";
import { createFakeProvider, FAKE_PROVIDER_SECRET } from "./fake-provider";
import { signStandardWebhook } from "./standard-webhooks";

describe("fake provider", () => {
  it("refuses an authentic delivery whose payload is not its event shape", async () => {
    const fake = createFakeProvider();
    for (const body of ["not json", JSON.stringify({ id: "evt_1", type: "payment.succeeded" })]) {
      const headers = signStandardWebhook({
        id: "msg_1",
        timestamp: new Date(),
        rawBody: body,
        secret: FAKE_PROVIDER_SECRET,
      });
      const error = await rejectionOf(fake.parseWebhook({ rawBody: body, headers }));
      expect(isLinkpayError(error, "WEBHOOK_PAYLOAD_INVALID") && error.status).toBe(400);
    }
  });

  it("answers PROVIDER_SESSION_NOT_FOUND for a session it never created", async () => {
    const fake = createFakeProvider();
    const error = await rejectionOf(fake.retrieveCheckout({ providerSessionId: "fs_nope" }));
    expect(isLinkpayError(error, "PROVIDER_SESSION_NOT_FOUND")).toBe(true);
    expect(isLinkpayError(error) && [error.kind, error.status]).toEqual(["not_found", 404]);
  });

  it("reads the session id from its own hosted URLs only, and reports the customer e-mail", async () => {
    const provider = createFakeProvider();
    const reader: CheckoutReader = provider;
    const input = contractCheckoutInput();
    const session = await provider.createCheckout(input, { idempotencyKey: "k" });
    expect(reader.checkoutSessionIdFromUrl(`${session.hostedUrl}?x=1#f`)).toBe(
      session.providerSessionId,
    );
    const { providerSessionId: id } = session;
    for (const url of [
      `https://pay.fake.test.evil.example/pay/${id}`,
      `http://pay.fake.test/pay/${id}`,
      `https://pay.fake.test:8443/pay/${id}`,
      `https://pay.fake.test/pay/${id}/extra`,
      `https://pay.fake.test/other/${id}`,
      "/pay/fs_relative",
      "not a url",
    ]) {
      expect(reader.checkoutSessionIdFromUrl(url)).toBeUndefined();
    }
    const view = await provider.retrieveCheckout({ providerSessionId: id });
    expect(view.customerEmail).toBe("shopper@example.com");
  });

  it("fails the next create calls when told to, then recovers", async () => {
    const fake = createFakeProvider();
    fake.failNextCreate(new Error("boom"), 2);
    const input = contractCheckoutInput();
    expect(await rejectionOf(fake.createCheckout(input, { idempotencyKey: "k" }))).toBeInstanceOf(
      Error,
    );
    expect(await rejectionOf(fake.createCheckout(input, { idempotencyKey: "k" }))).toBeInstanceOf(
      Error,
    );
    const session = await fake.createCheckout(input, { idempotencyKey: "k" });
    expect(session.hostedUrl).toMatch(/^https:\/\/pay\.fake\.test\/pay\//);
    expect(fake.createCalls).toBe(3);
  });
});

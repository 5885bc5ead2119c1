import { describe, expect, it } from "@jest/globals";
import { contractCheckoutInput } from "../contract-tests/provider-contract";
import { isLinkpayError } from "../errors";
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

  it("answers ATTEMPT_NOT_FOUND for a session it never created", async () => {
    const fake = createFakeProvider();
    const error = await rejectionOf(fake.retrieveCheckout({ providerSessionId: "fs_nope" }));
    expect(isLinkpayError(error, "ATTEMPT_NOT_FOUND")).toBe(true);
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

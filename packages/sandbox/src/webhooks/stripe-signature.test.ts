import { describe, expect, it } from "@jest/globals";
import Stripe from "stripe";
import { stripeSignatureHeader, wrongSecret } from "./stripe-signature";

const secret = "whsec_known_answer_secret_123";
const payload = JSON.stringify(
  { id: "evt_1", object: "event", type: "checkout.session.completed" },
  null,
  2,
);

describe("stripeSignatureHeader", () => {
  it("equals the SDK's own test header for the same input", () => {
    const timestamp = 1_764_000_000;
    expect(stripeSignatureHeader({ payload, secret, timestamp })).toBe(
      Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp }),
    );
  });

  it("is accepted by constructEvent, and refused for a tampered body or another secret", () => {
    const header = stripeSignatureHeader({
      payload,
      secret,
      timestamp: Math.floor(Date.now() / 1000),
    });
    expect(Stripe.webhooks.constructEvent(payload, header, secret).id).toBe("evt_1");
    expect(() =>
      Stripe.webhooks.constructEvent(payload.replace("evt_1", "evt_2"), header, secret),
    ).toThrow(Stripe.errors.StripeSignatureVerificationError);
    const forged = stripeSignatureHeader({
      payload,
      secret: wrongSecret(),
      timestamp: Math.floor(Date.now() / 1000),
    });
    expect(() => Stripe.webhooks.constructEvent(payload, forged, secret)).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
  });
});

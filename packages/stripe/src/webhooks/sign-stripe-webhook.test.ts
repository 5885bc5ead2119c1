/**
 * @module
 * Tests for the test signer: pinned to an independent HMAC, and round-tripped with the SDK.
 */
import { createHmac } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import { codeOf } from "@linkpay/core/testing";
import Stripe from "stripe";
import { signStripeWebhook } from "./sign-stripe-webhook";

const SECRET = "whsec_knownAnswerSecret0123456789";
const PAYLOAD = '{\n  "id": "evt_1",\n  "object": "event",\n  "type": "ping"\n}';
const T = 1_800_000_000;

describe("signStripeWebhook", () => {
  it("writes t and a hex HMAC-SHA256 of `t.payload` keyed with the whole whsec_ string", () => {
    const expected = createHmac("sha256", SECRET).update(`${T}.${PAYLOAD}`).digest("hex");
    expect(signStripeWebhook({ payload: PAYLOAD, secret: SECRET, timestamp: T })).toBe(
      `t=${T},v1=${expected}`,
    );
  });

  it("matches the SDK's generateTestHeaderString", () => {
    const sdk = Stripe.webhooks.generateTestHeaderString({
      payload: PAYLOAD,
      secret: SECRET,
      timestamp: T,
    });
    expect(signStripeWebhook({ payload: PAYLOAD, secret: SECRET, timestamp: T })).toBe(sdk);
  });

  it("is accepted by the SDK's constructEvent", () => {
    const header = signStripeWebhook({ payload: PAYLOAD, secret: SECRET });
    const event = Stripe.webhooks.constructEvent(PAYLOAD, header, SECRET);
    expect(event.id).toBe("evt_1");
  });

  it("signs bytes like their text and floors a Date to whole seconds", () => {
    const fromBytes = signStripeWebhook({
      payload: Buffer.from(PAYLOAD),
      secret: SECRET,
      timestamp: new Date(T * 1000 + 999),
    });
    expect(fromBytes).toBe(signStripeWebhook({ payload: PAYLOAD, secret: SECRET, timestamp: T }));
  });

  it("refuses a secret with stray whitespace and a fractional or invalid timestamp", () => {
    const sign = (input: Partial<Parameters<typeof signStripeWebhook>[0]>) => () =>
      signStripeWebhook({ payload: PAYLOAD, secret: SECRET, timestamp: T, ...input });
    expect(codeOf(sign({ secret: `${SECRET}\n` }))).toBe("CONFIG_INVALID");
    expect(codeOf(sign({ timestamp: 1.5 }))).toBe("CONFIG_INVALID");
    expect(codeOf(sign({ timestamp: new Date(Number.NaN) }))).toBe("CONFIG_INVALID");
  });
});

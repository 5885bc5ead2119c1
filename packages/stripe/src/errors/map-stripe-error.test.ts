/**
 * @module
 * Tests for the mapping of Stripe API and network errors, through the real SDK and the loopback
 * fake server.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { type ErrorCode, isLinkpayError, type LinkpayError } from "@linkpay/core";
import { rejectionOf } from "@linkpay/core/testing";
import Stripe from "stripe";
import {
  type FakeStripeServer,
  type ScriptedResponse,
  startFakeStripeServer,
} from "../test/fake-stripe-server";
import { checkoutInput, testProvider } from "../test/stripe-fixtures";
import { redactSecrets, toLinkpayError } from "./map-stripe-error";

let fake: FakeStripeServer;
beforeAll(async () => {
  fake = await startFakeStripeServer();
});
afterAll(async () => {
  await fake.close();
});

function stripeError(status: number, error: Record<string, string>): ScriptedResponse {
  return { status, body: { error }, headers: { "request-id": `req_scripted_${status}` } };
}

async function failure(...responses: ScriptedResponse[]): Promise<LinkpayError> {
  fake.script(...responses);
  const error = await rejectionOf(
    testProvider(fake, { timeoutMs: 300 }).createCheckout(checkoutInput(), {
      idempotencyKey: `err-${fake.requests.length}`,
    }),
  );
  if (!isLinkpayError(error)) throw new Error(`expected a LinkpayError, got ${String(error)}`);
  return error;
}

describe("Stripe error mapping", () => {
  it.each<[string, ScriptedResponse, ErrorCode, boolean]>([
    [
      "401 authentication",
      stripeError(401, { type: "invalid_request_error", message: "Invalid API Key provided" }),
      "PROVIDER_AUTHENTICATION_FAILED",
      false,
    ],
    [
      "403 permission",
      stripeError(403, { type: "invalid_request_error", message: "This key lacks permission" }),
      "PROVIDER_AUTHENTICATION_FAILED",
      false,
    ],
    [
      "402 card",
      stripeError(402, { type: "card_error", code: "card_declined", message: "Declined" }),
      "PROVIDER_REJECTED",
      false,
    ],
    [
      "404 missing",
      stripeError(404, {
        type: "invalid_request_error",
        code: "resource_missing",
        message: "No such price",
      }),
      "PROVIDER_REJECTED",
      false,
    ],
    [
      "400 idempotency",
      stripeError(400, { type: "idempotency_error", message: "Keys for idempotent requests…" }),
      "PROVIDER_REJECTED",
      false,
    ],
    [
      "429 rate limit",
      stripeError(429, { type: "invalid_request_error", code: "rate_limit", message: "Too many" }),
      "PROVIDER_RATE_LIMITED",
      true,
    ],
    [
      "500 api error",
      stripeError(500, { type: "api_error", message: "Something went wrong on Stripe's end" }),
      "PROVIDER_UNAVAILABLE",
      true,
    ],
  ])("maps %s", async (_, response, code, retryable) => {
    const error = await failure(response);
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(retryable);
    expect(error.details).toMatchObject({
      operation: "checkout.sessions.create",
      requestId: expect.stringMatching(/^req_scripted_/),
      statusCode: "status" in response ? response.status : undefined,
    });
  });

  it("keeps Stripe's type, code and param of a 400", async () => {
    const error = await failure(
      stripeError(400, {
        type: "invalid_request_error",
        code: "parameter_invalid_integer",
        param: "line_items[0][price_data][unit_amount]",
        message: "Invalid integer: 12.5",
      }),
    );
    expect(error.code).toBe("PROVIDER_REJECTED");
    expect(error.kind).toBe("provider_rejected");
    expect(error.details).toEqual({
      operation: "checkout.sessions.create",
      requestId: "req_scripted_400",
      type: "invalid_request_error",
      errorClass: "StripeInvalidRequestError",
      code: "parameter_invalid_integer",
      param: "line_items[0][price_data][unit_amount]",
      statusCode: 400,
    });
    expect(error.message).toContain("Invalid integer");
  });

  it("maps a dropped connection to PROVIDER_UNAVAILABLE (the SDK retries it once)", async () => {
    const before = fake.requests.length;
    const error = await failure({ drop: true }, { drop: true });
    expect(error.code).toBe("PROVIDER_UNAVAILABLE");
    expect(error.retryable).toBe(true);
    expect(error.details.errorClass).toBe("StripeConnectionError");
    const keys = fake.requests.slice(before).map((r) => r.headers["idempotency-key"]);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it("maps a timeout to PROVIDER_UNAVAILABLE", async () => {
    const error = await failure({ hang: true });
    expect(error.code).toBe("PROVIDER_UNAVAILABLE");
    expect(error.message).toContain("timeout");
  });

  it("never puts the API key in the message or details of a real 401", async () => {
    const wrongKey = "sk_test_wrongKeyDoNotLeak0000000000000009";
    const error = await rejectionOf(
      testProvider(fake, { secretKey: wrongKey }).retrieveCheckout({ providerSessionId: "cs_1" }),
    );
    expect(isLinkpayError(error, "PROVIDER_AUTHENTICATION_FAILED")).toBe(true);
    const text = isLinkpayError(error) ? `${error.message} ${JSON.stringify(error.details)}` : "";
    expect(text).toContain("[redacted]");
    expect(text).not.toContain("sk_test_");
    expect(text).not.toContain("0009");
    expect(text).not.toContain("wrongKey");
  });
});

describe("SDK retries", () => {
  it("retries a 500 with the same idempotency key, then succeeds", async () => {
    const before = fake.requests.length;
    fake.script(stripeError(500, { type: "api_error", message: "Try again" }));
    const session = await testProvider(fake, { maxNetworkRetries: 1 }).createCheckout(
      checkoutInput(),
      { idempotencyKey: "retry-me" },
    );
    expect(session.providerSessionId).toMatch(/^cs_test_/);
    const seen = fake.requests.slice(before);
    expect(seen.map((r) => r.headers["idempotency-key"])).toEqual(["retry-me", "retry-me"]);
    expect(seen[0]?.body).toBe(seen[1]?.body);
  });

  it("does not retry a 400", async () => {
    const before = fake.requests.length;
    fake.script(stripeError(400, { type: "invalid_request_error", message: "Bad" }));
    const error = await rejectionOf(
      testProvider(fake, { maxNetworkRetries: 2 }).createCheckout(checkoutInput(), {
        idempotencyKey: "no-retry",
      }),
    );
    expect(isLinkpayError(error, "PROVIDER_REJECTED")).toBe(true);
    expect(fake.requests.length - before).toBe(1);
  });
});

describe("toLinkpayError", () => {
  it("passes LinkpayErrors through and wraps anything else as rejected", () => {
    const error = toLinkpayError(new TypeError("bad argument"), "refunds.create");
    expect(error.code).toBe("PROVIDER_REJECTED");
    expect(error.details).toEqual({ operation: "refunds.create", errorClass: "TypeError" });
    expect(toLinkpayError(error, "other")).toBe(error);
  });

  it("tells a missing session apart only where the missing object is the session asked for", () => {
    const missing = (message: string) =>
      new Stripe.errors.StripeInvalidRequestError({
        type: "invalid_request_error",
        code: "resource_missing",
        statusCode: 404,
        message,
      });
    const session = toLinkpayError(
      missing("No such checkout.session: 'cs_test_1'"),
      "checkout.sessions.retrieve",
    );
    expect(session.code).toBe("PROVIDER_SESSION_NOT_FOUND");
    expect(session.message).toContain("No such checkout.session: 'cs_test_1'");
    expect(
      toLinkpayError(missing("No such price: 'price_1'"), "checkout.sessions.create").code,
    ).toBe("PROVIDER_REJECTED");
  });

  it("redacts anything shaped like a key or signing secret", () => {
    expect(
      redactSecrets("key sk_live_abc123 and rk_test_x and whsec_abc/+= and pk_test_*****1234"),
    ).toBe("key [redacted] and [redacted] and [redacted] and [redacted]");
  });
});

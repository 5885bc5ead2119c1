/**
 * @module
 * Tests for the HTTP client through the provider: how KOMOJU's error answers, dropped
 * connections and time-outs become LinkpayErrors, and which failures are retried (with the same
 * idempotency key).
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { isLinkpayError, type LinkpayError } from "@linkpay/core";
import { rejectionOf } from "@linkpay/core/testing";
import {
  FAKE_SECRET_KEY,
  type FakeKomojuServer,
  startFakeKomojuServer,
} from "../test/fake-komoju-server";
import { checkoutInput, testProvider } from "../test/komoju-fixtures";

let fake: FakeKomojuServer;
beforeAll(async () => {
  fake = await startFakeKomojuServer();
});
afterAll(async () => {
  await fake.close();
});

function komojuError(status: number, code: string, message = code) {
  return { status, body: { error: { code, message, param: "amount" } } };
}

async function createError(retries = 0): Promise<LinkpayError> {
  const error = await rejectionOf(
    testProvider(fake, { maxNetworkRetries: retries }).createCheckout(checkoutInput(), {
      idempotencyKey: `client-${Math.random()}`,
    }),
  );
  if (!isLinkpayError(error)) throw new Error(`not a LinkpayError: ${String(error)}`);
  return error;
}

describe("KOMOJU error answers", () => {
  it.each([
    [401, "unauthorized", "PROVIDER_AUTHENTICATION_FAILED", "misconfigured"],
    [400, "bad_request", "PROVIDER_REJECTED", "provider_rejected"],
    [422, "invalid_parameter", "PROVIDER_REJECTED", "provider_rejected"],
    [422, "idempotency_key_reused", "PROVIDER_REJECTED", "provider_rejected"],
    [409, "idempotency_conflict", "PROVIDER_UNAVAILABLE", "retryable"],
    [429, "too_many_requests", "PROVIDER_RATE_LIMITED", "retryable"],
    [500, "internal_server_error", "PROVIDER_UNAVAILABLE", "retryable"],
    [503, "service_unavailable", "PROVIDER_UNAVAILABLE", "retryable"],
  ])("HTTP %i %s → %s", async (status, code, linkpayCode, kind) => {
    fake.script(komojuError(status, code));
    const error = await createError();
    expect(error.code).toBe(linkpayCode);
    expect(error.kind).toBe(kind);
    expect(error.details).toMatchObject({
      operation: "sessions.create",
      statusCode: status,
      code,
      param: "amount",
    });
  });

  it("answers PROVIDER_SESSION_NOT_FOUND for a 404 on a session, PROVIDER_REJECTED elsewhere", async () => {
    const provider = testProvider(fake);
    const missing = await rejectionOf(provider.retrieveCheckout({ providerSessionId: "nope" }));
    expect(isLinkpayError(missing) && missing.code).toBe("PROVIDER_SESSION_NOT_FOUND");
    fake.script(komojuError(404, "not_found"));
    expect((await createError()).code).toBe("PROVIDER_REJECTED");
  });

  it("never puts the secret key in an error, even when KOMOJU quotes it", async () => {
    fake.script(komojuError(401, "unauthorized", `Invalid key ${FAKE_SECRET_KEY}`));
    const error = await createError();
    expect(error.message).toContain("[redacted]");
    expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain(
      FAKE_SECRET_KEY,
    );
    const wrongKey = await rejectionOf(
      testProvider(fake, { secretKey: "sk_test_anotherKey" }).retrieveCheckout({
        providerSessionId: "x",
      }),
    );
    expect(isLinkpayError(wrongKey) && wrongKey.code).toBe("PROVIDER_AUTHENTICATION_FAILED");
  });

  it("maps a dropped connection and a time-out to PROVIDER_UNAVAILABLE", async () => {
    fake.script({ drop: true });
    const dropped = await createError();
    expect(dropped.code).toBe("PROVIDER_UNAVAILABLE");
    expect(dropped.details.reason).toBe("network");
    fake.script({ hang: true });
    const timedOut = await rejectionOf(
      testProvider(fake, { timeoutMs: 100 }).retrieveCheckout({ providerSessionId: "x" }),
    );
    expect(isLinkpayError(timedOut) && timedOut.code).toBe("PROVIDER_UNAVAILABLE");
    expect(isLinkpayError(timedOut) && timedOut.details.reason).toBe("timeout");
  });

  it("treats a 2xx answer that is not JSON as PROVIDER_REJECTED", async () => {
    fake.script({ status: 200, body: undefined });
    expect((await createError()).code).toBe("PROVIDER_REJECTED");
  });
});

describe("retries", () => {
  it("retries 503, 409 and a dropped connection with the same idempotency key", async () => {
    fake.script(komojuError(503, "service_unavailable"), komojuError(409, "idempotency_conflict"), {
      drop: true,
    });
    const before = fake.count("/api/v1/sessions");
    const input = checkoutInput();
    const session = await testProvider(fake, { maxNetworkRetries: 3 }).createCheckout(input, {
      idempotencyKey: "retry-key",
    });
    expect(session.providerSessionId).toEqual(expect.any(String));
    const tries = fake.requests.slice(before);
    expect(tries).toHaveLength(4);
    expect(tries.map((request) => request.headers["x-komoju-idempotency"])).toEqual(
      Array(4).fill("retry-key"),
    );
    expect(new Set(tries.map((request) => request.body)).size).toBe(1);
  });

  it("gives up after maxNetworkRetries, and never retries a rejection", async () => {
    fake.script(...Array.from({ length: 2 }, () => komojuError(503, "service_unavailable")));
    const before = fake.count();
    expect((await createError(1)).code).toBe("PROVIDER_UNAVAILABLE");
    expect(fake.count() - before).toBe(2);
    fake.script(komojuError(422, "invalid_parameter"));
    const again = fake.count();
    expect((await createError(2)).code).toBe("PROVIDER_REJECTED");
    expect(fake.count() - again).toBe(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import Stripe from "stripe";
import {
  type SandboxFixture,
  sessionParams,
  startSandbox,
  stripeClient,
  TEST_KEY,
} from "../test/start-sandbox";

describe("API faults through the official SDK", () => {
  let fixture: SandboxFixture;

  beforeAll(async () => {
    fixture = await startSandbox({ seed: 1 });
  });
  afterAll(() => fixture.sandbox.close());

  it("apiError 500: the next calls fail with StripeAPIError, then the API recovers", async () => {
    fixture.sandbox.setFaults({ apiError: { status: 500, count: 2 } });
    for (let call = 0; call < 2; call++) {
      const error = await fixture.stripe.checkout.sessions
        .list()
        .catch((failure: unknown) => failure);
      expect(error).toBeInstanceOf(Stripe.errors.StripeAPIError);
      expect(error).toMatchObject({ statusCode: 500, rawType: "api_error" });
    }
    expect((await fixture.stripe.checkout.sessions.list()).object).toBe("list");
  });

  it("apiError 429: StripeRateLimitError", async () => {
    fixture.sandbox.setFaults({ apiError: { status: 429 } });
    await expect(fixture.stripe.checkout.sessions.create(sessionParams())).rejects.toBeInstanceOf(
      Stripe.errors.StripeRateLimitError,
    );
    expect(fixture.sandbox.sessions()).toHaveLength(0);
  });

  it("a client with retries rides out a 500, reusing its automatic idempotency key", async () => {
    fixture.sandbox.setFaults({ apiError: { status: 500, count: 1 } });
    const retrying = stripeClient(fixture.port, TEST_KEY, 2);
    const session = await retrying.checkout.sessions.create(sessionParams());
    expect(session.status).toBe("open");
    expect(fixture.sandbox.sessions().filter((summary) => summary.id === session.id)).toHaveLength(
      1,
    );
  });

  it("apiDelayMs: a slow API makes a short client timeout fail with StripeConnectionError", async () => {
    fixture.sandbox.setFaults({ apiDelayMs: 300 });
    const impatient = new Stripe(TEST_KEY, {
      host: "127.0.0.1",
      port: fixture.port,
      protocol: "http",
      maxNetworkRetries: 0,
      timeout: 100,
    });
    await expect(impatient.checkout.sessions.list()).rejects.toBeInstanceOf(
      Stripe.errors.StripeConnectionError,
    );
    fixture.sandbox.setFaults({});
    expect((await impatient.checkout.sessions.list()).object).toBe("list");
  });

  it("validates faults set over HTTP with a Stripe-shaped 400", async () => {
    const response = await fetch(`${fixture.origin}/_sandbox/faults`, {
      method: "POST",
      headers: { Authorization: `Bearer ${TEST_KEY}`, "Content-Type": "application/json" },
      body: JSON.stringify({ duplicat: 2 }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { param: "duplicat", code: "parameter_unknown" },
    });
    const current = await fetch(`${fixture.origin}/_sandbox/faults`, {
      headers: { Authorization: `Bearer ${TEST_KEY}` },
    });
    expect(await current.json()).toEqual({});
  });
});

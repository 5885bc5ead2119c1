import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import Stripe from "stripe";
import { type SandboxFixture, sessionParams, startSandbox } from "../test/start-sandbox";

describe("Idempotency-Key", () => {
  let fixture: SandboxFixture;

  beforeAll(async () => {
    fixture = await startSandbox();
  });
  afterAll(() => fixture.sandbox.close());

  it("replays the stored response for the same key and parameters", async () => {
    const first = await fixture.stripe.checkout.sessions.create(sessionParams(), {
      idempotencyKey: "order-1",
    });
    const second = await fixture.stripe.checkout.sessions.create(sessionParams(), {
      idempotencyKey: "order-1",
    });
    expect(second.id).toBe(first.id);
    expect(second.lastResponse.headers["idempotent-replayed"]).toBe("true");
    expect(second.lastResponse.headers["original-request"]).toBe(first.lastResponse.requestId);
    expect(second.lastResponse.requestId).not.toBe(first.lastResponse.requestId);
    expect(fixture.sandbox.sessions()).toHaveLength(1);
  });

  it("refuses the same key with other parameters", async () => {
    await fixture.stripe.checkout.sessions.create(sessionParams(), { idempotencyKey: "order-2" });
    const error = await fixture.stripe.checkout.sessions
      .create(sessionParams({ client_reference_id: "RC-OTHER" }), { idempotencyKey: "order-2" })
      .catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(error).toMatchObject({ statusCode: 400, rawType: "idempotency_error" });
  });

  it("does not store a rejected request, so the key can be used again", async () => {
    const bad = sessionParams({ expires_at: 1 });
    await expect(
      fixture.stripe.checkout.sessions.create(bad, { idempotencyKey: "order-3" }),
    ).rejects.toMatchObject({
      statusCode: 400,
    });
    const good = await fixture.stripe.checkout.sessions.create(sessionParams(), {
      idempotencyKey: "order-3",
    });
    expect(good.status).toBe("open");
  });

  it("scopes keys to the API key", async () => {
    const other = new Stripe("sk_test_another_merchant", {
      host: "127.0.0.1",
      port: fixture.port,
      protocol: "http",
      maxNetworkRetries: 0,
    });
    const mine = await fixture.stripe.checkout.sessions.create(sessionParams(), {
      idempotencyKey: "shared",
    });
    const theirs = await other.checkout.sessions.create(sessionParams(), {
      idempotencyKey: "shared",
    });
    expect(theirs.id).not.toBe(mine.id);
  });

  it("gives each SDK call its own automatic key (stripe-node keys every POST)", async () => {
    const a = await fixture.stripe.checkout.sessions.create(sessionParams());
    const b = await fixture.stripe.checkout.sessions.create(sessionParams());
    expect(a.lastResponse.idempotencyKey).toMatch(/^stripe-node-retry-/);
    expect(b.id).not.toBe(a.id);
  });
});

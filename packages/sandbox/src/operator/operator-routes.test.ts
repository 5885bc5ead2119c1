import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { type SandboxFixture, sessionParams, startSandbox, TEST_KEY } from "../test/start-sandbox";

describe("operator endpoints", () => {
  let fixture: SandboxFixture;
  const call = (path: string, method = "GET") =>
    fetch(`${fixture.origin}/_sandbox${path}`, {
      method,
      headers: { Authorization: `Bearer ${TEST_KEY}` },
    });

  beforeAll(async () => {
    fixture = await startSandbox();
  });
  afterAll(() => fixture.sandbox.close());

  it("lists sessions newest first with their state", async () => {
    const first = await fixture.stripe.checkout.sessions.create(sessionParams());
    const second = await fixture.stripe.checkout.sessions.create(
      sessionParams({ allowed_payment_method_types: ["konbini"] }),
    );
    const body: unknown = await (await call("/sessions")).json();
    expect(body).toMatchObject({
      data: [
        {
          id: second.id,
          status: "open",
          paymentMethodTypes: ["konbini"],
          url: `${fixture.origin}/c/pay/${second.id}`,
        },
        {
          id: first.id,
          status: "open",
          amountTotal: 17_600,
          currency: "jpy",
          konbini: null,
          faults: null,
        },
      ],
    });
  });

  it("expires a session now and answers errors in Stripe's shape", async () => {
    const session = await fixture.stripe.checkout.sessions.create(sessionParams());
    const expired = await call(`/sessions/${session.id}/expire`, "POST");
    expect(await expired.json()).toMatchObject({ id: session.id, status: "expired" });
    expect((await fixture.stripe.checkout.sessions.retrieve(session.id)).status).toBe("expired");

    const again = await call(`/sessions/${session.id}/expire`, "POST");
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: { type: "invalid_request_error" } });
    expect((await call("/sessions/cs_test_missing/konbini/paid", "POST")).status).toBe(404);
    const notKonbini = await call(`/sessions/${session.id}/konbini/expired`, "POST");
    expect(await notKonbini.json()).toMatchObject({
      error: { code: "konbini_payment_not_pending" },
    });
  });
});

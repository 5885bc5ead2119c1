import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { postForm } from "../test/hosted-page-client";
import { type SandboxFixture, sessionParams, startSandbox } from "../test/start-sandbox";

/** Monday 2026-11-23, 12:00 in Japan. */
const MONDAY_NOON_JST = new Date("2026-11-23T03:00:00Z");

describe("konbini options of a checkout session", () => {
  let fixture: SandboxFixture;

  beforeAll(async () => {
    fixture = await startSandbox({ now: () => MONDAY_NOON_JST, expirySweepMs: 0 });
  });
  afterAll(() => fixture.sandbox.close());

  async function slipOf(sessionId: string) {
    expect((await postForm(`${fixture.origin}/c/pay/${sessionId}/konbini`, {})).status).toBe(303);
    const session = await fixture.stripe.checkout.sessions.retrieve(sessionId, {
      expand: ["payment_intent"],
    });
    const intent = session.payment_intent;
    if (intent === null || typeof intent === "string") throw new Error("no payment intent");
    return intent.next_action?.konbini_display_details;
  }

  it("reports expires_after_days on the session and ends the slip at 23:59:59 JST that day", async () => {
    const session = await fixture.stripe.checkout.sessions.create(
      sessionParams({
        allowed_payment_method_types: ["card", "konbini"],
        payment_method_options: { konbini: { expires_after_days: 2 } },
      }),
    );
    expect(session.payment_method_options).toEqual({ konbini: { expires_after_days: 2 } });
    const summary = fixture.sandbox.sessions().find((candidate) => candidate.id === session.id);
    expect(summary).toMatchObject({
      paymentMethodTypes: ["card", "konbini"],
      konbiniExpiresAfterDays: 2,
    });
    const slip = await slipOf(session.id);
    expect(new Date((slip?.expires_at ?? 0) * 1000).toISOString()).toBe("2026-11-25T14:59:59.000Z");
  });

  it("gives a slip Stripe's three days when the session names none, and reports no options", async () => {
    const session = await fixture.stripe.checkout.sessions.create(
      sessionParams({ allowed_payment_method_types: ["konbini"] }),
    );
    expect(session.payment_method_options).toBeNull();
    const slip = await slipOf(session.id);
    expect(new Date((slip?.expires_at ?? 0) * 1000).toISOString()).toBe("2026-11-26T14:59:59.000Z");
  });

  it("offers only the methods the session was created with", async () => {
    const session = await fixture.stripe.checkout.sessions.create(
      sessionParams({ allowed_payment_method_types: ["card"] }),
    );
    expect(session.payment_method_types).toEqual(["card"]);
    const refused = await postForm(`${fixture.origin}/c/pay/${session.id}/konbini`, {});
    expect(refused.status).toBe(400);
  });
});

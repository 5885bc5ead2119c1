import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import Stripe from "stripe";
import {
  type SandboxFixture,
  sessionParams,
  startSandbox,
  stripeClient,
} from "../test/start-sandbox";

describe("API keys", () => {
  let open: SandboxFixture;
  let locked: SandboxFixture;

  beforeAll(async () => {
    open = await startSandbox();
    locked = await startSandbox({ apiKey: "sk_test_the_only_key" });
  });
  afterAll(async () => {
    await open.sandbox.close();
    await locked.sandbox.close();
  });

  it("accepts any sk_test_ key when none is configured", async () => {
    const session = await stripeClient(open.port, "sk_test_anything").checkout.sessions.create(
      sessionParams(),
    );
    expect(session.id).toMatch(/^cs_test_/);
  });

  it("refuses live keys with Stripe's authentication error, without echoing the key", async () => {
    const error = await stripeClient(open.port, "sk_live_abcdefgh12345678")
      .checkout.sessions.create(sessionParams())
      .catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(error).toMatchObject({ statusCode: 401, rawType: "invalid_request_error" });
    expect(String(Reflect.get(Object(error), "message"))).toContain("sk_live_****5678");
    expect(String(Reflect.get(Object(error), "message"))).not.toContain("abcdefgh");
  });

  it("refuses other keys than the configured one", async () => {
    await expect(
      stripeClient(locked.port, "sk_test_someone_else").checkout.sessions.list(),
    ).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    const list = await stripeClient(locked.port, "sk_test_the_only_key").checkout.sessions.list();
    expect(list.data).toEqual([]);
  });

  it("answers a missing key with 401 and a Request-Id", async () => {
    const response = await fetch(`${open.origin}/v1/checkout/sessions`);
    expect(response.status).toBe(401);
    expect(response.headers.get("request-id")).toMatch(/^req_/);
    const body: unknown = await response.json();
    expect(body).toMatchObject({
      error: {
        type: "invalid_request_error",
        message: expect.stringContaining("You did not provide an API key"),
      },
    });
  });

  it("protects the operator endpoints with the same check", async () => {
    expect((await fetch(`${locked.origin}/_sandbox/sessions`)).status).toBe(401);
    const allowed = await fetch(`${locked.origin}/_sandbox/sessions`, {
      headers: { Authorization: "Bearer sk_test_the_only_key" },
    });
    expect(allowed.status).toBe(200);
  });

  it("accepts HTTP Basic auth as curl -u sends it", async () => {
    const response = await fetch(`${open.origin}/v1/events`, {
      headers: { Authorization: `Basic ${Buffer.from("sk_test_curl_user:").toString("base64")}` },
    });
    expect(response.status).toBe(200);
  });

  it("answers unknown API routes with Stripe's 404", async () => {
    const response = await fetch(`${open.origin}/v1/customers`, {
      headers: { Authorization: "Bearer sk_test_x1234" },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      error: {
        type: "invalid_request_error",
        message: "Unrecognized request URL (GET: /v1/customers).",
      },
    });
  });
});

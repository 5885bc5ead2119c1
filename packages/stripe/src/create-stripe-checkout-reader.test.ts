/**
 * @module
 * Tests for the read-only checkout reader: its options, and reading sessions through the real SDK
 * from the loopback fake and from the sandbox, where a session of another account is "not found".
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { type CheckoutReader, isLinkpayError } from "@linkpay/core";
import { errorOf, rejectionOf } from "@linkpay/core/testing";
import { TEST_CARDS } from "@linkpay/sandbox";
import { createStripeCheckoutReader } from "./create-stripe-checkout-reader";
import { STRIPE_CHECKOUT_ORIGIN } from "./options/connection-options";
import type { StripeCheckoutReaderOptions } from "./options/stripe-checkout-reader-options";
import {
  FAKE_SECRET_KEY,
  type FakeStripeServer,
  startFakeStripeServer,
} from "./test/fake-stripe-server";
import { payWithCard } from "./test/sandbox-shopper";
import { SANDBOX_KEY, type SandboxWorld, startSandboxWorld } from "./test/sandbox-world";
import { checkoutInput, testProvider } from "./test/stripe-fixtures";

const RESTRICTED_KEY = "rk_live_51AbCdEfGhIjKlMnOpQrStUv";

function configError(options: Record<string, unknown>) {
  const error = errorOf(() =>
    createStripeCheckoutReader({ secretKey: RESTRICTED_KEY, ...options }),
  );
  expect(error.code).toBe("CONFIG_INVALID");
  expect(error.message).toContain("Invalid Stripe checkout reader options");
  return error;
}

describe("createStripeCheckoutReader options", () => {
  it("applies the provider's defaults and needs no webhook secret", () => {
    const reader = createStripeCheckoutReader({ secretKey: RESTRICTED_KEY });
    expect(reader.id).toBe("stripe");
    expect(reader.checkoutOrigins).toEqual([STRIPE_CHECKOUT_ORIGIN]);
  });

  it.each(["rk_test_51AbCdEf", "rk_live_51AbCdEf", "sk_test_51AbCdEf", "sk_live_51AbCdEf"])(
    "accepts the key %s",
    (secretKey) => {
      expect(() => createStripeCheckoutReader({ secretKey })).not.toThrow();
    },
  );

  it("names the bad option, never its value", () => {
    const key = configError({ secretKey: "pk_live_51AbCdEfSecretish" });
    expect(key.message).toContain("secretKey");
    expect(key.message).not.toContain("51AbCdEfSecretish");
    expect(JSON.stringify(key.details)).not.toContain("51AbCdEfSecretish");
    expect(configError({ secretKey: undefined }).message).toContain("environment variable");
    expect(configError({ id: "Stripe JP" }).details).toEqual({
      issues: [{ option: "id", message: expect.stringContaining("id must be") }],
    });
    configError({ timeoutMs: 0 });
    configError({ maxNetworkRetries: -1 });
    configError({ checkoutOrigins: ["https://checkout.stripe.com/c/pay"] });
    expect(configError({ apiBaseUrl: "http://127.0.0.1:4242" }).message).toContain(
      "checkoutOrigins must be set when apiBaseUrl is",
    );
    expect(
      configError({
        apiBaseUrl: "http://127.0.0.1:4242",
        checkoutOrigins: ["http://127.0.0.1:4242"],
      }).message,
    ).toContain("apiBaseUrl must use https: with a live key");
  });

  it("refuses provider-only options as unknown (a reader never verifies webhooks)", () => {
    const options = { webhookSecrets: "whsec_abc" } as unknown as StripeCheckoutReaderOptions;
    expect(configError({ ...options }).message).toContain("webhookSecrets");
  });
});

describe("createStripeCheckoutReader against the loopback fake", () => {
  let fake: FakeStripeServer;
  let reader: CheckoutReader;
  beforeAll(async () => {
    fake = await startFakeStripeServer();
    reader = createStripeCheckoutReader({
      secretKey: FAKE_SECRET_KEY,
      apiBaseUrl: fake.url,
      checkoutOrigins: [STRIPE_CHECKOUT_ORIGIN],
      maxNetworkRetries: 0,
    });
  });
  afterAll(async () => {
    await fake.close();
  });

  it("reads a session found from its hosted URL, as the provider would", async () => {
    const input = checkoutInput();
    const provider = testProvider(fake);
    const session = await provider.createCheckout(input, { idempotencyKey: input.attemptId });
    const id = reader.checkoutSessionIdFromUrl(session.hostedUrl);
    expect(id).toBe(session.providerSessionId);
    const view = await reader.retrieveCheckout({ providerSessionId: id ?? "" });
    expect(view).toEqual(await provider.retrieveCheckout({ providerSessionId: id ?? "" }));
    expect(view).toMatchObject({ status: "open", customerEmail: "hanako@example.com" });
  });

  it("answers PROVIDER_SESSION_NOT_FOUND for a session Stripe does not have", async () => {
    const error = await rejectionOf(reader.retrieveCheckout({ providerSessionId: "cs_test_x" }));
    expect(isLinkpayError(error, "PROVIDER_SESSION_NOT_FOUND")).toBe(true);
  });
});

describe("createStripeCheckoutReader against the sandbox", () => {
  let world: SandboxWorld;
  // The sandbox, like Stripe, wants expiry at least 30 minutes after creation.
  const sandboxInput = () => checkoutInput({ expiresAt: new Date(Date.now() + 31 * 60 * 1000) });
  const readerFor = (secretKey: string): Required<CheckoutReader> =>
    createStripeCheckoutReader({
      secretKey,
      apiBaseUrl: world.origin,
      checkoutOrigins: [world.origin],
      maxNetworkRetries: 0,
    });
  beforeAll(async () => {
    // No fixed key: every sk_test_/rk_test_ key is an account of its own.
    world = await startSandboxWorld({ sandbox: { apiKey: undefined } });
  });
  afterAll(async () => {
    await world.close();
  });

  it("reads, with the account's restricted key, a session its secret key created", async () => {
    const input = sandboxInput();
    const session = await world.provider.createCheckout(input, { idempotencyKey: input.attemptId });
    const reader = readerFor(SANDBOX_KEY.replace(/^sk_/, "rk_"));
    const id = reader.checkoutSessionIdFromUrl(session.hostedUrl);
    expect(id).toBe(session.providerSessionId);
    expect(await reader.retrieveCheckout({ providerSessionId: id ?? "" })).toMatchObject({
      orderRef: input.orderRef,
      status: "open",
      customerEmail: "hanako@example.com",
    });
    expect((await payWithCard(session.hostedUrl, TEST_CARDS.success)).status).toBe(303);
    const paid = await reader.retrieveCheckout({ providerSessionId: id ?? "" });
    expect(paid.status).toBe("paid");
  });

  it("answers PROVIDER_SESSION_NOT_FOUND for another account's session", async () => {
    const input = sandboxInput();
    const session = await world.provider.createCheckout(input, { idempotencyKey: input.attemptId });
    for (const key of ["rk_test_51AnotherMerchant0002", "sk_test_51AnotherMerchant0002"]) {
      const error = await rejectionOf(
        readerFor(key).retrieveCheckout({ providerSessionId: session.providerSessionId }),
      );
      expect(isLinkpayError(error, "PROVIDER_SESSION_NOT_FOUND")).toBe(true);
      expect(isLinkpayError(error) && error.details).toMatchObject({
        statusCode: 404,
        code: "resource_missing",
      });
    }
  });

  it("expires, with the restricted key, a session of its account, and no other account's", async () => {
    const input = sandboxInput();
    const session = await world.provider.createCheckout(input, { idempotencyKey: input.attemptId });
    const stranger = readerFor("rk_test_51AnotherMerchant0002");
    const refused = await rejectionOf(
      stranger.expireCheckout({ providerSessionId: session.providerSessionId }),
    );
    expect(isLinkpayError(refused, "PROVIDER_SESSION_NOT_FOUND")).toBe(true);
    const reader = readerFor(SANDBOX_KEY.replace(/^sk_/, "rk_"));
    await reader.expireCheckout({ providerSessionId: session.providerSessionId });
    expect(
      (await reader.retrieveCheckout({ providerSessionId: session.providerSessionId })).status,
    ).toBe("expired");
  });

  it("answers PROVIDER_UNAVAILABLE when the API cannot be reached", async () => {
    const closed = createStripeCheckoutReader({
      secretKey: "rk_test_51AnyMerchant",
      apiBaseUrl: "http://127.0.0.1:9",
      checkoutOrigins: ["http://127.0.0.1:9"],
      maxNetworkRetries: 0,
    });
    const error = await rejectionOf(closed.retrieveCheckout({ providerSessionId: "cs_test_x" }));
    expect(isLinkpayError(error, "PROVIDER_UNAVAILABLE")).toBe(true);
  });
});

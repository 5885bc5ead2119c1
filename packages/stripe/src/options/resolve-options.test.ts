/**
 * @module
 * Tests for the option checks run by createStripeProvider at construction.
 */
import { describe, expect, it } from "@jest/globals";
import { errorOf } from "@linkpay/core/testing";
import { createStripeProvider } from "../create-stripe-provider";
import { checkStripeProviderOptions } from "./resolve-options";
import type { StripeProviderOptions } from "./stripe-provider-options";

const KEY = "sk_test_51AbCdEfGhIjKlMnOpQrStUv";
const LIVE_KEY = "sk_live_51AbCdEfGhIjKlMnOpQrStUv";
const SECRET = "whsec_R4nd0mS1gn1ngS3cr3tV4lue0123";
const valid: StripeProviderOptions = { secretKey: KEY, webhookSecrets: SECRET };

function configError(overrides: Record<string, unknown>) {
  const error = errorOf(() => createStripeProvider({ ...valid, ...overrides }));
  expect(error.code).toBe("CONFIG_INVALID");
  expect(error.kind).toBe("misconfigured");
  return error;
}

describe("createStripeProvider options", () => {
  it("applies the defaults", () => {
    const provider = createStripeProvider(valid);
    expect(provider.id).toBe("stripe");
    expect(provider.checkoutOrigins).toEqual(["https://checkout.stripe.com"]);
    expect(typeof provider.refund).toBe("function");
    expect(provider.stripe.getMaxNetworkRetries()).toBe(2);
  });

  it.each([
    ["sk_test_", KEY],
    ["sk_live_", LIVE_KEY],
    ["rk_test_", "rk_test_51AbCdEf"],
    ["rk_live_", "rk_live_51AbCdEf"],
  ])("accepts a %s key", (_, secretKey) => {
    expect(() => createStripeProvider({ ...valid, secretKey })).not.toThrow();
  });

  it.each([
    ["empty", "", "empty"],
    ["trailing newline", `${KEY}\n`, "whitespace"],
    ["leading space", ` ${KEY}`, "whitespace"],
    ["inner space", "sk_test_51Ab CdEf", "whitespace"],
    ["publishable key", "pk_test_51AbCdEf", "publishable key"],
    ["signing secret", SECRET, "webhookSecrets"],
    ["unknown prefix", "sk_prod_51AbCdEf", "expected sk_test_"],
  ])("refuses a secretKey that is %s, without echoing it", (_, secretKey, hint) => {
    const error = configError({ secretKey });
    expect(error.message).toContain("secretKey");
    expect(error.message).toContain(hint);
    expect(error.message).not.toContain("51AbCdEf");
    expect(JSON.stringify(error.details)).not.toContain("51AbCdEf");
  });

  it("refuses a missing key or secret as a type error hinting at the environment", () => {
    expect(configError({ secretKey: undefined }).message).toContain("environment variable");
    expect(configError({ webhookSecrets: undefined }).message).toContain("webhookSecrets");
  });

  it.each([
    ["trailing newline", `${SECRET}\n`, "webhookSecrets", "trailing whitespace"],
    ["leading space", ` ${SECRET}`, "webhookSecrets", "leading whitespace"],
    ["two pasted into one", `${SECRET}\n${SECRET}`, "webhookSecrets", "line break"],
    ["not whsec_", "sk_test_51AbCdEf", "webhookSecrets", "whsec_"],
    ["empty", "", "webhookSecrets", "empty"],
  ])("refuses a webhook secret with %s, naming it but not the secret", (_, bad, name, hint) => {
    for (const [webhookSecrets, label] of [
      [bad, name],
      [[SECRET, bad], `${name}[1]`],
    ] as const) {
      const error = configError({ webhookSecrets });
      expect(error.message).toContain(label);
      expect(error.message).toContain(hint);
      expect(error.message).not.toContain("R4nd0m");
      expect(JSON.stringify(error.details)).not.toContain("R4nd0m");
    }
  });

  it("accepts two webhook secrets for rotation and refuses an empty list", () => {
    expect(() =>
      createStripeProvider({ ...valid, webhookSecrets: [SECRET, `${SECRET}x`] }),
    ).not.toThrow();
    expect(configError({ webhookSecrets: [] }).message).toContain("empty list");
  });

  it("refuses apiBaseUrl without checkoutOrigins at creation, naming the option and the fix", () => {
    const error = configError({ apiBaseUrl: "http://127.0.0.1:4242" });
    expect(error.message).toContain("checkoutOrigins must be set when apiBaseUrl is");
    expect(error.message).toContain('checkoutOrigins: ["http://127.0.0.1:4242"]');
    expect(error.details).toEqual({
      issues: [
        {
          option: "checkoutOrigins",
          message: expect.stringContaining("checkoutOrigins must be set when apiBaseUrl is"),
        },
      ],
    });
  });

  it("maps apiBaseUrl onto the SDK's host, port and protocol", () => {
    const provider = createStripeProvider({
      ...valid,
      apiBaseUrl: "http://127.0.0.1:4242",
      checkoutOrigins: ["http://127.0.0.1:4242"],
    });
    expect(provider.stripe.getApiField("host")).toBe("127.0.0.1");
    expect(provider.stripe.getApiField("port")).toBe(4242);
    expect(provider.stripe.getApiField("protocol")).toBe("http");
    const https = createStripeProvider({
      ...valid,
      apiBaseUrl: "https://stripe-proxy.example",
      checkoutOrigins: ["https://checkout.stripe.com"],
    });
    expect(https.stripe.getApiField("port")).toBe(443);
  });

  it("refuses a live key with a plain-http base URL, and malformed base URLs", () => {
    const live = configError({ secretKey: LIVE_KEY, apiBaseUrl: "http://127.0.0.1:4242" });
    expect(live.message).toContain("apiBaseUrl must use https: with a live key");
    expect(() =>
      createStripeProvider({
        ...valid,
        secretKey: LIVE_KEY,
        apiBaseUrl: "https://api.stripe.com",
        checkoutOrigins: ["https://checkout.stripe.com"],
      }),
    ).not.toThrow();
    expect(configError({ apiBaseUrl: "127.0.0.1:4242" }).message).toContain("apiBaseUrl");
    expect(configError({ apiBaseUrl: "http://127.0.0.1:4242/v1" }).message).toContain("origin");
    expect(configError({ apiBaseUrl: "http://u:p@127.0.0.1:4242" }).message).toContain(
      "credentials",
    );
    expect(configError({ apiBaseUrl: "ftp://127.0.0.1" }).message).toContain("https:");
  });

  it("validates checkout origins; plain-http loopback only with a test key", () => {
    const sandbox = createStripeProvider({ ...valid, checkoutOrigins: ["http://127.0.0.1:4242"] });
    expect(sandbox.checkoutOrigins).toEqual(["http://127.0.0.1:4242"]);
    configError({ secretKey: LIVE_KEY, checkoutOrigins: ["http://127.0.0.1:4242"] });
    configError({ checkoutOrigins: ["https://checkout.stripe.com/c/pay"] });
    configError({ checkoutOrigins: [] });
  });

  it("refuses a webhook tolerance of 0 and other out-of-range numbers", () => {
    expect(configError({ webhookToleranceSeconds: 0 }).message).toContain("replay protection off");
    configError({ webhookToleranceSeconds: -1 });
    configError({ webhookToleranceSeconds: 2.5 });
    configError({ webhookToleranceSeconds: 86_400 });
  });

  it("checks payment method types, id, retries, timeout and clock", () => {
    expect(() =>
      createStripeProvider({ ...valid, paymentMethodTypes: ["card", "konbini"] }),
    ).not.toThrow();
    configError({ paymentMethodTypes: ["paypay"] });
    configError({ paymentMethodTypes: [] });
    configError({ paymentMethodTypes: ["card", "card"] });
    configError({ id: "Stripe JP" });
    configError({ maxNetworkRetries: -1 });
    configError({ timeoutMs: 0 });
    configError({ now: new Date() });
    expect(createStripeProvider({ ...valid, id: "stripe-jp" }).id).toBe("stripe-jp");
  });

  it("refuses unknown options (a typo would otherwise be silently ignored)", () => {
    expect(configError({ webhookSecret: SECRET }).message).toContain("webhookSecret");
  });

  it("passes retries and timeout to the SDK", () => {
    const provider = createStripeProvider({ ...valid, maxNetworkRetries: 5, timeoutMs: 1234 });
    expect(provider.stripe.getMaxNetworkRetries()).toBe(5);
    expect(provider.stripe.getApiField("timeout")).toBe(1234);
  });

  it("names every bad option at once, and checkStripeProviderOptions lists the same without throwing", () => {
    const bad = {
      secretKey: "pk_test_publishable0123456789",
      webhookSecrets: "not-a-signing-secret",
      apiBaseUrl: "ftp://files.example",
      checkoutOrigins: ["checkout"],
    };
    const error = configError(bad);
    const options = ["secretKey", "webhookSecrets", "apiBaseUrl", "checkoutOrigins"];
    expect(error.details).toEqual({
      issues: options.map((option) => ({ option, message: expect.stringContaining(option) })),
    });
    expect(checkStripeProviderOptions({ ...valid, ...bad }).map((issue) => issue.option)).toEqual(
      options,
    );
    expect(error.message).not.toContain("pk_test_publishable0123456789");
    expect(checkStripeProviderOptions(valid)).toEqual([]);
    expect(checkStripeProviderOptions({ ...valid, secretKey: "sk_test_probe_1a2b" })).toEqual([
      { option: "secretKey", message: expect.stringContaining("is not a Stripe API key") },
    ]);
  });
});

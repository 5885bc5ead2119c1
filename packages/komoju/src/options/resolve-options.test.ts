/**
 * @module
 * Tests for the option checks run by createKomojuProvider and createKomojuCheckoutReader.
 */
import { describe, expect, it } from "@jest/globals";
import { errorOf } from "@linkpay/core/testing";
import { createKomojuCheckoutReader } from "../create-komoju-checkout-reader";
import { createKomojuProvider } from "../create-komoju-provider";
import type { KomojuProviderOptions } from "./komoju-provider-options";
import { checkKomojuProviderOptions } from "./resolve-options";

const KEY = "sk_test_AbCdEfGhIjKlMnOpQrStUv";
const LIVE_KEY = "sk_live_AbCdEfGhIjKlMnOpQrStUv";
const SECRET = "komoju-webhook-secret-token-0123";
const valid: KomojuProviderOptions = { secretKey: KEY, webhookSecrets: SECRET };

function configError(overrides: Record<string, unknown>) {
  const error = errorOf(() => createKomojuProvider({ ...valid, ...overrides }));
  expect(error.code).toBe("CONFIG_INVALID");
  expect(error.kind).toBe("misconfigured");
  return error;
}

describe("createKomojuProvider options", () => {
  it("applies the defaults", () => {
    const provider = createKomojuProvider(valid);
    expect(provider.id).toBe("komoju");
    expect(provider.checkoutOrigins).toEqual(["https://komoju.com"]);
    expect(provider.paymentMethods).toEqual(["card"]);
    expect(provider.checkoutSessionIdFromUrl("https://komoju.com/sessions/abc123")).toBe("abc123");
  });

  it("serves hosted pages from apiBaseUrl unless checkoutBaseUrl says otherwise", () => {
    const sandbox = createKomojuProvider({ ...valid, apiBaseUrl: "http://127.0.0.1:4242/komoju/" });
    expect(sandbox.checkoutOrigins).toEqual(["http://127.0.0.1:4242"]);
    const id = sandbox.checkoutSessionIdFromUrl("http://127.0.0.1:4242/komoju/sessions/s1");
    expect(id).toBe("s1");
    for (const url of [
      "http://127.0.0.1:4242/sessions/s1",
      "http://127.0.0.1:4242/komoju/sessions/s1/extra",
      "http://127.0.0.1:4242/komoju/sessions/s1?x=1",
      "http://127.0.0.1:4243/komoju/sessions/s1",
    ]) {
      expect(sandbox.checkoutSessionIdFromUrl(url)).toBeUndefined();
    }
    const split = createKomojuProvider({
      ...valid,
      apiBaseUrl: "https://api.example",
      checkoutBaseUrl: "https://pay.example",
    });
    expect(split.checkoutOrigins).toEqual(["https://pay.example"]);
  });

  it.each([
    ["empty", "", "empty"],
    ["trailing newline", `${KEY}\n`, "whitespace"],
    ["publishable key", "pk_test_AbCdEf", "publishable key"],
    ["unknown prefix", "rk_test_AbCdEf", "expected sk_test_"],
  ])("refuses a secretKey that is %s, without echoing it", (_, secretKey, hint) => {
    const error = configError({ secretKey });
    expect(error.message).toContain("secretKey");
    expect(error.message).toContain(hint);
    if (secretKey !== "") expect(error.message).not.toContain(secretKey.trim());
  });

  it("refuses plain http with a live key, and malformed base URLs", () => {
    expect(
      configError({ secretKey: LIVE_KEY, apiBaseUrl: "http://127.0.0.1:4242" }).message,
    ).toContain("apiBaseUrl must use https: with a live key");
    expect(() => createKomojuProvider({ ...valid, secretKey: LIVE_KEY })).not.toThrow();
    expect(configError({ apiBaseUrl: "127.0.0.1:4242" }).message).toContain("apiBaseUrl");
    expect(configError({ apiBaseUrl: "http://u:p@127.0.0.1:4242" }).message).toContain(
      "credentials",
    );
    expect(configError({ apiBaseUrl: "http://127.0.0.1:4242/api/v1" }).message).toContain(
      "/api/v1",
    );
    expect(configError({ apiBaseUrl: "http://127.0.0.1:4242?x" }).message).toContain("query");
    expect(configError({ checkoutBaseUrl: "ftp://pay.example" }).message).toContain(
      "checkoutBaseUrl",
    );
    configError({ checkoutBaseUrl: "http://pay.example" });
  });

  it("checks payment methods, id, retries, timeout and konbini days; refuses unknown options", () => {
    configError({ paymentMethods: ["alipay"] });
    configError({ paymentMethods: [] });
    configError({ paymentMethods: ["card", "card"] });
    configError({ id: "KOMOJU JP" });
    configError({ maxNetworkRetries: -1 });
    configError({ timeoutMs: 0 });
    configError({ konbiniExpiryDays: 0 });
    configError({ konbiniExpiryDays: 60 });
    expect(configError({ now: () => new Date() } as never).message).toContain("now");
    expect(configError({ webhookSecret: SECRET }).message).toContain("webhookSecret");
    expect(createKomojuProvider({ ...valid, id: "komoju-jp" }).id).toBe("komoju-jp");
  });

  it("names every bad option at once; checkKomojuProviderOptions lists the same without throwing", () => {
    const bad = { secretKey: "pk_test_publishable0123", webhookSecrets: "", apiBaseUrl: "ftp://x" };
    const options = ["secretKey", "apiBaseUrl", "webhookSecrets"];
    expect(configError(bad).details).toEqual({
      issues: options.map((option) => ({ option, message: expect.stringContaining(option) })),
    });
    expect(checkKomojuProviderOptions({ ...valid, ...bad }).map((issue) => issue.option)).toEqual(
      options,
    );
    expect(checkKomojuProviderOptions(valid)).toEqual([]);
  });

  it("validates the checkout reader's options the same way", () => {
    const reader = createKomojuCheckoutReader({
      secretKey: KEY,
      apiBaseUrl: "http://127.0.0.1:1/komoju",
    });
    expect(reader.checkoutOrigins).toEqual(["http://127.0.0.1:1"]);
    const error = errorOf(() => createKomojuCheckoutReader({ secretKey: "" }));
    expect(error.message).toContain("KOMOJU checkout reader options");
    expect(errorOf(() => createKomojuCheckoutReader({ ...valid })).message).toContain(
      "webhookSecrets",
    );
  });
});

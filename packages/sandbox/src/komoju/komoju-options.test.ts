import { describe, expect, it } from "@jest/globals";
import { isLinkpayError } from "@linkpay/core";
import type { SandboxOptions } from "../options/sandbox-options";
import { createSandbox } from "../server/create-sandbox";

function configError(options: SandboxOptions): string {
  try {
    createSandbox(options);
  } catch (error) {
    if (isLinkpayError(error, "CONFIG_INVALID")) return error.message;
    throw error;
  }
  throw new Error("expected CONFIG_INVALID");
}

describe("komoju options", () => {
  it("accepts a test key and endpoints with 8+ printable-character secrets", () => {
    expect(() =>
      createSandbox({
        komoju: {
          secretKey: "sk_test_abcdef",
          webhooks: [{ url: "http://127.0.0.1:3000/webhooks/komoju", secret: "a1!b2@c3#" }],
        },
      }),
    ).not.toThrow();
  });

  it("names the bad option without quoting the secret", () => {
    const short = configError({
      komoju: { webhooks: [{ url: "http://127.0.0.1:1/k", secret: "short" }] },
    });
    expect(short).toMatch(/komoju\.webhooks\.0\.secret: a webhook secret token/);
    expect(short).not.toContain('"short"');
    expect(
      configError({ komoju: { webhooks: [{ url: "http://x/k", secret: "has spaces in it" }] } }),
    ).toMatch(/komoju\.webhooks\.0\.secret/);
    expect(configError({ komoju: { secretKey: "sk_live_abcdefgh" } })).toMatch(
      /komoju\.secretKey: a test secret key/,
    );
    expect(configError({ komoju: { webhooks: [{ url: "ftp://x", secret: "12345678" }] } })).toMatch(
      /komoju\.webhooks\.0\.url/,
    );
  });
});

/**
 * @module
 * CSP `form-action` follows the chosen provider (PAYMENT_PROVIDER): the browser may submit forms
 * to KOMOJU's hosted pages and not Stripe's with KOMOJU, and the reverse with Stripe. The app is
 * started with each provider's keys (nothing is called: the header comes from the provider's
 * checkout origins, the ones core's redirect guard also allows).
 */
import { describe, expect, it } from "@jest/globals";
import { HttpShopper } from "@linkpay/rental-car-http-client";
import { startTestApp } from "../test-support/test-app";

const KEYS = {
  stripe: {
    STRIPE_SECRET_KEY: "sk_test_providerCsp0123456789abcdef",
    STRIPE_WEBHOOK_SECRET: "whsec_providerCsp0123456789abcdefghij",
  },
  komoju: {
    KOMOJU_SECRET_KEY: "sk_test_providerCsp0123456789abcdef",
    KOMOJU_WEBHOOK_SECRET: "komoju-provider-csp-token-0123456789",
  },
} as const;

const ORIGINS = { stripe: "https://checkout.stripe.com", komoju: "https://komoju.com" } as const;

/** The sources of `form-action` in the search page's CSP. */
async function formActionOf(provider: "stripe" | "komoju"): Promise<string[]> {
  const app = await startTestApp({ provider, env: KEYS[provider] });
  try {
    expect(app.sandbox).toBeUndefined();
    const page = await new HttpShopper(app.url).get("/?lang=en");
    expect(page.status).toBe(200);
    const csp = page.headers.get("content-security-policy") ?? "";
    const directive = csp.split(";").find((part) => part.trim().startsWith("form-action"));
    return directive?.trim().split(/\s+/).slice(1) ?? [];
  } finally {
    await app.close();
  }
}

describe("CSP form-action follows PAYMENT_PROVIDER", () => {
  it("names KOMOJU's hosted pages and not Stripe's with PAYMENT_PROVIDER=komoju", async () => {
    const sources = await formActionOf("komoju");
    expect(sources).toContain(ORIGINS.komoju);
    expect(sources).not.toContain(ORIGINS.stripe);
  });

  it("names Stripe's hosted pages and not KOMOJU's with PAYMENT_PROVIDER=stripe", async () => {
    const sources = await formActionOf("stripe");
    expect(sources).toContain(ORIGINS.stripe);
    expect(sources).not.toContain(ORIGINS.komoju);
  });
});

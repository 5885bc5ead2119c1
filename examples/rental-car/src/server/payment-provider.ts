/**
 * @module
 * The payment provider: Stripe when keys are configured (real Stripe in test mode, or any
 * Stripe-compatible server at STRIPE_API_URL), otherwise a sandbox started in-process, so the
 * demo needs no keys and no network.
 */
import { randomBytes } from "node:crypto";
import { createSandbox, type Sandbox, type SandboxOptions } from "@linkpay/sandbox";
import { createStripeProvider, type StripeProvider } from "@linkpay/stripe";
import { type AppConfig, stripeProviderOptions } from "../config/config";

/** The provider, and the sandbox when one was started. */
export interface ProviderSetup {
  readonly provider: StripeProvider;
  readonly sandbox: Sandbox | undefined;
  /** Plain-http checkout origins on this machine are allowed (sandbox or local emulator). */
  readonly localCheckout: boolean;
  /** The started sandbox's API key (a throwaway test key; its operator endpoints need it). */
  readonly sandboxKey: string | undefined;
}

function isLoopbackOrigin(origin: string | undefined): boolean {
  if (origin === undefined) return false;
  const host = new URL(origin).hostname;
  return host === "localhost" || host === "127.0.0.1" || host === "[::1]";
}

/** Creates the provider; `webhookUrl` is where a started sandbox delivers events. */
export async function setUpProvider(
  config: AppConfig,
  webhookUrl: string,
  sandboxOverrides: Partial<SandboxOptions> = {},
): Promise<ProviderSetup> {
  if (config.stripe !== undefined) {
    const { checkoutOrigin, apiUrl } = config.stripe;
    const origin = checkoutOrigin ?? apiUrl;
    // The options loadConfig already checked with the provider's own rules.
    const provider = createStripeProvider(stripeProviderOptions(config.stripe));
    return {
      provider,
      sandbox: undefined,
      localCheckout: isLoopbackOrigin(origin),
      sandboxKey: undefined,
    };
  }
  const secretKey = `sk_test_${randomBytes(18).toString("hex")}`;
  const webhookSecret = `whsec_${randomBytes(24).toString("base64url")}`;
  const sandbox = createSandbox({
    port: config.sandboxPort,
    merchantName: "リンクペイ・レンタカー / Linkpay Rent-a-Car",
    apiKey: secretKey,
    webhooks: [{ url: webhookUrl, secret: webhookSecret }],
    ...sandboxOverrides,
  });
  const { origin } = await sandbox.listen();
  const provider = createStripeProvider({
    secretKey,
    webhookSecrets: webhookSecret,
    apiBaseUrl: origin,
    checkoutOrigins: [origin],
    paymentMethodTypes: ["card", "konbini"],
  });
  return { provider, sandbox, localCheckout: true, sandboxKey: secretKey };
}

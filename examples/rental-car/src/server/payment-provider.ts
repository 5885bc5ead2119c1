/**
 * @module
 * The payment provider, as `PAYMENT_PROVIDER` says: Stripe (default) or KOMOJU when its keys are
 * configured (the real service in test mode, or a compatible server at `STRIPE_API_URL` /
 * `KOMOJU_API_URL`), otherwise a sandbox started in-process in that provider's mode, so the demo
 * needs no keys and no network. Everything that depends on the provider (the webhook route, CSP
 * `form-action`, the redirect guard) reads it from the provider this returns.
 */
import type { PaymentProvider } from "@linkpay/core";
import { createKomojuProvider } from "@linkpay/komoju";
import type { Sandbox, SandboxOptions } from "@linkpay/sandbox";
import { createStripeProvider } from "@linkpay/stripe";
import type { AppConfig } from "../config/config";
import { komojuProviderOptions } from "../config/komoju-config";
import type { PaymentProviderName } from "../config/provider-config";
import { stripeProviderOptions } from "../config/stripe-config";
import { startInProcessSandbox } from "./in-process-sandbox";

/** The provider, and the sandbox when one was started. */
export interface ProviderSetup {
  readonly provider: PaymentProvider;
  readonly sandbox: Sandbox | undefined;
  /** Plain-http checkout origins on this machine are allowed (sandbox or local emulator). */
  readonly localCheckout: boolean;
  /** The started sandbox's API key (a throwaway test key; its operator endpoints need it). */
  readonly sandboxKey: string | undefined;
}

/**
 * Where the provider's webhooks arrive: `/webhooks/<provider id>`, the route `mountLinkpay`
 * serves for each provider (the adapters' default ids are the `PAYMENT_PROVIDER` names).
 */
export function webhookPath(provider: PaymentProviderName): string {
  return `/webhooks/${provider}`;
}

function isLoopback(url: string | undefined): boolean {
  if (url === undefined) return false;
  const host = new URL(url).hostname;
  return host === "localhost" || host === "127.0.0.1" || host === "[::1]";
}

/** Creates the provider; `appOrigin` is where a started sandbox delivers the webhooks. */
export async function setUpProvider(
  config: AppConfig,
  appOrigin: string,
  sandboxOverrides: Partial<SandboxOptions> = {},
): Promise<ProviderSetup> {
  // The options loadConfig already checked with each provider's own rules.
  if (config.paymentProvider === "stripe" && config.stripe !== undefined) {
    const { checkoutOrigin, apiUrl } = config.stripe;
    return {
      provider: createStripeProvider(stripeProviderOptions(config.stripe)),
      sandbox: undefined,
      localCheckout: isLoopback(checkoutOrigin ?? apiUrl),
      sandboxKey: undefined,
    };
  }
  if (config.paymentProvider === "komoju" && config.komoju !== undefined) {
    const { checkoutUrl, apiUrl } = config.komoju;
    return {
      provider: createKomojuProvider(komojuProviderOptions(config.komoju)),
      sandbox: undefined,
      localCheckout: isLoopback(checkoutUrl ?? apiUrl),
      sandboxKey: undefined,
    };
  }
  return startInProcessSandbox({
    provider: config.paymentProvider,
    port: config.sandboxPort,
    webhookUrl: `${appOrigin}${webhookPath(config.paymentProvider)}`,
    overrides: sandboxOverrides,
  });
}

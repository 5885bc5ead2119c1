/**
 * @module
 * The demo's payment provider without keys: the sandbox started in this process, with throwaway
 * test keys, and the provider adapter pointed at it. In Stripe mode its webhooks are Stripe's; in
 * KOMOJU mode (`PAYMENT_PROVIDER=komoju`) the app talks to its `/komoju` API and hosted pages and
 * receives KOMOJU's webhooks. The sandbox offers every method its mode has.
 */
import { randomBytes } from "node:crypto";
import { createKomojuProvider } from "@linkpay/komoju";
import { createSandbox, type SandboxOptions } from "@linkpay/sandbox";
import { createStripeProvider } from "@linkpay/stripe";
import type { PaymentProviderName } from "../config/provider-config";
import type { ProviderSetup } from "./payment-provider";

/** Shown on the sandbox's hosted pages. */
const MERCHANT_NAME = "リンクペイ・レンタカー / Linkpay Rent-a-Car";

/** Starts the sandbox in `provider`'s mode, delivering webhooks to `webhookUrl`. */
export async function startInProcessSandbox(input: {
  readonly provider: PaymentProviderName;
  readonly port: number;
  readonly webhookUrl: string;
  readonly overrides: Partial<SandboxOptions>;
}): Promise<ProviderSetup> {
  // One key for both: the API of the chosen mode and the sandbox's operator endpoints.
  const secretKey = `sk_test_${randomBytes(18).toString("hex")}`;
  const komoju = input.provider === "komoju";
  const stripeWebhookSecret = `whsec_${randomBytes(24).toString("base64url")}`;
  const komojuWebhookSecret = randomBytes(24).toString("hex");
  const webhook = komoju
    ? { komoju: { secretKey, webhooks: [{ url: input.webhookUrl, secret: komojuWebhookSecret }] } }
    : { webhooks: [{ url: input.webhookUrl, secret: stripeWebhookSecret }] };
  const sandbox = createSandbox({
    port: input.port,
    merchantName: MERCHANT_NAME,
    apiKey: secretKey,
    ...webhook,
    ...input.overrides,
  });
  const { origin } = await sandbox.listen();
  const provider = komoju
    ? createKomojuProvider({
        secretKey,
        webhookSecrets: komojuWebhookSecret,
        apiBaseUrl: sandbox.komoju.baseUrl,
        paymentMethods: ["card", "konbini", "paypay"],
      })
    : createStripeProvider({
        secretKey,
        webhookSecrets: stripeWebhookSecret,
        apiBaseUrl: origin,
        checkoutOrigins: [origin],
        paymentMethodTypes: ["card", "konbini"],
      });
  return { provider, sandbox, localCheckout: true, sandboxKey: secretKey };
}

/**
 * @module
 * The KOMOJU provider: a factory returning an object literal checked against core's
 * PaymentProvider contract.
 */
import type { PaymentProvider } from "@linkpay/core";
import { assertKomojuCanCharge } from "./checkout/check-request";
import { createCheckout } from "./checkout/create-checkout";
import { fetchSession } from "./checkout/fetch-session";
import { retrieveCheckout } from "./checkout/retrieve-checkout";
import { sessionIdFromUrl } from "./checkout/session-id-from-url";
import { createKomojuClient } from "./client/komoju-client";
import type { KomojuContext } from "./client/komoju-context";
import type { KomojuProviderOptions } from "./options/komoju-provider-options";
import { resolveOptions } from "./options/resolve-options";
import { refundCheckout } from "./refund/refund-checkout";
import { mapKomojuEvent } from "./webhooks/map-komoju-event";
import { verifyKomojuWebhook } from "./webhooks/verify-komoju-webhook";

/**
 * The KOMOJU provider: a PaymentProvider with refunds and hosted URL reading (so it is also a
 * `CheckoutReader`).
 */
export interface KomojuProvider extends PaymentProvider {
  readonly refund: NonNullable<PaymentProvider["refund"]>;
  readonly checkoutSessionIdFromUrl: NonNullable<PaymentProvider["checkoutSessionIdFromUrl"]>;
}

/**
 * Creates the KOMOJU provider. Options are validated now: a bad key, secret or URL throws
 * CONFIG_INVALID naming the option (never its value).
 *
 * @example
 * const komoju = createKomojuProvider({
 *   secretKey: process.env.KOMOJU_SECRET_KEY ?? "",
 *   webhookSecrets: process.env.KOMOJU_WEBHOOK_SECRET ?? "",
 *   paymentMethods: ["card", "konbini", "paypay"],
 * });
 * const payments = createPayments({ providers: [komoju], store, urls });
 */
export function createKomojuProvider(options: KomojuProviderOptions): KomojuProvider {
  const resolved = resolveOptions(options);
  const context: KomojuContext = { client: createKomojuClient(resolved), options: resolved };
  const idFromUrl = sessionIdFromUrl(resolved);
  return {
    id: resolved.id,
    checkoutOrigins: resolved.checkoutOrigins,
    paymentMethods: resolved.paymentMethods,
    checkRequest: (request) => assertKomojuCanCharge(request, resolved.konbiniExpiryDays),
    createCheckout: (input, callOptions) => createCheckout(context, input, callOptions, idFromUrl),
    async parseWebhook({ rawBody, headers }) {
      const json = verifyKomojuWebhook({ rawBody, headers, secrets: resolved.webhookSecrets });
      return mapKomojuEvent(json, {
        provider: resolved.id,
        fetchSession: (id) => fetchSession(context, id),
      });
    },
    retrieveCheckout: (input) => retrieveCheckout(context, input),
    checkoutSessionIdFromUrl: idFromUrl,
    refund: (input, callOptions) => refundCheckout(context, input, callOptions),
  } satisfies KomojuProvider;
}

/**
 * @module
 * @linkpay/komoju — the KOMOJU hosted-session provider for linkpay, on plain `fetch`: cards,
 * konbini and PayPay for Japanese shoppers. Webhooks are verified over the raw bytes (several
 * secrets while rotating); because KOMOJU signs no timestamp, every payment event re-fetches its
 * session and reports the session's current state, so replays and reordering are harmless.
 *
 * @example
 * import { createKomojuProvider } from "@linkpay/komoju";
 * const komoju = createKomojuProvider({
 *   secretKey: process.env.KOMOJU_SECRET_KEY ?? "",
 *   webhookSecrets: process.env.KOMOJU_WEBHOOK_SECRET ?? "",
 *   paymentMethods: ["card", "konbini"],
 * });
 * const payments = createPayments({ providers: [komoju], store, urls });
 */
export {
  KOMOJU_CURRENCIES,
  KOMOJU_KONBINI_MAX_AMOUNT,
  KOMOJU_KONBINI_MAX_DAYS,
} from "./checkout/check-request";
export { LINKPAY_METADATA_KEYS } from "./checkout/linkpay-metadata";
export { createKomojuCheckoutReader } from "./create-komoju-checkout-reader";
export { createKomojuProvider, type KomojuProvider } from "./create-komoju-provider";
export { KOMOJU_BASE_URL } from "./options/base-url";
export type { KomojuOptionIssue } from "./options/connection-options";
export {
  KOMOJU_PAYMENT_TYPES,
  type KomojuCheckoutReaderOptions,
  type KomojuPaymentMethod,
  type KomojuProviderOptions,
} from "./options/komoju-provider-options";
export { checkKomojuProviderOptions } from "./options/resolve-options";
export { KOMOJU_WEBHOOK_EVENTS } from "./webhooks/handled-events";
export {
  KOMOJU_EVENT_HEADER,
  KOMOJU_ID_HEADER,
  KOMOJU_SIGNATURE_HEADER,
} from "./webhooks/komoju-headers";
export { type SignKomojuWebhookInput, signKomojuWebhook } from "./webhooks/sign-komoju-webhook";

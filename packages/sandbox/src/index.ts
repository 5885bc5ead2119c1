/**
 * @module
 * @linkpay/sandbox — an offline payment provider emulator for development, demos and CI: a
 * Stripe-compatible API subset (the official `stripe` SDK works against it), a hosted payment page
 * with test cards, webhooks signed exactly as Stripe signs them, and faults on demand; and a
 * KOMOJU-compatible subset under `/komoju` (sessions, payments, refunds, events, hosted page with
 * card, konbini and PayPay, KOMOJU-signed webhooks).
 * Never use it in production.
 */
export {
  SandboxApiError,
  type StripeErrorBody,
  type StripeErrorType,
} from "./api/sandbox-api-error";
export { type CardOutcome, type DeclineCode, outcomeOf, TEST_CARDS } from "./cards/test-cards";
export type { Clock } from "./clock/clock";
export { SANDBOX_API_VERSION } from "./events/api-version";
export type { FaultSettings, SessionFaultSettings } from "./faults/fault-settings";
export {
  KomojuApiError,
  type KomojuErrorBody,
} from "./komoju/api/komoju-api-error";
export type { KomojuSandbox } from "./komoju/komoju-sandbox";
export type {
  KomojuEvent,
  KomojuEventType,
  KomojuPaymentObject,
  KomojuSessionObject,
} from "./komoju/objects/komoju-shapes";
export type { KomojuSessionSummary } from "./komoju/operator/komoju-session-summary";
export type { SessionSummary } from "./operator/session-summary";
export type {
  DeliveryOptions,
  KomojuOptions,
  KomojuWebhookOptions,
  SandboxOptions,
  WebhookEndpointOptions,
} from "./options/sandbox-options";
export { createSandbox } from "./server/create-sandbox";
export type { Sandbox, SandboxAddress } from "./server/sandbox-handle";
export type {
  DeliveryAttempt,
  DeliveryFilter,
  DeliveryRecord,
  DeliveryStatus,
} from "./webhooks/delivery-record";

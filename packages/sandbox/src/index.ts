/**
 * @module
 * @linkpay/sandbox — an offline payment provider emulator for development, demos and CI: a
 * Stripe-compatible API subset (the official `stripe` SDK works against it), a hosted payment page
 * with test cards, webhooks signed exactly as Stripe signs them, and faults on demand.
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
export type { SessionSummary } from "./operator/session-summary";
export type {
  DeliveryOptions,
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

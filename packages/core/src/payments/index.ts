export { type ApplyResult, applyEvent, mismatchOf, type RejectReason } from "./apply-event";
export {
  buildCheckoutUrl,
  type CheckoutUrl,
  type CheckoutUrlContext,
  type CheckoutUrls,
} from "./checkout-urls";
export {
  createPayments,
  type HandleWebhookInput,
  type Payments,
  type PaymentsOptions,
  type StartCheckoutInput,
} from "./create-payments";
export type { HookContext, PaymentHook, PaymentHooks } from "./hooks";
export { type Logger, redactingLogger, silentLogger } from "./logger";
export { eventFromView, type ReconcileOptions, type ReconcileReport } from "./reconcile";
export {
  type ReconcileRunner,
  type ReconcileRunnerOptions,
  startReconcileRunner,
} from "./reconcile-runner";
export { createReturnLinks, type ReturnLinks, type ReturnLinksOptions } from "./return-links";
export { type CheckedRedirectUrl, idempotencyKeyFor, type StartedCheckout } from "./start-checkout";

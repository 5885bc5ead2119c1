export type { ApplyResult, RejectReason } from "./apply-event";
export type { CheckoutUrl, CheckoutUrlContext, CheckoutUrls } from "./checkout-urls";
export {
  createPayments,
  type HandleWebhookInput,
  type Payments,
  type PaymentsOptions,
  type StartCheckoutInput,
} from "./create-payments";
export type { HistoryEntry, OrderHistory } from "./history";
export type { HookContext, PaymentHook, PaymentHooks } from "./hooks";
export { type Logger, redactingLogger, silentLogger } from "./logger";
export type { ReconcileOptions, ReconcileReport } from "./reconcile";
export {
  type ReconcileRunner,
  type ReconcileRunnerOptions,
  startReconcileRunner,
} from "./reconcile-runner";
export type { RefundRequest, RefundResult } from "./refund";
export { createReturnLinks, type ReturnLinks, type ReturnLinksOptions } from "./return-links";
export type {
  CheckedRedirectUrl,
  NewOrderContext,
  NewOrderWrites,
  StartedCheckout,
} from "./start-checkout";

/**
 * @module
 * @linkpay/core — the provider-agnostic domain of link-type (redirect) card payments: money,
 * checkout requests, the payment state machine, the provider and store contracts, the Payments
 * service and the guards that keep card data and forged redirects out.
 *
 * Exports are listed by name on purpose: what is here is the supported surface (see
 * `api/core.api.md`). Helpers for provider and store authors live on `@linkpay/core/provider-kit`
 * and `@linkpay/core/store-kit`; test support on `/testing` and `/contract-tests`.
 */
export {
  assertNoCardData,
  type CardNumberFinding,
  type CardScanOptions,
  containsCardNumber,
  findCardNumbers,
  redact,
  redactString,
} from "./card-data";
export {
  CHECKOUT_EXPIRY_SECONDS,
  type CheckoutLineItem,
  type CheckoutRequest,
  type CheckoutRequestInput,
  checkoutRequestSchema,
  KONBINI_EXPIRY_DAYS,
  type KonbiniOptions,
  METADATA_LIMITS,
  ORDER_REF_PATTERN,
  PAYMENT_METHODS,
  type PaymentMethod,
  parseCheckoutRequest,
} from "./checkout";
export {
  CSP_REPORT_STORE_LIMIT,
  type CspReportStore,
  type CspViolation,
  createMemoryCspReportStore,
  type MemoryCspReportStoreOptions,
  type StoredCspViolation,
} from "./csp-reports";
export {
  ERROR_CODES,
  type ErrorCode,
  type ErrorKind,
  isLinkpayError,
  LinkpayError,
  type LinkpayErrorOptions,
} from "./errors";
export {
  addMoney,
  CURRENCY_EXPONENTS,
  type CurrencyCode,
  type CurrencyExponent,
  compareMoney,
  currencyExponent,
  formatMoney,
  isCurrencyCode,
  type Money,
  money,
  moneyEquals,
  moneyFromMajor,
  multiplyMoney,
  subtractMoney,
  sumMoney,
  toCurrencyCode,
  toMajorString,
} from "./money";
export {
  type ApplyResult,
  type CheckedRedirectUrl,
  type CheckoutUrl,
  type CheckoutUrlContext,
  type CheckoutUrls,
  createPayments,
  createReturnLinks,
  type HandleWebhookInput,
  type HistoryEntry,
  type HookContext,
  type Logger,
  type NewOrderContext,
  type NewOrderWrites,
  type OrderHistory,
  type PaymentHook,
  type PaymentHooks,
  type Payments,
  type PaymentsOptions,
  type ReconcileOptions,
  type ReconcileReport,
  type ReconcileRunner,
  type ReconcileRunnerOptions,
  type RefundRequest,
  type RefundResult,
  type RejectReason,
  type ReturnLinks,
  type ReturnLinksOptions,
  redactingLogger,
  type StartCheckoutInput,
  type StartedCheckout,
  silentLogger,
  startReconcileRunner,
} from "./payments";
export type {
  CheckoutLifetime,
  CheckoutReader,
  CheckoutView,
  CreateCheckoutInput,
  IgnoredEvent,
  KonbiniStore,
  PaymentEvent,
  PaymentProvider,
  PendingPayment,
  ProviderCallOptions,
  ProviderCheckoutSession,
  ProviderEvent,
  ProviderRefund,
  RefundInput,
  WebhookDelivery,
} from "./provider";
export {
  createMemoryRateLimitStore,
  type RateLimitCount,
  type RateLimitStore,
} from "./rate-limits";
export {
  createRedirectGuard,
  type RedirectGuard,
  type RedirectGuardOptions,
  type RedirectRejectionReason,
} from "./redirect-guard";
export type { RefundRecord, RefundStatus } from "./refunds";
export {
  CLOSED_UNPAID_STATUSES,
  isClosedStatus,
  isPaidStatus,
  PAID_STATUSES,
  PAYMENT_EVENT_KINDS,
  PAYMENT_STATUSES,
  type PaymentEventKind,
  type PaymentStatus,
  UNSETTLED_STATUSES,
} from "./state-machine";
export {
  type AuditEntry,
  type CheckoutAttempt,
  createMemoryStore,
  type EventOutcome,
  type MemoryStoreHandle,
  type NewCheckoutAttempt,
  type PaymentStore,
  type ReceivedEvent,
  type StoreTransaction,
} from "./store";

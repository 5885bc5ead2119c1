export type {
  CheckoutLifetime,
  CheckoutReader,
  CreateCheckoutInput,
  PaymentProvider,
  ProviderCallOptions,
  ProviderCheckoutSession,
  ProviderRefund,
  RefundInput,
  WebhookDelivery,
} from "./payment-provider";
export type {
  CheckoutView,
  IgnoredEvent,
  KonbiniStore,
  PaymentEvent,
  PendingPayment,
  ProviderEvent,
} from "./provider-event";

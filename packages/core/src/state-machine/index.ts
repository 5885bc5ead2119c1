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
} from "./payment-status";
export {
  type NoopReason,
  type PaymentEffect,
  type PaymentState,
  type PaymentStateEvent,
  type TransitionResult,
  transition,
} from "./transition";

export {
  type AuditEntry,
  type CheckoutAttempt,
  type EventOutcome,
  type NewCheckoutAttempt,
  newCheckoutAttempt,
  type ReceivedEvent,
} from "./checkout-attempt";
export { createMemoryStore, type MemoryStoreHandle } from "./memory-store";
export type { PaymentStore, StoreTransaction } from "./payment-store";

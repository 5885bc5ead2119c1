export type {
  AuditEntry,
  CheckoutAttempt,
  EventOutcome,
  NewCheckoutAttempt,
  ReceivedEvent,
} from "./checkout-attempt";
export { createMemoryStore, type MemoryStoreHandle } from "./memory-store";
export type { PaymentStore, StoreTransaction } from "./payment-store";

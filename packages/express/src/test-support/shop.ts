/**
 * @module
 * A small shop for tests: the real fake provider (Standard Webhooks signatures), the real memory
 * store behind a switch that can take it "down", and hooks that count fulfilments and can be
 * told to crash.
 */
import {
  createMemoryStore,
  createPayments,
  type Logger,
  type MemoryStoreHandle,
  type PaymentProvider,
  type PaymentStore,
  type Payments,
  type StartedCheckout,
} from "@linkpay/core";
import { createFakeProvider, type FakeProvider } from "@linkpay/core/testing";

/** The test shop. */
export interface Shop<P extends PaymentProvider = FakeProvider> {
  readonly provider: P;
  readonly store: PaymentStore<MemoryStoreHandle>;
  readonly payments: Payments;
  /** Order refs whose `onPaid` hook completed, in order. */
  readonly paid: string[];
  /** How many times `onPaid` was entered (crashed runs included). */
  hookCalls(): number;
  /** Makes the next `times` onPaid runs throw. */
  crashHook(times: number): void;
  /** Takes the store down (every transaction and read fails) or brings it back. */
  setStoreDown(down: boolean): void;
  /** Starts a checkout for `orderRef` (¥5,000 by default). */
  start(orderRef: string, total?: number): Promise<StartedCheckout>;
}

/** Options of {@link createShop}. */
export interface ShopOptions {
  readonly logger?: Logger | undefined;
  readonly successUrl?: string | undefined;
  /** Runs inside `onPaid` before it records the fulfilment (e.g. to hold the transaction open). */
  readonly duringOnPaid?: (() => Promise<void>) | undefined;
}

/** A new shop with its own fake provider (or the one given) and store. */
export function createShop(
  options: ShopOptions & { readonly provider?: FakeProvider | undefined } = {},
): Shop {
  return shopWith(options.provider ?? createFakeProvider(), options);
}

/** A new shop with its own store, paid through `provider`. */
export function shopWith<P extends PaymentProvider>(
  provider: P,
  options: ShopOptions = {},
): Shop<P> {
  const memory = createMemoryStore();
  let down = false;
  const outage = () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:5432"));
  const store: PaymentStore<MemoryStoreHandle> = {
    ...memory,
    transaction: (work) => (down ? outage() : memory.transaction(work)),
    findLatestAttempt: (input) => (down ? outage() : memory.findLatestAttempt(input)),
  };
  const paid: string[] = [];
  let crashes = 0;
  let calls = 0;
  const payments = createPayments({
    providers: [provider],
    store,
    urls: {
      success: options.successUrl ?? "https://shop.example/checkout/return?order={ORDER_REF}",
      cancel: "https://shop.example/cart",
    },
    hooks: {
      onPaid: async ({ attempt }) => {
        calls++;
        if (crashes > 0) {
          crashes--;
          throw new Error("booking service crashed");
        }
        await options.duringOnPaid?.();
        paid.push(attempt.orderRef);
      },
    },
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
  return {
    provider,
    store,
    payments,
    paid,
    hookCalls: () => calls,
    crashHook: (times) => {
      crashes = times;
    },
    setStoreDown: (value) => {
      down = value;
    },
    start: (orderRef, total = 5000) =>
      payments.startCheckout({
        orderRef,
        currency: "JPY",
        total,
        lineItems: [{ name: "Compact car, 1 day", unitAmount: total, quantity: 1 }],
      }),
  };
}

/** The provider session id of a started checkout (throws when there is none). */
export function sessionOf(started: StartedCheckout): string {
  const id = started.attempt.providerSessionId;
  if (id === null) throw new Error("the checkout has no provider session");
  return id;
}

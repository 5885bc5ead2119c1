/**
 * @module
 * What the return page shows. The stored state decides `paid`; the provider's answer about one
 * open session can only make the page say "processing" or name an unpaid close, never "paid".
 */
import type { CheckoutView, PaymentStatus } from "@linkpay/core";

/** The status a return page renders. `pending`: the checkout is still open. */
export type ReturnStatus =
  | "paid"
  | "processing"
  | "pending"
  | "failed"
  | "expired"
  | "canceled"
  | "refunded";

/** The return status for a stored attempt status. */
export function statusFromStore(status: PaymentStatus): ReturnStatus {
  switch (status) {
    case "open":
      return "pending";
    case "partially_refunded":
    case "refunded":
      return "refunded";
    default:
      return status;
  }
}

/**
 * The return status for an attempt stored `open`, given what the provider says about its session:
 * money taken at the provider but not yet applied here is still only `processing`.
 */
export function statusFromProvider(view: CheckoutView): ReturnStatus {
  switch (view.status) {
    case "failed":
    case "expired":
    case "canceled":
      return view.status;
    case "open":
      return "pending";
    default:
      return "processing";
  }
}

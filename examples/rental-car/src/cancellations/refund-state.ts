/**
 * @module
 * Where a cancellation's refund stands, for the shopper: read from linkpay's refund record (the
 * one asked under the cancellation's key), never guessed from the cancellation alone.
 */
import type { RefundRecord } from "@linkpay/core";
import type { CancellationsTable } from "../db/app-tables";
import { cancellationRefundKey } from "./cancel-booking";

/**
 * - `none`: the policy kept everything, nothing to refund.
 * - `in_progress`: asked, the provider has not confirmed it yet (or the shopper must act first).
 * - `refunded`: the provider refunded it.
 * - `failed`: the provider refused it, or nothing was recorded under the key (linkpay refused to
 *   ask): staff take it over.
 */
export type CancellationRefundState = "none" | "in_progress" | "refunded" | "failed";

/** The state of the refund of `cancellation`, from the order's refund records. */
export function cancellationRefundState(
  reference: string,
  cancellation: Pick<CancellationsTable, "refund_amount">,
  refunds: readonly RefundRecord[],
): CancellationRefundState {
  if (cancellation.refund_amount === 0) return "none";
  const key = cancellationRefundKey(reference);
  const refund = refunds.find((candidate) => candidate.idempotencyKey === key);
  switch (refund?.status) {
    case "succeeded":
      return "refunded";
    case "pending":
    case "requires_action":
      return "in_progress";
    default:
      return "failed";
  }
}

/**
 * @module
 * Refunds of paid sessions, in full or in parts: each updates the charge's cumulative
 * `amount_refunded` and emits `charge.refunded` and `refund.created`.
 */
import { formatMoney } from "@linkpay/core";
import { invalidRequest } from "../api/sandbox-api-error";
import { unixSeconds } from "../clock/clock";
import type { EventCause } from "../events/event-log";
import { newId } from "../ids/new-id";
import { renderRefund } from "../objects/render-refund";
import { assertStripeAmount, moneyFromStripe } from "../objects/stripe-amounts";
import type { AccountRecords } from "../state/account-records";
import type { ChargeRecord, RefundRecord } from "../state/records";
import { emitChargeEvent } from "./emit";
import type { SandboxContext } from "./sandbox-context";

/** What `POST /v1/refunds` asks for. */
export interface RefundInput {
  /** The calling account's records: another account's payment is unknown to it. */
  readonly records: AccountRecords;
  readonly paymentIntentId?: string | undefined;
  readonly chargeId?: string | undefined;
  /** Minor units; default: everything not yet refunded. */
  readonly amount?: number | undefined;
  readonly currency?: string | undefined;
  readonly reason?: RefundRecord["reason"] | undefined;
  readonly metadata: Readonly<Record<string, string>>;
}

function refundableCharge(context: SandboxContext, input: RefundInput): ChargeRecord {
  if (input.chargeId !== undefined) {
    const charge = input.records.charge(input.chargeId, "charge");
    if (charge.status !== "succeeded") {
      throw invalidRequest(`Charge ${charge.id} has not succeeded, so it cannot be refunded.`, {
        param: "charge",
        code: "charge_not_refundable",
      });
    }
    return charge;
  }
  if (input.paymentIntentId === undefined) {
    throw invalidRequest(
      "One of the following params should be provided for this request: payment_intent or charge.",
      { code: "parameter_missing" },
    );
  }
  const intent = input.records.paymentIntent(input.paymentIntentId, "payment_intent");
  const charge =
    intent.latestChargeId === null ? undefined : context.state.charges.get(intent.latestChargeId);
  if (intent.status !== "succeeded" || charge === undefined) {
    throw invalidRequest(
      `This PaymentIntent (${intent.id}) does not have a successful charge to refund.`,
      { param: "payment_intent", code: "charge_not_refundable" },
    );
  }
  return charge;
}

function display(amount: number, currency: string): string {
  return formatMoney(moneyFromStripe(amount, currency), "en-US");
}

/**
 * Refunds (part of) a paid charge and returns the refund.
 *
 * @throws SandboxApiError 400 for an unpaid or fully refunded charge, a currency mismatch or an
 * amount above what is left; 404 for an unknown PaymentIntent or charge (or another account's).
 */
export function createRefund(
  context: SandboxContext,
  input: RefundInput,
  cause: EventCause,
): RefundRecord {
  const charge = refundableCharge(context, input);
  if (input.currency !== undefined && input.currency.toLowerCase() !== charge.currency) {
    throw invalidRequest(
      `The refund currency (${input.currency.toLowerCase()}) must match the charge's currency (${charge.currency}).`,
      { param: "currency", code: "currency_mismatch" },
    );
  }
  const remaining = charge.amount - charge.amountRefunded;
  if (remaining === 0) {
    throw invalidRequest(`Charge ${charge.id} has already been refunded.`, {
      code: "charge_already_refunded",
    });
  }
  const amount = input.amount ?? remaining;
  assertStripeAmount(amount, charge.currency, "amount");
  if (amount > remaining) {
    throw invalidRequest(
      `Refund amount (${display(amount, charge.currency)}) is greater than unrefunded amount on charge (${display(remaining, charge.currency)})`,
      { param: "amount", code: "amount_too_large" },
    );
  }
  const refund: RefundRecord = {
    id: newId("refund"),
    seq: context.state.nextSeq(),
    created: unixSeconds(context.clock),
    chargeId: charge.id,
    paymentIntentId: charge.paymentIntentId,
    amount,
    currency: charge.currency,
    reason: input.reason ?? null,
    metadata: input.metadata,
  };
  context.state.refunds.set(refund.id, refund);
  charge.amountRefunded += amount;
  const sessionId = context.state.paymentIntent(charge.paymentIntentId).sessionId;
  context.logger.info({ sessionId, refundId: refund.id, amount }, "refund created");
  emitChargeEvent(context, "charge.refunded", charge, sessionId, cause);
  context.events.emit("refund.created", renderRefund(refund), sessionId, cause);
  return refund;
}

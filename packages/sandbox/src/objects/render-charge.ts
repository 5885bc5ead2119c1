/**
 * @module
 * Renders a charge record as Stripe's `charge` object.
 */
import type { ChargeRecord } from "../state/records";
import type { ChargeObject, PaymentMethodDetailsObject } from "./stripe-shapes";

function paymentMethodDetails(charge: ChargeRecord): PaymentMethodDetailsObject {
  if (charge.method.type === "konbini") {
    return { type: "konbini", konbini: { store: { chain: charge.method.store } } };
  }
  const { brand, last4, expMonth, expYear } = charge.method.card;
  return {
    type: "card",
    card: {
      brand,
      last4,
      exp_month: expMonth,
      exp_year: expYear,
      funding: "credit",
      country: null,
    },
  };
}

/** The Stripe `charge` object for `charge`. */
export function renderCharge(charge: ChargeRecord): ChargeObject {
  const succeeded = charge.status === "succeeded";
  return {
    id: charge.id,
    object: "charge",
    amount: charge.amount,
    amount_captured: succeeded ? charge.amount : 0,
    amount_refunded: charge.amountRefunded,
    captured: succeeded,
    created: charge.created,
    currency: charge.currency,
    description: null,
    failure_code: charge.failure?.code ?? null,
    failure_message: charge.failure?.message ?? null,
    livemode: false,
    metadata: {},
    paid: succeeded,
    payment_intent: charge.paymentIntentId,
    payment_method: charge.paymentMethodId,
    payment_method_details: paymentMethodDetails(charge),
    refunded: succeeded && charge.amountRefunded === charge.amount,
    status: charge.status,
  };
}

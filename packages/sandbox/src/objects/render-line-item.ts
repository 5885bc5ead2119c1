/**
 * @module
 * Renders a line item record as Stripe's `item` object, with its inline price.
 */
import type { LineItemRecord, SessionRecord } from "../state/records";
import type { LineItemObject } from "./stripe-shapes";

/** The Stripe `item` object for one line of `session`. */
export function renderLineItem(session: SessionRecord, item: LineItemRecord): LineItemObject {
  return {
    id: item.id,
    object: "item",
    amount_discount: 0,
    amount_subtotal: item.amountTotal,
    amount_tax: 0,
    amount_total: item.amountTotal,
    currency: item.currency,
    description: item.name,
    quantity: item.quantity,
    price: {
      id: item.priceId,
      object: "price",
      active: false,
      created: session.created,
      currency: item.currency,
      livemode: false,
      metadata: {},
      nickname: null,
      product: item.productId,
      type: "one_time",
      unit_amount: item.unitAmount,
    },
  };
}

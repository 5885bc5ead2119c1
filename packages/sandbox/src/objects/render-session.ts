/**
 * @module
 * Renders a session record as Stripe's `checkout.session` object. As in Stripe, `url` is set only
 * while the session is open and `payment_intent` stays null until the shopper tries to pay.
 */
import type { SessionRecord } from "../state/records";
import { type ExpandTree, expandedField } from "./expand";
import type { RenderContext } from "./render-context";
import { renderLineItem } from "./render-line-item";
import { renderPaymentIntent } from "./render-payment-intent";
import type { CheckoutSessionObject } from "./stripe-shapes";

/** The hosted payment page of a session. */
export function hostedPageUrl(origin: string, sessionId: string): string {
  return `${origin}/c/pay/${sessionId}`;
}

/** The path of a session's line items list. */
export function lineItemsPath(sessionId: string): string {
  return `/v1/checkout/sessions/${sessionId}/line_items`;
}

/** The Stripe `checkout.session` object for `session`, expanding what `expand` asks for. */
export function renderSession(
  context: RenderContext,
  session: SessionRecord,
  expand: ExpandTree = {},
): CheckoutSessionObject {
  const intentId = session.paymentIntentId;
  const intent = intentId === null ? undefined : context.state.paymentIntents.get(intentId);
  const intentExpand = expandedField(expand, "payment_intent");
  const object: CheckoutSessionObject = {
    id: session.id,
    object: "checkout.session",
    allowed_payment_method_types:
      session.allowedPaymentMethodTypes === null ? null : [...session.allowedPaymentMethodTypes],
    amount_subtotal: session.amountSubtotal,
    amount_total: session.amountTotal,
    cancel_url: session.cancelUrl,
    client_reference_id: session.clientReferenceId,
    created: session.created,
    currency: session.currency,
    customer_email: session.customerEmail,
    expires_at: session.expiresAt,
    livemode: false,
    locale: session.locale,
    metadata: { ...session.metadata },
    mode: "payment",
    payment_intent:
      intentExpand !== undefined && intent !== undefined
        ? renderPaymentIntent(context, intent, intentExpand)
        : intentId,
    payment_method_options:
      session.konbiniExpiresAfterDays === null
        ? null
        : { konbini: { expires_after_days: session.konbiniExpiresAfterDays } },
    payment_method_types: [...session.paymentMethodTypes],
    payment_status: session.paymentStatus,
    status: session.status,
    success_url: session.successUrl,
    ui_mode: "hosted_page",
    url: session.status === "open" ? hostedPageUrl(context.origin, session.id) : null,
  };
  if (expandedField(expand, "line_items") === undefined) return object;
  return {
    ...object,
    line_items: {
      object: "list",
      data: session.lineItems.map((item) => renderLineItem(session, item)),
      has_more: false,
      url: lineItemsPath(session.id),
    },
  };
}

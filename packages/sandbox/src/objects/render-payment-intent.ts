/**
 * @module
 * Renders a PaymentIntent record as Stripe's `payment_intent` object, with `next_action` for a
 * pending 3-D Secure challenge or konbini slip.
 */
import type { PaymentIntentRecord } from "../state/records";
import { type ExpandTree, expandedField } from "./expand";
import { renderCharge } from "./render-charge";
import type { RenderContext } from "./render-context";
import type { NextActionObject, PaymentIntentObject } from "./stripe-shapes";

/** The URL of the konbini slip of a session. */
export function konbiniSlipUrl(origin: string, sessionId: string): string {
  return `${origin}/c/pay/${sessionId}/konbini`;
}

/** The URL of a 3-D Secure challenge page. */
export function challengeUrl(origin: string, sessionId: string, challengeId: string): string {
  return `${origin}/c/pay/${sessionId}/3ds/${challengeId}`;
}

function nextAction(context: RenderContext, intent: PaymentIntentRecord): NextActionObject | null {
  if (intent.status !== "requires_action") return null;
  const voucher = context.state.sessions.get(intent.sessionId)?.konbini;
  if (voucher !== undefined && voucher !== null) {
    const store = {
      confirmation_number: voucher.confirmationNumber,
      payment_code: voucher.paymentCode,
    };
    return {
      type: "konbini_display_details",
      konbini_display_details: {
        expires_at: voucher.expiresAt,
        hosted_voucher_url: konbiniSlipUrl(context.origin, intent.sessionId),
        stores: { familymart: store, lawson: store, ministop: store, seicomart: store },
      },
    };
  }
  const challenge = [...context.state.challenges.values()].find(
    (candidate) => candidate.sessionId === intent.sessionId,
  );
  if (challenge === undefined) return null;
  return {
    type: "redirect_to_url",
    redirect_to_url: {
      url: challengeUrl(context.origin, intent.sessionId, challenge.id),
      return_url: null,
    },
  };
}

/** The Stripe `payment_intent` object for `intent`, expanding `latest_charge` when asked. */
export function renderPaymentIntent(
  context: RenderContext,
  intent: PaymentIntentRecord,
  expand: ExpandTree = {},
): PaymentIntentObject {
  const chargeId = intent.latestChargeId;
  const charge = chargeId === null ? undefined : context.state.charges.get(chargeId);
  const error = intent.lastPaymentError;
  return {
    id: intent.id,
    object: "payment_intent",
    allowed_payment_method_types: null,
    amount: intent.amount,
    amount_capturable: 0,
    amount_received: intent.amountReceived,
    canceled_at: intent.canceledAt,
    cancellation_reason: intent.canceledAt === null ? null : "abandoned",
    capture_method: "automatic",
    confirmation_method: "automatic",
    created: intent.created,
    currency: intent.currency,
    description: intent.description,
    last_payment_error:
      error === null
        ? null
        : {
            type: error.type,
            code: error.code,
            message: error.message,
            ...(error.declineCode === null ? {} : { decline_code: error.declineCode }),
          },
    latest_charge:
      expandedField(expand, "latest_charge") !== undefined && charge !== undefined
        ? renderCharge(charge)
        : chargeId,
    livemode: false,
    metadata: { ...intent.metadata },
    next_action: nextAction(context, intent),
    payment_method: intent.paymentMethodId,
    payment_method_types: [...intent.paymentMethodTypes],
    status: intent.status,
  };
}

/**
 * @module
 * Card payments on the hosted page: approval, declines (the session stays open, as in Stripe) and
 * the 3-D Secure step. Only the card's brand, last four digits and expiry reach these functions.
 */
import { invalidRequest } from "../api/sandbox-api-error";
import type { CardOutcome, DeclineCode } from "../cards/test-cards";
import { newId } from "../ids/new-id";
import type {
  CardDetails,
  PaymentErrorRecord,
  PaymentIntentRecord,
  SessionRecord,
} from "../state/records";
import { emitChargeEvent, emitIntentEvent, emitSessionEvent } from "./emit";
import { ensurePaymentIntent, failIntent, recordCharge, succeedIntent } from "./payment-intents";
import type { SandboxContext } from "./sandbox-context";
import { assertOpen } from "./session-guards";

/** What became of a card payment attempt. */
export type CardPaymentResult =
  | { readonly kind: "succeeded" }
  | { readonly kind: "declined"; readonly declineCode: DeclineCode }
  | { readonly kind: "challenge"; readonly challengeId: string }
  | { readonly kind: "authentication_failed" };

const DECLINE_MESSAGES: Record<DeclineCode, string> = {
  generic_decline: "Your card was declined.",
  insufficient_funds: "Your card has insufficient funds.",
};

const AUTHENTICATION_FAILED: PaymentErrorRecord = {
  type: "card_error",
  code: "payment_intent_authentication_failure",
  declineCode: null,
  message:
    "We are unable to authenticate your payment method. Please choose a different payment method and try again.",
};

function approve(
  context: SandboxContext,
  session: SessionRecord,
  intent: PaymentIntentRecord,
  card: CardDetails,
): CardPaymentResult {
  const charge = recordCharge(context, intent, { type: "card", card }, null);
  succeedIntent(intent);
  session.status = "complete";
  session.paymentStatus = "paid";
  context.logger.info(
    { sessionId: session.id, brand: card.brand, last4: card.last4 },
    "card approved",
  );
  emitChargeEvent(context, "charge.succeeded", charge, session.id);
  emitIntentEvent(context, "payment_intent.succeeded", intent);
  emitSessionEvent(context, "checkout.session.completed", session);
  return { kind: "succeeded" };
}

function decline(
  context: SandboxContext,
  session: SessionRecord,
  intent: PaymentIntentRecord,
  card: CardDetails,
  declineCode: DeclineCode,
): CardPaymentResult {
  const error: PaymentErrorRecord = {
    type: "card_error",
    code: "card_declined",
    declineCode,
    message: DECLINE_MESSAGES[declineCode],
  };
  const charge = recordCharge(context, intent, { type: "card", card }, error);
  failIntent(intent, error);
  context.logger.info(
    { sessionId: session.id, brand: card.brand, last4: card.last4, declineCode },
    "card declined",
  );
  emitChargeEvent(context, "charge.failed", charge, session.id);
  emitIntentEvent(context, "payment_intent.payment_failed", intent);
  return { kind: "declined", declineCode };
}

function forgetChallenges(context: SandboxContext, sessionId: string): void {
  for (const challenge of context.state.challenges.values()) {
    if (challenge.sessionId === sessionId) context.state.challenges.delete(challenge.id);
  }
}

/** Pays `session` with a card whose test outcome is `outcome`. */
export function payWithCard(
  context: SandboxContext,
  session: SessionRecord,
  card: CardDetails,
  outcome: CardOutcome,
): CardPaymentResult {
  assertOpen(session);
  const intent = ensurePaymentIntent(context, session);
  forgetChallenges(context, session.id);
  if (outcome.kind === "approve") return approve(context, session, intent, card);
  if (outcome.kind === "decline")
    return decline(context, session, intent, card, outcome.declineCode);
  const challengeId = newId("challenge");
  context.state.challenges.set(challengeId, { id: challengeId, sessionId: session.id, card });
  intent.status = "requires_action";
  intent.lastPaymentError = null;
  emitIntentEvent(context, "payment_intent.requires_action", intent);
  return { kind: "challenge", challengeId };
}

/**
 * Completes a 3-D Secure challenge: `passed` approves the card, otherwise the PaymentIntent fails
 * with `payment_intent_authentication_failure` and the session stays open.
 *
 * @throws SandboxApiError 404 for an unknown challenge, 400 when the session is no longer open.
 */
export function completeChallenge(
  context: SandboxContext,
  session: SessionRecord,
  challengeId: string,
  passed: boolean,
): CardPaymentResult {
  const challenge = context.state.challenges.get(challengeId);
  if (challenge === undefined || challenge.sessionId !== session.id) {
    throw invalidRequest("This authentication is no longer pending.", {
      status: 404,
      code: "resource_missing",
    });
  }
  context.state.challenges.delete(challengeId);
  assertOpen(session);
  const intent = ensurePaymentIntent(context, session);
  if (passed) return approve(context, session, intent, challenge.card);
  failIntent(intent, AUTHENTICATION_FAILED);
  context.logger.info({ sessionId: session.id }, "3-D Secure authentication failed");
  emitIntentEvent(context, "payment_intent.payment_failed", intent);
  return { kind: "authentication_failed" };
}

/**
 * @module
 * Card payments on the KOMOJU hosted page with the sandbox's test cards: approved cards are
 * captured at once (capture=auto) and complete the session; declined ones leave a `failed`
 * payment while the session stays pending; 3-D Secure cards wait for the challenge page.
 */
import type { CardOutcome } from "../../cards/test-cards";
import { newId } from "../../ids/new-id";
import type { CardDetails } from "../../state/records";
import type { KomojuCardDetails, KomojuSessionRecord } from "../state/komoju-records";
import type { KomojuContext } from "./komoju-context";
import { assertPayable, completeSession, emitPaymentEvent, newPayment } from "./komoju-payments";

/** What became of a card payment attempt. */
export type KomojuCardResult =
  | { readonly kind: "captured" }
  | { readonly kind: "declined" }
  | { readonly kind: "challenge"; readonly challengeId: string };

function komojuCard(card: CardDetails): KomojuCardDetails {
  return {
    type: "credit_card",
    brand: card.brand,
    lastDigits: card.last4,
    month: card.expMonth,
    year: card.expYear,
  };
}

function settle(
  context: KomojuContext,
  session: KomojuSessionRecord,
  card: KomojuCardDetails,
  approved: boolean,
): KomojuCardResult {
  const payment = newPayment(context, session, {
    details: card,
    status: approved ? "captured" : "failed",
  });
  context.logger.info(
    { sessionId: session.id, brand: card.brand, last4: card.lastDigits, approved },
    approved ? "komoju card captured" : "komoju card declined",
  );
  if (approved) completeSession(context, session);
  emitPaymentEvent(context, approved ? "payment.captured" : "payment.failed", payment);
  return { kind: approved ? "captured" : "declined" };
}

/**
 * Pays `session` with a card whose test outcome is `outcome`.
 *
 * @throws KomojuApiError 422 when the session is no longer payable.
 */
export function payKomojuWithCard(
  context: KomojuContext,
  session: KomojuSessionRecord,
  card: CardDetails,
  outcome: CardOutcome,
): KomojuCardResult {
  assertPayable(session);
  context.state.forgetSteps(session.id);
  if (outcome.kind !== "challenge")
    return settle(context, session, komojuCard(card), outcome.kind === "approve");
  const challengeId = newId("challenge");
  context.state.steps.set(challengeId, {
    id: challengeId,
    sessionId: session.id,
    card: komojuCard(card),
  });
  return { kind: "challenge", challengeId };
}

/**
 * Answers a 3-D Secure challenge: `passed` captures, otherwise the payment fails.
 *
 * @returns undefined when the challenge is no longer pending for this session.
 * @throws KomojuApiError 422 when the session is no longer payable.
 */
export function completeKomojuChallenge(
  context: KomojuContext,
  session: KomojuSessionRecord,
  challengeId: string,
  passed: boolean,
): KomojuCardResult | undefined {
  const challenge = context.state.steps.get(challengeId);
  if (challenge === undefined || challenge.sessionId !== session.id) return undefined;
  context.state.steps.delete(challengeId);
  assertPayable(session);
  return settle(context, session, challenge.card, passed);
}

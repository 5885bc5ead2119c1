/**
 * @module
 * The sandbox's test cards (Stripe's public test numbers) and what each one does. Any other
 * number that passes the Luhn check is approved.
 */

/** Test card numbers, without separators. */
export const TEST_CARDS = {
  /** Approved. */
  success: "4242424242424242",
  /** Declined: `card_declined` / `generic_decline`. */
  genericDecline: "4000000000000002",
  /** Declined: `card_declined` / `insufficient_funds`. */
  insufficientFunds: "4000000000009995",
  /** Asks for 3-D Secure authentication first; approved if it passes. */
  threeDSecure: "4000002760003184",
} as const;

/** Why a test card is declined. */
export type DeclineCode = "generic_decline" | "insufficient_funds";

/** What happens when a card is submitted. */
export type CardOutcome =
  | { readonly kind: "approve" }
  | { readonly kind: "decline"; readonly declineCode: DeclineCode }
  | { readonly kind: "challenge" };

/** The outcome of a (Luhn-valid) card number, given as digits only. */
export function outcomeOf(digits: string): CardOutcome {
  switch (digits) {
    case TEST_CARDS.genericDecline:
      return { kind: "decline", declineCode: "generic_decline" };
    case TEST_CARDS.insufficientFunds:
      return { kind: "decline", declineCode: "insufficient_funds" };
    case TEST_CARDS.threeDSecure:
      return { kind: "challenge" };
    default:
      return { kind: "approve" };
  }
}

/**
 * @module
 * Why a rental cannot be booked or priced. Shown to the shopper as a form error, never as a 500:
 * `pricingProblem()` (pricing-problem.ts) turns the code and its details into a sentence in
 * Japanese or English that says what to change.
 */
import type { Bilingual, OpeningHours } from "../catalogue/catalogue";

/** Every code of a pricing or booking-rule refusal. */
export const PRICING_ERROR_CODES = [
  "INVALID_DATE",
  "RETURN_BEFORE_PICK_UP",
  "RENTAL_TOO_LONG",
  "PICK_UP_IN_PAST",
  "PICK_UP_TOO_SOON",
  "PICK_UP_TOO_FAR",
  "PICK_UP_OUTSIDE_HOURS",
  "RETURN_OUTSIDE_HOURS",
  "UNKNOWN_LOCATION",
  "UNKNOWN_CAR_CLASS",
  "UNKNOWN_OPTION",
  "TOO_MANY",
  "ONE_WAY_NOT_OFFERED",
] as const;

/** Stable codes for pricing and booking-rule refusals; callers switch on these, never on text. */
export type PricingErrorCode = (typeof PRICING_ERROR_CODES)[number];

/** The facts a message names (which shop, which hours, which limit); all optional. */
export interface PricingErrorDetails {
  /** The shop whose hours were missed. */
  readonly shop?: Bilingual | undefined;
  readonly hours?: OpeningHours | undefined;
  readonly leadHours?: number | undefined;
  readonly horizonDays?: number | undefined;
  /** The last pick-up date taken, `YYYY-MM-DD` (Japan time). */
  readonly lastPickUpDate?: string | undefined;
  readonly maxDays?: number | undefined;
  /** The option asked for too many times, and its limit. */
  readonly option?: Bilingual | undefined;
  readonly maxQuantity?: number | undefined;
  /** A one-way rental's two shops and the pick-up shop's region. */
  readonly from?: Bilingual | undefined;
  readonly to?: Bilingual | undefined;
  readonly region?: Bilingual | undefined;
}

/** A choice the shop cannot book or price. */
export class PricingError extends Error {
  override readonly name = "PricingError";
  constructor(
    readonly code: PricingErrorCode,
    message: string,
    readonly details: PricingErrorDetails = {},
  ) {
    super(message);
  }
}

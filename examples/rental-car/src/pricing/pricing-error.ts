/**
 * @module
 * Why a rental cannot be priced. Shown to the shopper as a form error, never as a 500.
 */

/** Stable codes for pricing refusals. */
export type PricingErrorCode =
  | "INVALID_DATE"
  | "RETURN_BEFORE_PICK_UP"
  | "RENTAL_TOO_LONG"
  | "UNKNOWN_LOCATION"
  | "UNKNOWN_CAR_CLASS"
  | "UNKNOWN_OPTION"
  | "TOO_MANY"
  | "ONE_WAY_NOT_OFFERED";

/** A choice the shop cannot price. */
export class PricingError extends Error {
  override readonly name = "PricingError";
  constructor(
    readonly code: PricingErrorCode,
    message: string,
  ) {
    super(message);
  }
}

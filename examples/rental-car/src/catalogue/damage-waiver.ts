/**
 * @module
 * The damage-waiver (免責補償) terms: what the shopper pays after an accident without the waiver
 * (the deductible), and the non-operation charge (NOC) the waiver never covers. Amounts in yen, as
 * Japanese rental companies publish them; the waiver's own price is the `cdw` option's.
 */

/** The option code of the collision damage waiver. */
export const DAMAGE_WAIVER_OPTION = "cdw";

/** What the waiver waives: the deductible for damage to the car, and to others' property, each. */
export const DEDUCTIBLE = 50_000;

/** The NOC when the car can still be driven back to the agreed shop. */
export const NOC_DRIVABLE = 20_000;

/** The NOC when it cannot (towed, or left where it stopped). */
export const NOC_NOT_DRIVABLE = 50_000;

/**
 * @module
 * Drop fees for one-way rentals, by pair of cities. A return in the city of pick-up is free
 * (Haneda ↔ Shinagawa, Naha Airport ↔ Kokusai-dori, Fukuoka Airport ↔ Hakata); another city of
 * the same region costs the fee in this table, either way round; a return in another region is not
 * offered (the car would have to be shipped back).
 */

/** The fee for returning a car picked up in one city to another (either direction). */
export interface DropFee {
  readonly cities: readonly [string, string];
  /** Yen, tax included, once per rental. */
  readonly fee: number;
}

/** One-way fees between the cities of a region. */
export const DROP_FEES: readonly DropFee[] = [{ cities: ["chitose", "sapporo"], fee: 3_300 }];

/**
 * The drop fee from `fromCity` to `toCity`: 0 within a city, the table's fee between two cities,
 * undefined when the pair is not offered.
 */
export function dropFeeBetween(fromCity: string, toCity: string): number | undefined {
  if (fromCity === toCity) return 0;
  return DROP_FEES.find(
    ({ cities: [a, b] }) => (a === fromCity && b === toCity) || (a === toCity && b === fromCity),
  )?.fee;
}

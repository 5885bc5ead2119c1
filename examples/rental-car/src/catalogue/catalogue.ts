/**
 * @module
 * What the shop rents out: car classes and options, with prices in yen, and (re-exported from
 * their own files) the shops, drop fees and peak seasons. This is the only source of prices; a
 * request names choices, never amounts.
 */
import type { Bilingual } from "./bilingual";

export type { Bilingual } from "./bilingual";
export { DROP_FEES, type DropFee, dropFeeBetween } from "./drop-fees";
export {
  findLocation,
  findRegion,
  LOCATIONS,
  type Location,
  type OpeningHours,
  REGIONS,
  type Region,
} from "./locations";
export { PEAK_SEASONS, type PeakSeason, peakSeasonOn } from "./seasons";

/** A class of car, priced per day. */
export interface CarClass {
  readonly code: string;
  readonly name: Bilingual;
  /** A typical model, as each language writes it (ヤリス / Yaris). */
  readonly example: Bilingual;
  readonly seats: number;
  readonly dailyRate: number;
}

/** An extra, priced per day or once per rental. */
export interface RentalOption {
  readonly code: string;
  readonly name: Bilingual;
  readonly price: number;
  readonly per: "day" | "rental";
  readonly maxQuantity: number;
}

/** Car classes and their daily rates (yen, tax included). */
export const CAR_CLASSES: readonly CarClass[] = [
  {
    code: "K",
    name: { ja: "軽自動車", en: "Kei car" },
    example: { ja: "N-BOX", en: "N-BOX" },
    seats: 4,
    dailyRate: 5_500,
  },
  {
    code: "C",
    name: { ja: "コンパクト", en: "Compact" },
    example: { ja: "ヤリス", en: "Yaris" },
    seats: 5,
    dailyRate: 7_700,
  },
  {
    code: "H",
    name: { ja: "ハイブリッド", en: "Hybrid sedan" },
    example: { ja: "プリウス", en: "Prius" },
    seats: 5,
    dailyRate: 11_000,
  },
  {
    code: "W",
    name: { ja: "ワゴン", en: "Minivan" },
    example: { ja: "ノア", en: "Noah" },
    seats: 8,
    dailyRate: 15_400,
  },
];

/** Extras a shopper may add. */
export const RENTAL_OPTIONS: readonly RentalOption[] = [
  {
    code: "child-seat",
    name: { ja: "チャイルドシート", en: "Child seat" },
    price: 1_100,
    per: "day",
    maxQuantity: 3,
  },
  {
    code: "cdw",
    name: { ja: "免責補償", en: "Collision damage waiver" },
    price: 1_650,
    per: "day",
    maxQuantity: 1,
  },
  {
    code: "etc-card",
    name: { ja: "ETCカード", en: "ETC card" },
    price: 330,
    per: "rental",
    maxQuantity: 1,
  },
];

/** Finds a car class by code. */
export function findCarClass(code: string): CarClass | undefined {
  return CAR_CLASSES.find((carClass) => carClass.code === code);
}

/** Finds an option by code. */
export function findOption(code: string): RentalOption | undefined {
  return RENTAL_OPTIONS.find((option) => option.code === code);
}

/** Cars per class at each location; the Minivan at Naha Kokusai-dori is the single last car. */
export function fleetSize(location: string, carClass: string): number {
  if (carClass === "W") return location === "NHC" ? 1 : 2;
  return 3;
}

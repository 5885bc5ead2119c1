/**
 * @module
 * What the shop rents out: locations, car classes and options, with prices in yen. This is the
 * only source of prices; a request names choices, never amounts.
 */

/** Text in both languages the site speaks. */
export interface Bilingual {
  readonly ja: string;
  readonly en: string;
}

/** A place where cars are picked up and returned. */
export interface Location {
  readonly code: string;
  readonly name: Bilingual;
  /** Locations in one region can be combined for a one-way rental. */
  readonly region: string;
}

/** A class of car, priced per day. */
export interface CarClass {
  readonly code: string;
  readonly name: Bilingual;
  readonly example: string;
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

/** Pick-up and return locations. */
export const LOCATIONS: readonly Location[] = [
  { code: "CTS", name: { ja: "新千歳空港", en: "New Chitose Airport" }, region: "hokkaido" },
  { code: "SPK", name: { ja: "札幌駅前", en: "Sapporo Station" }, region: "hokkaido" },
  { code: "HND", name: { ja: "羽田空港", en: "Haneda Airport" }, region: "kanto" },
  { code: "SGW", name: { ja: "品川駅前", en: "Shinagawa Station" }, region: "kanto" },
  { code: "OKA", name: { ja: "那覇空港", en: "Naha Airport" }, region: "okinawa" },
  { code: "NHC", name: { ja: "那覇国際通り", en: "Naha Kokusai-dori" }, region: "okinawa" },
  { code: "FUK", name: { ja: "福岡空港", en: "Fukuoka Airport" }, region: "kyushu" },
  { code: "HKT", name: { ja: "博多駅前", en: "Hakata Station" }, region: "kyushu" },
];

/** Car classes and their daily rates (yen, tax included). */
export const CAR_CLASSES: readonly CarClass[] = [
  {
    code: "K",
    name: { ja: "軽自動車", en: "Kei car" },
    example: "N-BOX",
    seats: 4,
    dailyRate: 5_500,
  },
  {
    code: "C",
    name: { ja: "コンパクト", en: "Compact" },
    example: "Yaris",
    seats: 5,
    dailyRate: 7_700,
  },
  {
    code: "H",
    name: { ja: "ハイブリッド", en: "Hybrid sedan" },
    example: "Prius",
    seats: 5,
    dailyRate: 11_000,
  },
  {
    code: "W",
    name: { ja: "ワゴン", en: "Minivan" },
    example: "Noah",
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

/** Drop fee for returning a car elsewhere in the same region (yen). */
export const ONE_WAY_FEE = 3_300;

/** Finds a location by code. */
export function findLocation(code: string): Location | undefined {
  return LOCATIONS.find((location) => location.code === code);
}

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

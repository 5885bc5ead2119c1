/**
 * @module
 * The shops: where cars are picked up and returned, with what a shopper needs to find one (city,
 * address, phone, opening hours, how to get there). The shops are fictional demo data placed in
 * real districts; the phone numbers use subscriber numbers starting with 0, which Japan never
 * assigns, so they cannot ring anyone.
 *
 * `city` decides drop fees: a return in the same city is free (see `drop-fees.ts`). Haneda (Ōta)
 * and Shinagawa (Minato) both count as "Tokyo 23 wards": a shopper thinks of both as Tokyo, and
 * the two shops are 20 minutes apart, which is what a same-city return means in practice.
 */
import type { Bilingual } from "./bilingual";

/** Opening hours, Japan time, the same every day (`HH:MM`, opens before closes). */
export interface OpeningHours {
  readonly opens: string;
  readonly closes: string;
}

/** A shop where cars are picked up and returned. */
export interface Location {
  readonly code: string;
  readonly name: Bilingual;
  /** Locations in one region can be combined for a one-way rental. */
  readonly region: string;
  /** Returns within one city are free; `cityName` is what the shopper reads. */
  readonly city: string;
  readonly cityName: Bilingual;
  readonly address: Bilingual;
  /** Domestic format, e.g. `03-0000-1234`. */
  readonly phone: string;
  /** Cars are handed over and taken back within these hours, Japan time. */
  readonly hours: OpeningHours;
  /** How to reach the counter, in a sentence or two. */
  readonly access: Bilingual;
}

/** A region one-way rentals stay in, with its name. */
export interface Region {
  readonly code: string;
  readonly name: Bilingual;
}

/** The regions, in the order the site lists them. */
export const REGIONS: readonly Region[] = [
  { code: "hokkaido", name: { ja: "北海道", en: "Hokkaido" } },
  { code: "kanto", name: { ja: "関東", en: "Kanto" } },
  { code: "okinawa", name: { ja: "沖縄", en: "Okinawa" } },
  { code: "kyushu", name: { ja: "九州", en: "Kyushu" } },
];

const AIRPORT_HOURS: OpeningHours = { opens: "07:00", closes: "22:00" };
const TOWN_HOURS: OpeningHours = { opens: "08:00", closes: "20:00" };

/** Pick-up and return locations. */
export const LOCATIONS: readonly Location[] = [
  {
    code: "CTS",
    name: { ja: "新千歳空港", en: "New Chitose Airport" },
    region: "hokkaido",
    city: "chitose",
    cityName: { ja: "千歳市", en: "Chitose" },
    address: { ja: "北海道千歳市美々987-22", en: "987-22 Bibi, Chitose, Hokkaido" },
    phone: "0123-00-4521",
    hours: AIRPORT_HOURS,
    access: {
      ja: "国内線ターミナル1階のレンタカーカウンターで受付後、無料送迎バスで約5分。",
      en: "Check in at the rental-car counter, domestic terminal 1F; our free shuttle bus takes about 5 minutes.",
    },
  },
  {
    code: "SPK",
    name: { ja: "札幌駅前", en: "Sapporo Station" },
    region: "hokkaido",
    city: "sapporo",
    cityName: { ja: "札幌市", en: "Sapporo" },
    address: {
      ja: "北海道札幌市北区北7条西4丁目1-2",
      en: "4-1-2 Kita 7-jo Nishi, Kita-ku, Sapporo",
    },
    phone: "011-000-7310",
    hours: TOWN_HOURS,
    access: {
      ja: "JR札幌駅北口から徒歩3分。",
      en: "3 minutes on foot from the north exit of JR Sapporo Station.",
    },
  },
  {
    code: "HND",
    name: { ja: "羽田空港", en: "Haneda Airport" },
    region: "kanto",
    city: "tokyo-23-wards",
    cityName: { ja: "東京23区", en: "Tokyo (23 wards)" },
    address: { ja: "東京都大田区羽田空港3丁目3-2", en: "3-3-2 Haneda Airport, Ota-ku, Tokyo" },
    phone: "03-0000-5561",
    hours: AIRPORT_HOURS,
    access: {
      ja: "第1・第2ターミナル到着ロビーのカウンターで受付後、無料送迎バスで約10分。",
      en: "Check in at our counter in the arrivals hall of Terminal 1 or 2; our free shuttle bus takes about 10 minutes.",
    },
  },
  {
    code: "SGW",
    name: { ja: "品川駅前", en: "Shinagawa Station" },
    region: "kanto",
    city: "tokyo-23-wards",
    cityName: { ja: "東京23区", en: "Tokyo (23 wards)" },
    address: { ja: "東京都港区港南2丁目14-8", en: "2-14-8 Konan, Minato-ku, Tokyo" },
    phone: "03-0000-8842",
    hours: TOWN_HOURS,
    access: {
      ja: "JR品川駅港南口から徒歩4分。",
      en: "4 minutes on foot from the Konan exit of JR Shinagawa Station.",
    },
  },
  {
    code: "OKA",
    name: { ja: "那覇空港", en: "Naha Airport" },
    region: "okinawa",
    city: "naha",
    cityName: { ja: "那覇市", en: "Naha" },
    address: { ja: "沖縄県那覇市鏡水150-3", en: "150-3 Kagamizu, Naha, Okinawa" },
    phone: "098-000-2219",
    hours: AIRPORT_HOURS,
    access: {
      ja: "国内線旅客ターミナル1階を出た先のレンタカー送迎バス乗り場から、無料送迎バスで約10分。",
      en: "Take our free shuttle bus from the rental-car bus stop outside the domestic terminal 1F (about 10 minutes).",
    },
  },
  {
    code: "NHC",
    name: { ja: "那覇国際通り", en: "Naha Kokusai-dori" },
    region: "okinawa",
    city: "naha",
    cityName: { ja: "那覇市", en: "Naha" },
    address: { ja: "沖縄県那覇市牧志2丁目5-11", en: "2-5-11 Makishi, Naha, Okinawa" },
    phone: "098-000-6603",
    hours: TOWN_HOURS,
    access: {
      ja: "ゆいレール牧志駅から徒歩5分、国際通り沿い。",
      en: "On Kokusai-dori, 5 minutes on foot from Makishi Station (Yui Rail).",
    },
  },
  {
    code: "FUK",
    name: { ja: "福岡空港", en: "Fukuoka Airport" },
    region: "kyushu",
    city: "fukuoka",
    cityName: { ja: "福岡市", en: "Fukuoka" },
    address: { ja: "福岡県福岡市博多区上臼井295-7", en: "295-7 Kamiusui, Hakata-ku, Fukuoka" },
    phone: "092-000-3378",
    hours: AIRPORT_HOURS,
    access: {
      ja: "国内線ターミナル1階のレンタカー送迎バス乗り場から、無料送迎バスで約5分。",
      en: "Take our free shuttle bus from the rental-car bus stop, domestic terminal 1F (about 5 minutes).",
    },
  },
  {
    code: "HKT",
    name: { ja: "博多駅前", en: "Hakata Station" },
    region: "kyushu",
    city: "fukuoka",
    cityName: { ja: "福岡市", en: "Fukuoka" },
    address: {
      ja: "福岡県福岡市博多区博多駅東1丁目9-4",
      en: "1-9-4 Hakataekihigashi, Hakata-ku, Fukuoka",
    },
    phone: "092-000-9125",
    hours: TOWN_HOURS,
    access: {
      ja: "JR博多駅筑紫口から徒歩3分。",
      en: "3 minutes on foot from the Chikushi exit of JR Hakata Station.",
    },
  },
];

/** Finds a location by code. */
export function findLocation(code: string): Location | undefined {
  return LOCATIONS.find((location) => location.code === code);
}

/** Finds a region by code. */
export function findRegion(code: string): Region | undefined {
  return REGIONS.find((region) => region.code === code);
}

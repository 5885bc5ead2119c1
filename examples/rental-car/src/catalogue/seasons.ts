/**
 * @module
 * Peak seasons: the dates of the year when a surcharge applies to each rental day, as Japanese
 * rental shops price 年末年始, ゴールデンウィーク and お盆. Dates are Japan-time calendar days,
 * `MM-DD`, both ends included; a period may run over the new year (12-28 to 01-03).
 */
import type { Bilingual } from "./bilingual";

/** A dated period of the year with a surcharge per rental day. */
export interface PeakSeason {
  readonly code: string;
  readonly name: Bilingual;
  /** First and last day, `MM-DD`, both included. */
  readonly from: string;
  readonly to: string;
  /** Added to the car's daily rate for each rental day starting in the period. */
  readonly surchargePercent: number;
}

/** The peak seasons, every year. */
export const PEAK_SEASONS: readonly PeakSeason[] = [
  {
    code: "new-year",
    name: { ja: "年末年始", en: "New Year" },
    from: "12-28",
    to: "01-03",
    surchargePercent: 20,
  },
  {
    code: "golden-week",
    name: { ja: "ゴールデンウィーク", en: "Golden Week" },
    from: "04-29",
    to: "05-05",
    surchargePercent: 20,
  },
  {
    code: "obon",
    name: { ja: "お盆", en: "Obon" },
    from: "08-11",
    to: "08-16",
    surchargePercent: 20,
  },
];

/** The peak season a Japan-time calendar day (`YYYY-MM-DD`) falls in, if any. */
export function peakSeasonOn(date: string): PeakSeason | undefined {
  const day = date.slice(5);
  return PEAK_SEASONS.find((season) =>
    season.from <= season.to
      ? season.from <= day && day <= season.to
      : day >= season.from || day <= season.to,
  );
}

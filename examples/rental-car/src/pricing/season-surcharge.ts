/**
 * @module
 * The peak-season surcharge of a rental: each charged day whose 24-hour block starts on a peak
 * day (Japan time) adds the season's percentage of the car's daily rate, rounded to ¥10. Extra
 * hours are never surcharged. One line per season, named so a shopper sees why the price is
 * higher: 「繁忙期加算(年末年始・2日分)」 / "Peak season surcharge (New Year, 2 days)".
 */
import { type PeakSeason, peakSeasonOn } from "../catalogue/catalogue";
import type { QuoteLine } from "./quote";
import { tokyoDate } from "./rental-period";

const DAY_MS = 86_400_000;

/** The surcharge lines for `days` charged days from `pickUpAt` at `dailyRate`. */
export function seasonSurchargeLines(pickUpAt: Date, days: number, dailyRate: number): QuoteLine[] {
  const counts = new Map<PeakSeason, number>();
  for (let day = 0; day < days; day++) {
    const season = peakSeasonOn(tokyoDate(new Date(pickUpAt.getTime() + day * DAY_MS)));
    if (season !== undefined) counts.set(season, (counts.get(season) ?? 0) + 1);
  }
  return [...counts].map(([season, count]) => ({
    name: {
      ja: `繁忙期加算(${season.name.ja}・${count}日分)`,
      en: `Peak season surcharge (${season.name.en}, ${count} day${count === 1 ? "" : "s"})`,
    },
    unitAmount: Math.round((dailyRate * season.surchargePercent) / 100 / 10) * 10,
    quantity: count,
  }));
}

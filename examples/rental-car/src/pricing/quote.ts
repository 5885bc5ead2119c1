/**
 * @module
 * Prices a rental from the catalogue. The result's lines become the checkout's line items, so the
 * amount the shopper pays is computed here and nowhere else. The lines, in order: the car by
 * 24-hour days (time-charge.ts), its extra hours, any peak-season surcharge (season-surcharge.ts),
 * the options, and last the drop fee of a one-way rental to another city (drop-fees.ts), which
 * `dropFee` also gives on its own so a list can show the price with and without it.
 */
import {
  type Bilingual,
  dropFeeBetween,
  findCarClass,
  findLocation,
  findOption,
  findRegion,
  type Location,
} from "../catalogue/catalogue";
import { PricingError } from "./pricing-error";
import { rentalDays } from "./rental-period";
import { seasonSurchargeLines } from "./season-surcharge";
import { timeCharge } from "./time-charge";

/** What the shopper chose (codes and times only; never prices). */
export interface RentalChoice {
  readonly pickUpLocation: string;
  readonly returnLocation: string;
  readonly pickUpAt: Date;
  readonly returnAt: Date;
  readonly carClass: string;
  readonly options: readonly { readonly code: string; readonly quantity: number }[];
}

/** One priced line. */
export interface QuoteLine {
  readonly name: Bilingual;
  readonly unitAmount: number;
  readonly quantity: number;
}

/** A priced rental, in yen. */
export interface Quote {
  /** Days charged for the car (a run of extra hours worth a day counts as one). */
  readonly days: number;
  /** Hours charged at the hourly rate beyond `days` (0 to 6). */
  readonly extraHours: number;
  readonly lines: readonly QuoteLine[];
  /** Everything, the drop fee included. */
  readonly total: number;
  /** The drop fee within `total` (0 for a return in the city of pick-up). */
  readonly dropFee: number;
  readonly currency: "JPY";
}

function optionLines(choice: RentalChoice, days: number): QuoteLine[] {
  const lines: QuoteLine[] = [];
  for (const { code, quantity } of choice.options) {
    if (quantity === 0) continue;
    const option = findOption(code);
    if (!option) throw new PricingError("UNKNOWN_OPTION", `No option ${code}`);
    if (!Number.isInteger(quantity) || quantity < 0 || quantity > option.maxQuantity) {
      throw new PricingError("TOO_MANY", `At most ${option.maxQuantity} × ${option.name.en}`, {
        option: option.name,
        maxQuantity: option.maxQuantity,
      });
    }
    const perRental = option.per === "rental";
    lines.push({
      name: perRental ? option.name : perDay(option.name, days),
      unitAmount: option.price,
      quantity: perRental ? quantity : quantity * days,
    });
  }
  return lines;
}

function perDay(name: Bilingual, days: number): Bilingual {
  return { ja: `${name.ja}(${days}日分)`, en: `${name.en} (${days} day${days === 1 ? "" : "s"})` };
}

/** The drop fee from `pickUp` to `dropOff`; refuses a pair the table does not offer. */
function dropFeeOf(pickUp: Location, dropOff: Location): number {
  const fee =
    pickUp.region === dropOff.region ? dropFeeBetween(pickUp.city, dropOff.city) : undefined;
  if (fee === undefined) {
    throw new PricingError("ONE_WAY_NOT_OFFERED", "One-way rentals stay within one region", {
      from: pickUp.name,
      to: dropOff.name,
      region: findRegion(pickUp.region)?.name,
    });
  }
  return fee;
}

/** Prices a rental; throws a PricingError for anything the catalogue does not offer. */
export function quote(choice: RentalChoice): Quote {
  const pickUp = findLocation(choice.pickUpLocation);
  const dropOff = findLocation(choice.returnLocation);
  if (!pickUp || !dropOff) throw new PricingError("UNKNOWN_LOCATION", "Unknown location");
  const dropFee = dropFeeOf(pickUp, dropOff);
  const carClass = findCarClass(choice.carClass);
  if (!carClass) throw new PricingError("UNKNOWN_CAR_CLASS", `No car class ${choice.carClass}`);
  const optionDays = rentalDays(choice.pickUpAt, choice.returnAt);
  const time = timeCharge(
    choice.returnAt.getTime() - choice.pickUpAt.getTime(),
    carClass.dailyRate,
  );
  const lines: QuoteLine[] = [
    {
      name: perDay(
        {
          ja: `${carClass.name.ja}(${carClass.example.ja}等)`,
          en: `${carClass.name.en} (${carClass.example.en} or similar)`,
        },
        time.days,
      ),
      unitAmount: carClass.dailyRate,
      quantity: time.days,
    },
  ];
  if (time.extraHours > 0) {
    lines.push({
      name: {
        ja: `追加時間料金(${time.extraHours}時間分)`,
        en: `Extra hours (${time.extraHours} hour${time.extraHours === 1 ? "" : "s"})`,
      },
      unitAmount: time.hourlyRate,
      quantity: time.extraHours,
    });
  }
  lines.push(
    ...seasonSurchargeLines(choice.pickUpAt, time.days, carClass.dailyRate),
    ...optionLines(choice, optionDays),
  );
  if (dropFee > 0) {
    lines.push({
      name: { ja: "乗り捨て料金", en: "One-way drop fee" },
      unitAmount: dropFee,
      quantity: 1,
    });
  }
  const total = lines.reduce((sum, line) => sum + line.unitAmount * line.quantity, 0);
  return { days: time.days, extraHours: time.extraHours, lines, total, dropFee, currency: "JPY" };
}

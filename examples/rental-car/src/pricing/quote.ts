/**
 * @module
 * Prices a rental from the catalogue. The result's lines become the checkout's line items, so the
 * amount the shopper pays is computed here and nowhere else.
 */
import {
  type Bilingual,
  findCarClass,
  findLocation,
  findOption,
  ONE_WAY_FEE,
} from "../catalogue/catalogue";
import { PricingError } from "./pricing-error";
import { rentalDays } from "./rental-period";

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
  readonly days: number;
  readonly lines: readonly QuoteLine[];
  readonly total: number;
  readonly currency: "JPY";
}

function optionLines(choice: RentalChoice, days: number): QuoteLine[] {
  const lines: QuoteLine[] = [];
  for (const { code, quantity } of choice.options) {
    if (quantity === 0) continue;
    const option = findOption(code);
    if (!option) throw new PricingError("UNKNOWN_OPTION", `No option ${code}`);
    if (!Number.isInteger(quantity) || quantity < 0 || quantity > option.maxQuantity) {
      throw new PricingError("TOO_MANY", `At most ${option.maxQuantity} × ${option.name.en}`);
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

/** Prices a rental; throws a PricingError for anything the catalogue does not offer. */
export function quote(choice: RentalChoice): Quote {
  const pickUp = findLocation(choice.pickUpLocation);
  const dropOff = findLocation(choice.returnLocation);
  if (!pickUp || !dropOff) throw new PricingError("UNKNOWN_LOCATION", "Unknown location");
  if (pickUp.region !== dropOff.region) {
    throw new PricingError("ONE_WAY_NOT_OFFERED", "One-way rentals stay within one region");
  }
  const carClass = findCarClass(choice.carClass);
  if (!carClass) throw new PricingError("UNKNOWN_CAR_CLASS", `No car class ${choice.carClass}`);
  const days = rentalDays(choice.pickUpAt, choice.returnAt);
  const lines: QuoteLine[] = [
    {
      name: perDay(
        {
          ja: `${carClass.name.ja}(${carClass.example}等)`,
          en: `${carClass.name.en} (${carClass.example} or similar)`,
        },
        days,
      ),
      unitAmount: carClass.dailyRate,
      quantity: days,
    },
    ...optionLines(choice, days),
  ];
  if (pickUp.code !== dropOff.code) {
    lines.push({
      name: { ja: "乗り捨て料金", en: "One-way drop fee" },
      unitAmount: ONE_WAY_FEE,
      quantity: 1,
    });
  }
  const total = lines.reduce((sum, line) => sum + line.unitAmount * line.quantity, 0);
  return { days, lines, total, currency: "JPY" };
}

/**
 * @module
 * What is being booked, at the top of the booking form and the confirmation step: the car class,
 * the pick-up and return dates and times (Japan time), and the shops with address and hours.
 */

import type { SearchInput } from "../../bookings/booking-form";
import { findCarClass } from "../../catalogue/catalogue";
import { formatTokyoDateTime, type Lang } from "../format";
import { TEXTS } from "../i18n";
import { ShopsInfo } from "./shop-info";

/** The rental's facts and its shops. */
export function RentalSummary(props: {
  readonly lang: Lang;
  readonly search: SearchInput;
  readonly carClass: string;
  readonly pickUpAt: Date;
  readonly returnAt: Date;
}) {
  const { lang, search } = props;
  const texts = TEXTS[lang];
  const carClass = findCarClass(props.carClass);
  return (
    <section class="rental">
      <h2>{texts.yourRental}</h2>
      <dl class="rental-facts">
        <dt>{texts.carClass}</dt>
        <dd class="car-class">
          {carClass === undefined
            ? props.carClass
            : lang === "ja"
              ? `${carClass.name.ja}(${texts.carExample(carClass.example.ja)})`
              : `${carClass.name.en} (${texts.carExample(carClass.example.en)})`}
        </dd>
        <dt>{texts.pickUp}</dt>
        <dd class="pick-up-at">{formatTokyoDateTime(props.pickUpAt.toISOString(), lang)}</dd>
        <dt>{texts.return}</dt>
        <dd class="return-at">{formatTokyoDateTime(props.returnAt.toISOString(), lang)}</dd>
      </dl>
      <ShopsInfo
        lang={lang}
        pickUpLocation={search.pickUpLocation}
        returnLocation={search.returnLocation}
      />
    </section>
  );
}

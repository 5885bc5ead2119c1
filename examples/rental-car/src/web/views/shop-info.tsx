/**
 * @module
 * Where to go: the pick-up shop (and the return shop, when it is another) with its address, phone,
 * opening hours and how to get there, from the catalogue. Used by the search results, the booking
 * pages and the confirmation step.
 */
import { findLocation, type Location } from "../../catalogue/catalogue";
import type { Lang } from "../format";
import { TEXTS } from "../i18n";

/** `07:00` → `7:00`: Japanese and English timetables drop the leading zero. */
function clock(time: string): string {
  return time.replace(/^0(\d)/, "$1");
}

/** `03-0000-5561` → `+81300005561`, for a `tel:` link that works from abroad too. */
export function internationalPhone(domestic: string): string {
  return `+81${domestic.replace(/\D/g, "").replace(/^0/, "")}`;
}

/** One shop's card. `kind` names it: pick-up, return, or both. */
export function ShopInfo(props: {
  readonly lang: Lang;
  readonly location: Location;
  readonly kind: "pickUp" | "return" | "both";
}) {
  const { lang, location } = props;
  const texts = TEXTS[lang];
  return (
    <section class="shop" data-shop={location.code}>
      <h3>
        <span class="shop-role">{texts.shopTitle[props.kind]}</span>
        {location.name[lang]}
      </h3>
      <dl class="shop-facts">
        <dt>{texts.shopAddress}</dt>
        <dd>{location.address[lang]}</dd>
        <dt>{texts.phone}</dt>
        <dd>
          <a href={`tel:${internationalPhone(location.phone)}`}>{location.phone}</a>
        </dd>
        <dt>{texts.shopHours}</dt>
        <dd>{texts.openingHours(clock(location.hours.opens), clock(location.hours.closes))}</dd>
        <dt>{texts.shopAccess}</dt>
        <dd>{location.access[lang]}</dd>
      </dl>
    </section>
  );
}

/** The shops of a rental: one card when the car goes back where it came from, else two. */
export function ShopsInfo(props: {
  readonly lang: Lang;
  readonly pickUpLocation: string;
  readonly returnLocation: string;
}) {
  const pickUp = findLocation(props.pickUpLocation);
  const dropOff = findLocation(props.returnLocation);
  if (pickUp === undefined) return null;
  if (dropOff === undefined || dropOff.code === pickUp.code) {
    return (
      <div class="shops">
        <ShopInfo lang={props.lang} location={pickUp} kind="both" />
      </div>
    );
  }
  return (
    <div class="shops">
      <ShopInfo lang={props.lang} location={pickUp} kind="pickUp" />
      <ShopInfo lang={props.lang} location={dropOff} kind="return" />
    </div>
  );
}

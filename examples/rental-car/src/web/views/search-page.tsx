/**
 * @module
 * The home page: the search form and the classes with their daily rates; after a search, the
 * classes free for it, each with its picture and its price (saying whether the one-way fee is in
 * it), and the shop(s) of the search.
 */

import type { SearchInput } from "../../bookings/booking-form";
import { CAR_CLASSES, type CarClass, LOCATIONS } from "../../catalogue/catalogue";
import { formatYen, type Lang } from "../format";
import { TEXTS } from "../i18n";
import { CarPicture } from "./car-picture";
import { Layout, type PageContext } from "./layout";
import { ShopsInfo } from "./shop-info";

/** One class in the results. */
export interface SearchResult {
  readonly carClass: string;
  readonly free: number;
  readonly days: number;
  /** Hours charged beyond the full days (24-hour blocks plus hours). */
  readonly extraHours?: number | undefined;
  readonly total: number;
  /** The one-way fee inside `total` (0 or undefined: none). */
  readonly dropFee?: number | undefined;
  /** The booking form for this class (a GET URL, choices only). */
  readonly bookHref: string;
}

function LocationSelect(props: { name: string; label: string; value: string; lang: Lang }) {
  return (
    <label>
      {props.label}
      <select name={props.name}>
        {LOCATIONS.map((location) => (
          <option
            key={location.code}
            value={location.code}
            selected={location.code === props.value}
          >
            {location.name[props.lang]}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The search form (GET /search), filled with `search`. */
export function SearchForm(props: { context: PageContext; search: SearchInput }) {
  const { lang } = props.context;
  const texts = TEXTS[lang];
  const { search } = props;
  return (
    <form class="search" method="get" action="/search">
      <LocationSelect
        name="pickUpLocation"
        label={texts.pickUpLocation}
        value={search.pickUpLocation}
        lang={lang}
      />
      <LocationSelect
        name="returnLocation"
        label={texts.returnLocation}
        value={search.returnLocation}
        lang={lang}
      />
      <label>
        {texts.pickUpDate}
        <input type="date" name="pickUpDate" value={search.pickUpDate} required />
      </label>
      <label>
        {texts.pickUpTime}
        <input type="time" name="pickUpTime" value={search.pickUpTime} required />
      </label>
      <label>
        {texts.returnDate}
        <input type="date" name="returnDate" value={search.returnDate} required />
      </label>
      <label>
        {texts.returnTime}
        <input type="time" name="returnTime" value={search.returnTime} required />
      </label>
      <button type="submit">{texts.search}</button>
    </form>
  );
}

/** The home page's overview: every class with its picture and daily rate. */
function Fleet(props: { lang: Lang }) {
  const texts = TEXTS[props.lang];
  return (
    <section class="fleet">
      <h2>{texts.fleetTitle}</h2>
      <ul class="results">
        {CAR_CLASSES.map((carClass) => (
          <li key={carClass.code} class="car" data-class={carClass.code}>
            <CarPicture lang={props.lang} carClass={carClass.code} />
            <div class="car-text">
              <h3>{carClass.name[props.lang]}</h3>
              <CarFacts lang={props.lang} carClass={carClass} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * 「N-BOXなど・4人乗り・1日あたり ￥5,500」 / "N-BOX or similar · 4 seats · ¥5,500 per day": a
 * line may break between the facts, never inside one.
 */
function CarFacts(props: { lang: Lang; carClass: CarClass }) {
  const { lang, carClass } = props;
  const texts = TEXTS[lang];
  const facts = [
    texts.carExample(carClass.example[lang]),
    texts.seats(carClass.seats),
    texts.dailyRate(formatYen(carClass.dailyRate, lang)),
  ];
  return (
    <p class="car-facts">
      {facts.map((fact, index) => (
        <>
          {index > 0 && texts.listSeparator}
          <span class="fact">{fact}</span>
        </>
      ))}
    </p>
  );
}

/** A class's card: picture, what it is, the price for the search, and the way to book it. */
function ResultCard(props: {
  lang: Lang;
  carClass: CarClass;
  result: SearchResult;
  oneWay: boolean;
}) {
  const { lang, carClass, result } = props;
  const texts = TEXTS[lang];
  const dropFee = result.dropFee ?? 0;
  return (
    <li class="car" data-class={carClass.code}>
      <CarPicture lang={lang} carClass={carClass.code} />
      <div class="car-text">
        <h2>{carClass.name[lang]}</h2>
        <CarFacts lang={lang} carClass={carClass} />
        <p class="price">
          <span class="price-days">{texts.days(result.days, result.extraHours)}</span>{" "}
          <strong class="amount">{formatYen(result.total, lang)}</strong>
          {dropFee > 0 && (
            <span class="price-note">{texts.dropFeeIncluded(formatYen(dropFee, lang))}</span>
          )}
          {dropFee === 0 && props.oneWay && <span class="price-note">{texts.noDropFee}</span>}
        </p>
        {result.free > 0 ? (
          <p class="book">
            <span class="left">{texts.carsLeft(result.free)}</span>
            <a class="button" href={result.bookHref}>
              {texts.choose}
            </a>
          </p>
        ) : (
          <p class="sold-out">{texts.soldOut}</p>
        )}
      </div>
    </li>
  );
}

/** The home or results page. */
export function SearchPage(props: {
  context: PageContext;
  search: SearchInput;
  results?: readonly SearchResult[] | undefined;
  problem?: string | undefined;
}) {
  const { lang } = props.context;
  const texts = TEXTS[lang];
  return (
    <Layout context={props.context} title={props.results ? texts.resultsTitle : texts.searchTitle}>
      <p class="tagline">{texts.tagline}</p>
      {props.problem !== undefined && <p class="problem">{props.problem}</p>}
      <SearchForm context={props.context} search={props.search} />
      {props.results === undefined && <Fleet lang={lang} />}
      {props.results !== undefined && props.results.length === 0 && <p>{texts.noResults}</p>}
      {props.results !== undefined && props.results.length > 0 && (
        <>
          <ul class="results">
            {props.results.map((result) => {
              const carClass = CAR_CLASSES.find((candidate) => candidate.code === result.carClass);
              if (carClass === undefined) return null;
              return (
                <ResultCard
                  key={carClass.code}
                  lang={lang}
                  carClass={carClass}
                  result={result}
                  oneWay={props.search.pickUpLocation !== props.search.returnLocation}
                />
              );
            })}
          </ul>
          <ShopsInfo
            lang={lang}
            pickUpLocation={props.search.pickUpLocation}
            returnLocation={props.search.returnLocation}
          />
        </>
      )}
    </Layout>
  );
}

/**
 * @module
 * The home page: the search form, and under it the classes free for the search with their price.
 */

import type { SearchInput } from "../../bookings/booking-form";
import { CAR_CLASSES, LOCATIONS } from "../../catalogue/catalogue";
import { formatYen } from "../format";
import { TEXTS } from "../i18n";
import { Layout, type PageContext } from "./layout";

/** One class in the results. */
export interface SearchResult {
  readonly carClass: string;
  readonly free: number;
  readonly days: number;
  readonly total: number;
  /** The booking form for this class (a GET URL, choices only). */
  readonly bookHref: string;
}

function LocationSelect(props: { name: string; label: string; value: string; lang: "ja" | "en" }) {
  return (
    <label>
      {props.label}
      <select name={props.name}>
        {LOCATIONS.map((location) => (
          <option value={location.code} selected={location.code === props.value}>
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
      {props.results !== undefined && props.results.length === 0 && <p>{texts.noResults}</p>}
      {props.results !== undefined && props.results.length > 0 && (
        <ul class="results">
          {props.results.map((result) => {
            const carClass = CAR_CLASSES.find((candidate) => candidate.code === result.carClass);
            if (carClass === undefined) return null;
            return (
              <li class="car" data-class={carClass.code}>
                <h2>{carClass.name[lang]}</h2>
                <p>
                  {carClass.example} · {texts.seats(carClass.seats)} ·{" "}
                  {formatYen(carClass.dailyRate, lang)} {texts.perDay}
                </p>
                <p class="price">
                  {texts.days(result.days)}: <strong>{formatYen(result.total, lang)}</strong>
                </p>
                {result.free > 0 ? (
                  <p>
                    <span class="left">{texts.carsLeft(result.free)}</span>{" "}
                    <a class="button" href={result.bookHref}>
                      {texts.choose}
                    </a>
                  </p>
                ) : (
                  <p class="sold-out">{texts.soldOut}</p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Layout>
  );
}

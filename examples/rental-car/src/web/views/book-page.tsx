/**
 * @module
 * The booking form: what is being booked (class, dates and times, shops) and its price at the top,
 * then ONE form with the options and the shopper's details, posted to `POST /book/confirm` for the
 * confirmation step. Options count when the form is submitted; nothing is lost by not pressing
 * some other button first. There is no card field: the card is typed on the payment provider's
 * page only.
 */
import type { JSX } from "preact";
import type { CustomerField, CustomerInput, SearchInput } from "../../bookings/booking-form";
import { RENTAL_OPTIONS } from "../../catalogue/catalogue";
import type { Quote } from "../../pricing/quote";
import { formatYen } from "../format";
import { TEXTS } from "../i18n";
import { Layout, type PageContext } from "./layout";
import { QuoteTable } from "./quote-table";
import { RentalSummary } from "./rental-summary";

/** The booking form page. */
export function BookPage(props: {
  context: PageContext;
  search: SearchInput;
  carClass: string;
  /** The priced rental with the options shown; undefined when it cannot be priced. */
  rental?: { quote: Quote; pickUpAt: Date; returnAt: Date } | undefined;
  options: ReadonlyMap<string, number>;
  csrfToken: string;
  /** What the shopper typed (kept across every re-render). */
  customer?: CustomerInput | undefined;
  /** Fields to fix, each shown with its message. */
  invalid?: ReadonlySet<CustomerField> | undefined;
  problem?: string | undefined;
}) {
  const { lang } = props.context;
  const texts = TEXTS[lang];
  const invalid = props.invalid ?? new Set<CustomerField>();
  const searchQuery = new URLSearchParams({ ...props.search, lang }).toString();

  function field(name: CustomerField, label: string, input: JSX.Element) {
    return (
      <div class={invalid.has(name) ? "field invalid" : "field"}>
        <label for={`field-${name}`}>{label}</label>
        {input}
        {invalid.has(name) && (
          <p class="field-problem" id={`problem-${name}`}>
            {texts.fieldProblem[name]}
          </p>
        )}
      </div>
    );
  }
  const aria = (name: CustomerField) =>
    invalid.has(name)
      ? { "aria-invalid": true as const, "aria-describedby": `problem-${name}` }
      : {};

  return (
    <Layout context={props.context} title={texts.bookTitle}>
      {props.problem !== undefined && (
        <p class="problem" role="alert">
          {props.problem}
        </p>
      )}
      {props.rental !== undefined && (
        <RentalSummary
          lang={lang}
          search={props.search}
          carClass={props.carClass}
          pickUpAt={props.rental.pickUpAt}
          returnAt={props.rental.returnAt}
        />
      )}
      <p class="change-search">
        <a href={`/search?${searchQuery}`}>{texts.changeSearch}</a>
      </p>
      {props.rental !== undefined && <QuoteTable lang={lang} quote={props.rental.quote} />}

      <form class="details" method="post" action="/book/confirm">
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        {Object.entries(props.search).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="carClass" value={props.carClass} />

        <fieldset class="options">
          <legend>{texts.options}</legend>
          {RENTAL_OPTIONS.map((option) => (
            <div key={option.code} class="field option">
              <label for={`option-${option.code}`}>
                {option.name[lang]}{" "}
                <span class="option-price">
                  {option.per === "day"
                    ? texts.dailyRate(formatYen(option.price, lang))
                    : texts.rentalRate(formatYen(option.price, lang))}
                </span>
              </label>
              <select id={`option-${option.code}`} name={`option_${option.code}`}>
                {Array.from({ length: option.maxQuantity + 1 }, (_, n) => n).map((quantity) => (
                  <option
                    key={quantity}
                    value={String(quantity)}
                    selected={(props.options.get(option.code) ?? 0) === quantity}
                  >
                    {quantity}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <p class="hint">{texts.optionsHint}</p>
        </fieldset>

        <fieldset class="customer">
          <legend>{texts.yourDetails}</legend>
          {field(
            "name",
            texts.name,
            <input
              id="field-name"
              name="name"
              autocomplete="name"
              required
              maxLength={100}
              value={props.customer?.name}
              {...aria("name")}
            />,
          )}
          {field(
            "kana",
            texts.kana,
            <input
              id="field-kana"
              name="kana"
              required={lang === "ja"}
              maxLength={100}
              value={props.customer?.kana}
              aria-describedby={invalid.has("kana") ? "problem-kana" : "hint-kana"}
              {...(invalid.has("kana") ? { "aria-invalid": true as const } : {})}
            />,
          )}
          <p class="hint" id="hint-kana">
            {texts.kanaHint}
          </p>
          {field(
            "email",
            texts.email,
            <input
              id="field-email"
              type="email"
              name="email"
              autocomplete="email"
              required
              maxLength={254}
              value={props.customer?.email}
              {...aria("email")}
            />,
          )}
          {field(
            "phone",
            texts.phone,
            <input
              id="field-phone"
              type="tel"
              name="phone"
              autocomplete="tel"
              required
              value={props.customer?.phone}
              {...aria("phone")}
            />,
          )}
        </fieldset>
        <button type="submit">{texts.review}</button>
      </form>
    </Layout>
  );
}

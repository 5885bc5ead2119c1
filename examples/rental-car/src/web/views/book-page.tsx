/**
 * @module
 * The booking form: the quote for the chosen class and options, an options form that only
 * re-prices (GET), and the details form that books (POST /bookings). There is no card field:
 * the card is typed on the payment provider's page only.
 */
import { RENTAL_OPTIONS } from "../../catalogue/catalogue";
import type { Quote } from "../../pricing/quote";
import { formatYen } from "../format";
import { TEXTS } from "../i18n";
import { Layout, type PageContext } from "./layout";

/** The booking form page. */
export function BookPage(props: {
  context: PageContext;
  /** Search, class and option fields, carried as hidden inputs (choices only, never prices). */
  choiceFields: Readonly<Record<string, string>>;
  options: ReadonlyMap<string, number>;
  quote: Quote;
  csrfToken: string;
  customer?: { name: string; email: string; phone: string } | undefined;
  problem?: string | undefined;
}) {
  const { lang } = props.context;
  const texts = TEXTS[lang];
  const searchFields = Object.entries(props.choiceFields).filter(
    ([name]) => !name.startsWith("option_"),
  );
  return (
    <Layout context={props.context} title={texts.bookTitle}>
      {props.problem !== undefined && <p class="problem">{props.problem}</p>}
      <table class="quote">
        <tbody>
          {props.quote.lines.map((line) => (
            <tr>
              <td>{line.name[lang]}</td>
              <td class="amount">
                {formatYen(line.unitAmount, lang)} × {line.quantity}
              </td>
              <td class="amount">{formatYen(line.unitAmount * line.quantity, lang)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th colSpan={2}>{texts.total}</th>
            <td class="amount total">{formatYen(props.quote.total, lang)}</td>
          </tr>
        </tfoot>
      </table>

      <form class="options" method="get" action="/book">
        <h2>{texts.options}</h2>
        {searchFields.map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        {RENTAL_OPTIONS.map((option) => (
          <label>
            {option.name[lang]} ({formatYen(option.price, lang)}{" "}
            {option.per === "day" ? texts.perDay : texts.perRental})
            <select name={`option_${option.code}`}>
              {Array.from({ length: option.maxQuantity + 1 }, (_, quantity) => (
                <option
                  value={String(quantity)}
                  selected={props.options.get(option.code) === quantity}
                >
                  {quantity}
                </option>
              ))}
            </select>
          </label>
        ))}
        <button type="submit" class="secondary">
          {texts.total}
        </button>
      </form>

      <form class="details" method="post" action="/bookings">
        <h2>{texts.yourDetails}</h2>
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        {Object.entries(props.choiceFields).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <label>
          {texts.name}
          <input
            name="name"
            autocomplete="name"
            required
            maxLength={100}
            value={props.customer?.name}
          />
        </label>
        <label>
          {texts.email}
          <input
            type="email"
            name="email"
            autocomplete="email"
            required
            maxLength={254}
            value={props.customer?.email}
          />
        </label>
        <label>
          {texts.phone}
          <input
            type="tel"
            name="phone"
            autocomplete="tel"
            required
            value={props.customer?.phone}
          />
        </label>
        <p class="hint">{texts.noCardHere}</p>
        <button type="submit">{texts.payNow}</button>
      </form>
    </Layout>
  );
}

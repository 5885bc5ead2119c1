/**
 * @module
 * A priced rental as a table: one row per line (name, unit price × quantity, amount), the total
 * below. Amounts are right-aligned (`td.amount`); the total cell is `td.amount.total`.
 */
import type { Quote } from "../../pricing/quote";
import { formatYen, type Lang } from "../format";
import { TEXTS } from "../i18n";

/** The quote's lines and total. */
export function QuoteTable(props: { readonly lang: Lang; readonly quote: Quote }) {
  const { lang, quote } = props;
  const texts = TEXTS[lang];
  return (
    <table class="quote">
      <tbody>
        {quote.lines.map((line) => (
          <tr key={line.name.en}>
            <td>{line.name[lang]}</td>
            <td class="amount unit">
              {formatYen(line.unitAmount, lang)} × {line.quantity}
            </td>
            <td class="amount">{formatYen(line.unitAmount * line.quantity, lang)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th colSpan={2}>{texts.total}</th>
          <td class="amount total">{formatYen(quote.total, lang)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

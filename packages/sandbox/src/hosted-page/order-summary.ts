/**
 * @module
 * The order summary: line items and total, formatted with core's `formatMoney` (JPY without
 * decimals) in the page's locale.
 */
import { formatMoney } from "@linkpay/core";
import { moneyFromStripe } from "../objects/stripe-amounts";
import type { SessionRecord } from "../state/records";
import { html, type SafeHtml } from "./html";
import type { PageTexts } from "./texts";

/** A Stripe `amount` of `currency`, formatted for the page (ISK 500000 reads "ISK 5,000"). */
export function displayAmount(amount: number, currency: string, texts: PageTexts): string {
  return formatMoney(moneyFromStripe(amount, currency), texts.locale);
}

/** The line items and total of `session`. */
export function orderSummary(session: SessionRecord, texts: PageTexts): SafeHtml {
  const rows = session.lineItems.map(
    (item) => html`<tr>
<td>${item.name}<br><span class="qty">${texts.quantity(item.quantity)}</span></td>
<td class="amount">${displayAmount(item.amountTotal, session.currency, texts)}</td>
</tr>`,
  );
  return html`<section class="card">
<h1>${texts.title}</h1>
<table>
${rows}
<tr class="total"><td>${texts.total}</td><td class="amount">${displayAmount(session.amountTotal, session.currency, texts)}</td></tr>
</table>
</section>`;
}

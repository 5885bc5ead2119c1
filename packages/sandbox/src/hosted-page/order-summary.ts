/**
 * @module
 * The order summary: line items and total, formatted with core's `formatMoney` (JPY without
 * decimals) in the page's locale. Under a line of several units the unit price and count show, as
 * days when the line's name says it covers that many days (「コンパクト(3日分)」 × 3 reads
 * 「￥7,700 × 3日」, not three cars).
 */
import { formatMoney } from "@linkpay/core";
import { moneyFromStripe } from "../objects/stripe-amounts";
import type { LineItemRecord } from "../state/records";
import { html, type SafeHtml } from "./html";
import type { PageTexts } from "./texts";

/** One line of an order summary (a Stripe line item, or one of a KOMOJU session). */
export type SummaryLine = Pick<LineItemRecord, "name" | "unitAmount" | "quantity" | "amountTotal">;

/** What an order summary shows; amounts in the smallest unit of `currency` (lower case). */
export interface OrderLines {
  readonly lineItems: readonly SummaryLine[];
  readonly currency: string;
  readonly amountTotal: number;
}

/** A Stripe `amount` of `currency`, formatted for the page (ISK 500000 reads "ISK 5,000"). */
export function displayAmount(amount: number, currency: string, texts: PageTexts): string {
  return formatMoney(moneyFromStripe(amount, currency), texts.locale);
}

/** 「(3日分)」 or "(3 days)" in a line's name. */
const DAYS_IN_NAME = /(\d+)\s*日分|(\d+)\s*days?\b/gi;

/** Whether `item` is priced per day: its name counts as many days as its quantity. */
function isPerDay(item: SummaryLine): boolean {
  const last = [...item.name.normalize("NFKC").matchAll(DAYS_IN_NAME)].at(-1);
  return last !== undefined && Number(last[1] ?? last[2]) === item.quantity;
}

function unitLine(item: SummaryLine, currency: string, texts: PageTexts): string | undefined {
  const unitPrice = displayAmount(item.unitAmount, currency, texts);
  if (isPerDay(item)) return texts.unitTimesDays(unitPrice, item.quantity);
  return item.quantity > 1 ? texts.unitTimes(unitPrice, item.quantity) : undefined;
}

/** The line items and total of an order (a session). */
export function orderSummary(session: OrderLines, texts: PageTexts): SafeHtml {
  const rows = session.lineItems.map((item) => {
    const unit = unitLine(item, session.currency, texts);
    return html`<tr>
<td>${item.name}${unit !== undefined && html`<br><span class="unit">${unit}</span>`}</td>
<td class="amount">${displayAmount(item.amountTotal, session.currency, texts)}</td>
</tr>`;
  });
  return html`<section class="card">
<h1>${texts.title}</h1>
<table>
${rows}
<tr class="total"><td>${texts.total}</td><td class="amount">${displayAmount(session.amountTotal, session.currency, texts)}</td></tr>
</table>
</section>`;
}

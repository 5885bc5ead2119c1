/**
 * @module
 * The payment page of an open session: order summary, card form, konbini option when the session
 * allows it, and the way back to the shop. Forms post to the sandbox itself; nothing needs
 * JavaScript. A refused card number is never written back into the form.
 */
import type { SessionRecord } from "../state/records";
import { html, type SafeHtml } from "./html";
import { layout } from "./layout";
import { displayAmount, orderSummary } from "./order-summary";
import { type Language, type PageTexts, type PaymentProblem, TEXTS } from "./texts";

/** What {@link paymentPage} shows. */
export interface PaymentPageInput {
  readonly session: SessionRecord;
  readonly language: Language;
  readonly merchantName: string;
  /** Why the last attempt failed, shown above the form. */
  readonly problem?: PaymentProblem | undefined;
}

function cardForm(session: SessionRecord, texts: PageTexts): SafeHtml {
  const amount = displayAmount(session.amountTotal, session.currency, texts);
  return html`<section class="card">
<h2>${texts.cardHeading}</h2>
<form method="post" action="/c/pay/${session.id}/card">
<label for="number">${texts.cardNumber}</label>
<input id="number" name="number" inputmode="numeric" autocomplete="cc-number" maxlength="23" required>
<label for="exp">${texts.expiry}</label>
<input id="exp" name="exp" autocomplete="cc-exp" placeholder="MM / YY" maxlength="9" required>
<label for="cvc">${texts.cvc}</label>
<input id="cvc" name="cvc" inputmode="numeric" autocomplete="cc-csc" maxlength="4" required>
<label for="name">${texts.cardholder}</label>
<input id="name" name="name" autocomplete="cc-name" maxlength="100">
<button type="submit">${texts.pay(amount)}</button>
</form>
<details>
<summary>${texts.testCardsHeading}</summary>
<ul>${texts.testCards.map(([number, outcome]) => html`<li><code>${number}</code> — ${outcome}</li>`)}</ul>
</details>
</section>`;
}

function konbiniForm(session: SessionRecord, texts: PageTexts): SafeHtml {
  return html`<section class="card">
<h2>${texts.konbiniHeading}</h2>
<p>${texts.konbiniIntro}</p>
<form method="post" action="/c/pay/${session.id}/konbini">
<button type="submit" class="secondary">${texts.konbiniButton}</button>
</form>
</section>`;
}

/** The HTML of the payment page. */
export function paymentPage({
  session,
  language,
  merchantName,
  problem,
}: PaymentPageInput): string {
  const texts = TEXTS[language];
  const content = html`${orderSummary(session, texts)}
${problem !== undefined && html`<p class="error" role="alert">${texts.problems[problem]}</p>`}
${session.paymentMethodTypes.includes("card") && cardForm(session, texts)}
${session.paymentMethodTypes.includes("konbini") && konbiniForm(session, texts)}
${session.cancelUrl !== null && html`<p><a href="${session.cancelUrl}">${texts.cancel}</a></p>`}`;
  return layout({ language, title: texts.title, merchantName, content });
}

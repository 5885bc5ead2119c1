/**
 * @module
 * The payment page of an open session: order summary, card form, konbini option when the session
 * allows it, and the way back to the shop. Forms post to the sandbox itself and are answered with a
 * 303 back here (post/redirect/get); nothing needs JavaScript.
 */
import type { SessionRecord } from "../state/records";
import { cardForm } from "./card-form";
import type { FormFlash } from "./form-flash";
import { html, type SafeHtml } from "./html";
import { layout } from "./layout";
import { orderSummary } from "./order-summary";
import { type Language, type PageTexts, TEXTS } from "./texts";

/** What {@link paymentPage} shows. */
export interface PaymentPageInput {
  readonly session: SessionRecord;
  readonly language: Language;
  readonly merchantName: string;
  /** Why the last attempt failed and what the shopper had typed, shown once. */
  readonly flash?: FormFlash | undefined;
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
export function paymentPage({ session, language, merchantName, flash }: PaymentPageInput): string {
  const texts = TEXTS[language];
  const content = html`${orderSummary(session, texts)}
${
  session.paymentMethodTypes.includes("card") &&
  cardForm(
    {
      action: `/c/pay/${session.id}/card`,
      amountTotal: session.amountTotal,
      currency: session.currency,
    },
    texts,
    flash,
  )
}
${session.paymentMethodTypes.includes("konbini") && konbiniForm(session, texts)}
${session.cancelUrl !== null && html`<p class="cancel"><a href="${session.cancelUrl}">${texts.cancel}</a></p>`}`;
  return layout({ language, title: texts.title, merchantName, content, imitates: "Stripe" });
}

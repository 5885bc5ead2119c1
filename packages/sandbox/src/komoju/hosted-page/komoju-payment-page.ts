/**
 * @module
 * The KOMOJU hosted page of a pending session: order summary, then the payment types the session
 * offers — card (the shared card form), konbini with a store choice, PayPay — and the way back to
 * the shop without paying. With more than one type, a short chooser at the top links to each
 * section (phones would scroll far to reach konbini and PayPay). Forms post to the sandbox and are
 * answered with a 303; no JavaScript.
 */
import { cardForm } from "../../hosted-page/card-form";
import type { FormFlash } from "../../hosted-page/form-flash";
import { html, type SafeHtml } from "../../hosted-page/html";
import { layout } from "../../hosted-page/layout";
import { orderSummary } from "../../hosted-page/order-summary";
import { type Language, type PageTexts, TEXTS } from "../../hosted-page/texts";
import { KOMOJU_STORES, type KomojuSessionRecord } from "../state/komoju-records";
import { orderOf, returnTarget } from "./komoju-order";
import { KOMOJU_TEXTS, type KomojuTexts } from "./komoju-texts";

/** What {@link komojuPaymentPage} shows. */
export interface KomojuPaymentPageInput {
  readonly session: KomojuSessionRecord;
  /** The payment types the page offers now (the session's, less konbini once its deadline passed). */
  readonly paymentTypes: KomojuSessionRecord["paymentTypes"];
  readonly language: Language;
  readonly merchantName: string;
  /** `?lang=…` carried into the forms' actions, or "". */
  readonly lang: string;
  /** Why the last attempt failed (and the kept card fields), shown once. */
  readonly flash?: FormFlash | undefined;
  /** The shopper came back from PayPay without paying. */
  readonly paypayCancelled?: boolean | undefined;
}

/** The order the page shows the payment types in, and each one's section id. */
const KOMOJU_METHOD_ORDER = ["credit_card", "konbini", "paypay"] as const;
const METHOD_SECTION = {
  credit_card: "method-card",
  konbini: "method-konbini",
  paypay: "method-paypay",
} as const;

function konbiniForm(base: string, lang: string, texts: PageTexts, own: KomojuTexts): SafeHtml {
  return html`<section class="card" id="method-konbini">
<h2>${texts.konbiniHeading}</h2>
<p>${own.konbiniIntro}</p>
<form method="post" action="${base}/konbini${lang}">
<fieldset>
<legend>${own.storeLegend}</legend>
${KOMOJU_STORES.map(
  (store) =>
    html`<label><input type="radio" name="store" value="${store}" required> ${own.stores[store]}</label>`,
)}
</fieldset>
<button type="submit" class="secondary">${texts.konbiniButton}</button>
</form>
</section>`;
}

function paypayForm(base: string, lang: string, own: KomojuTexts): SafeHtml {
  return html`<section class="card" id="method-paypay">
<h2>${own.paypayHeading}</h2>
<p>${own.paypayIntro}</p>
<form method="post" action="${base}/paypay${lang}">
<button type="submit" class="secondary">${own.paypayButton}</button>
</form>
</section>`;
}

/** Links to each offered method's section; nothing when there is only one. */
function methodChooser(types: KomojuSessionRecord["paymentTypes"], own: KomojuTexts): SafeHtml {
  const offered = KOMOJU_METHOD_ORDER.filter((type) => types.includes(type));
  if (offered.length < 2) return html``;
  return html`<nav class="methods" aria-label="${own.methodsLabel}">
${offered.map((type) => html`<a href="#${METHOD_SECTION[type]}">${own.methodNames[type]}</a>`)}
</nav>`;
}

/** The HTML of the payment page. */
export function komojuPaymentPage(input: KomojuPaymentPageInput): string {
  const { session, language, merchantName, lang, flash } = input;
  const texts = TEXTS[language];
  const own = KOMOJU_TEXTS[language];
  const order = orderOf(session, texts);
  const base = `/komoju/sessions/${session.id}`;
  const offers = (type: KomojuSessionRecord["paymentTypes"][number]) =>
    input.paymentTypes.includes(type);
  const content = html`${orderSummary(order, texts)}
${input.paypayCancelled === true && html`<p class="error" role="status">${own.paypayCancelled}</p>`}
${methodChooser(input.paymentTypes, own)}
${offers("credit_card") && html`<div id="method-card">${cardForm({ action: `${base}/card${lang}`, amountTotal: order.amountTotal, currency: order.currency }, texts, flash)}</div>`}
${offers("konbini") && konbiniForm(base, lang, texts, own)}
${offers("paypay") && paypayForm(base, lang, own)}
<p class="cancel"><a href="${returnTarget(session)}">${own.leaveWithoutPaying}</a></p>`;
  return layout({ language, title: texts.title, merchantName, content, imitates: "KOMOJU" });
}

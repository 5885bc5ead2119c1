/**
 * @module
 * The card form. Each field asks phones for the right keyboard (`inputmode="numeric"`) and lets
 * browsers autofill it (`cc-number`, `cc-exp`, `cc-csc`, `cc-name`); its `pattern` lets through
 * everything the server reads (spaces, dashes, slashes, full-width digits) so the server's clearer
 * message is the one shoppers see. After a refusal the problem shows next to its field, and the
 * expiry and name come back filled in; the card number and CVC never do.
 */
import type { FormFlash } from "./form-flash";
import { html, type SafeHtml } from "./html";
import { displayAmount } from "./order-summary";
import type { PageTexts, PaymentProblem } from "./texts";

type CardField = "number" | "exp" | "cvc" | "name";

/** The field each input problem belongs to; other problems (declines) concern the whole card. */
const FIELD_OF: Partial<Record<PaymentProblem, CardField>> = {
  invalid_number: "number",
  invalid_expiry: "exp",
  expired_card: "exp",
  invalid_cvc: "cvc",
};

/** Patterns (compiled by browsers with the `v` flag) as permissive as the server's parsing. */
const PATTERNS = {
  number: String.raw`[0-9０-９\s\-]{12,23}`,
  exp: String.raw`[0-9０-９\s\/／\-\.]{3,9}`,
  cvc: "[0-9０-９]{3,4}",
} as const;

interface FieldInput {
  readonly name: CardField;
  readonly label: string;
  /** The field's own attributes. */
  readonly attributes: SafeHtml;
  readonly value?: string | undefined;
  readonly error?: string | undefined;
}

function field({ name, label, attributes, value, error }: FieldInput): SafeHtml {
  const invalid = error !== undefined;
  return html`<div class="field">
<label for="${name}">${label}</label>
<input id="${name}" name="${name}" ${attributes}${value !== undefined && value !== "" && html` value="${value}"`}${invalid && html` aria-invalid="true" aria-describedby="${name}-error" autofocus`}>
${invalid && html`<p class="field-error" id="${name}-error" role="alert">${error}</p>`}
</div>`;
}

/** Where a card form posts and the amount its button names. */
export interface CardFormTarget {
  /** The form's `action` path. */
  readonly action: string;
  /** In the smallest unit of `currency` (lower case). */
  readonly amountTotal: number;
  readonly currency: string;
}

/**
 * The card form (the same field names and ids on the Stripe and the KOMOJU page, so browser tests
 * fill both alike), showing `flash` when the last post was refused.
 */
export function cardForm(target: CardFormTarget, texts: PageTexts, flash?: FormFlash): SafeHtml {
  const amount = displayAmount(target.amountTotal, target.currency, texts);
  const problemField = flash === undefined ? undefined : FIELD_OF[flash.problem];
  const errorOf = (name: CardField) =>
    flash !== undefined && problemField === name ? texts.problems[flash.problem] : undefined;
  const cardProblem = flash !== undefined && problemField === undefined;
  return html`<section class="card">
<h2>${texts.cardHeading}</h2>
${cardProblem && html`<p class="error" id="card-problem" role="alert">${texts.problems[flash.problem]}</p>`}
<form method="post" action="${target.action}">
${field({
  name: "number",
  label: texts.cardNumber,
  attributes: html`inputmode="numeric" autocomplete="cc-number" maxlength="23" pattern="${PATTERNS.number}" placeholder="1234 1234 1234 1234" spellcheck="false" required`,
  error: errorOf("number"),
})}
<div class="row">
${field({
  name: "exp",
  label: texts.expiry,
  attributes: html`inputmode="numeric" autocomplete="cc-exp" maxlength="9" pattern="${PATTERNS.exp}" placeholder="MM/YY" spellcheck="false" required`,
  value: flash?.fields.exp,
  error: errorOf("exp"),
})}
${field({
  name: "cvc",
  label: texts.cvc,
  attributes: html`inputmode="numeric" autocomplete="cc-csc" maxlength="4" pattern="${PATTERNS.cvc}" placeholder="123" spellcheck="false" required`,
  error: errorOf("cvc"),
})}
</div>
${field({
  name: "name",
  label: texts.cardholder,
  attributes: html`autocomplete="cc-name" maxlength="100" spellcheck="false"`,
  value: flash?.fields.name,
})}
<button type="submit">${texts.pay(amount)}</button>
</form>
<details>
<summary>${texts.testCardsHeading}</summary>
<ul>${texts.testCards.map(([number, outcome]) => html`<li><code>${number}</code> — ${outcome}</li>`)}</ul>
</details>
</section>`;
}

/**
 * @module
 * Whether a form field looks like it takes card data. A redirect (SAQ A) merchant has no such
 * field on any of its pages, so one is critical by itself: it is what a fake payment page or an
 * injected skimming form shows the shopper.
 */

const CARD_AUTOCOMPLETE = /^cc-(number|csc|exp|exp-month|exp-year)$/;
const CARD_HINT =
  /card.?(number|no\b|num)|cc.?(num|number)|\bpan\b|cvc|cvv|csc|security.?code|exp(iry|iration).?(date|month|year)?|カード番号|セキュリティ.?コード|有効期限/i;

/** Whether a field with this name, type, autocomplete and hints (id, placeholder, label) is card-like. */
export function isCardLike(field: {
  readonly name: string;
  readonly type: string;
  readonly autocomplete: string;
  readonly hints: string;
}): boolean {
  if (field.type === "hidden" || field.type === "submit" || field.type === "button") return false;
  const tokens = field.autocomplete.split(/\s+/);
  if (tokens.some((token) => CARD_AUTOCOMPLETE.test(token))) return true;
  return CARD_HINT.test(`${field.name} ${field.hints}`);
}

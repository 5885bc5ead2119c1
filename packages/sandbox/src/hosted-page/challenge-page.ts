/**
 * @module
 * The 3-D Secure stand-in: the shopper chooses to complete or fail authentication.
 */
import type { CardDetails } from "../state/records";
import { html } from "./html";
import { layout } from "./layout";
import { type OrderLines, orderSummary } from "./order-summary";
import { type Language, TEXTS } from "./texts";

/** What {@link challengePage} shows. */
export interface ChallengePageInput {
  readonly order: OrderLines;
  /** The card being authenticated. */
  readonly card: Pick<CardDetails, "brand" | "last4">;
  /** Where the answer is posted. */
  readonly action: string;
  readonly language: Language;
  readonly merchantName: string;
  /** Which provider's page this imitates (e.g. `KOMOJU`), named under the banner. */
  readonly imitates?: string | undefined;
}

/** The HTML of the challenge page. */
export function challengePage({
  order,
  card,
  action,
  language,
  merchantName,
  imitates,
}: ChallengePageInput): string {
  const texts = TEXTS[language];
  const content = html`${orderSummary(order, texts)}
<section class="card">
<h2>${texts.challengeHeading}</h2>
<p>${texts.challengeIntro}</p>
<p>${card.brand.toUpperCase()} •••• ${card.last4}</p>
<form method="post" action="${action}">
<button type="submit" name="outcome" value="pass">${texts.challengePass}</button>
<button type="submit" name="outcome" value="fail" class="secondary">${texts.challengeFail}</button>
</form>
</section>`;
  return layout({ language, title: texts.challengeHeading, merchantName, content, imitates });
}

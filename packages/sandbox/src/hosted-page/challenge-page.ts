/**
 * @module
 * The 3-D Secure stand-in: the shopper chooses to complete or fail authentication.
 */
import type { ChallengeRecord, SessionRecord } from "../state/records";
import { html } from "./html";
import { layout } from "./layout";
import { orderSummary } from "./order-summary";
import { type Language, TEXTS } from "./texts";

/** What {@link challengePage} shows. */
export interface ChallengePageInput {
  readonly session: SessionRecord;
  readonly challenge: ChallengeRecord;
  readonly language: Language;
  readonly merchantName: string;
}

/** The HTML of the challenge page. */
export function challengePage({
  session,
  challenge,
  language,
  merchantName,
}: ChallengePageInput): string {
  const texts = TEXTS[language];
  const content = html`${orderSummary(session, texts)}
<section class="card">
<h2>${texts.challengeHeading}</h2>
<p>${texts.challengeIntro}</p>
<p>${challenge.card.brand.toUpperCase()} •••• ${challenge.card.last4}</p>
<form method="post" action="/c/pay/${session.id}/3ds/${challenge.id}">
<button type="submit" name="outcome" value="pass">${texts.challengePass}</button>
<button type="submit" name="outcome" value="fail" class="secondary">${texts.challengeFail}</button>
</form>
</section>`;
  return layout({ language, title: texts.challengeHeading, merchantName, content });
}

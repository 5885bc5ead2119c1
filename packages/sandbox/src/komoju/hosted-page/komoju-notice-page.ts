/**
 * @module
 * Pages shown instead of the KOMOJU payment form: the session is completed, expired, cancelled
 * or unknown, or a form came from another site. Each leads back to the shop when it can.
 */
import { html } from "../../hosted-page/html";
import { layout } from "../../hosted-page/layout";
import { type Language, TEXTS } from "../../hosted-page/texts";
import { KOMOJU_TEXTS } from "./komoju-texts";

/** Which notice to show. */
export type KomojuNoticeKind = "completed" | "expired" | "cancelled" | "notFound" | "forbidden";

/** What {@link komojuNoticePage} shows. */
export interface KomojuNoticeInput {
  readonly kind: KomojuNoticeKind;
  readonly language: Language;
  readonly merchantName: string;
  /** `return_url?session_id=…`, when there is a session. */
  readonly returnUrl?: string | undefined;
}

/** The HTML of a notice page. */
export function komojuNoticePage({
  kind,
  language,
  merchantName,
  returnUrl,
}: KomojuNoticeInput): string {
  const texts = TEXTS[language];
  const own = KOMOJU_TEXTS[language];
  const notices: Record<KomojuNoticeKind, readonly [string, string]> = {
    completed: [texts.completeHeading, texts.completeText],
    expired: [texts.expiredHeading, texts.expiredText],
    cancelled: [own.cancelledHeading, own.cancelledText],
    notFound: [texts.notFoundHeading, texts.notFoundText],
    forbidden: [texts.forbiddenHeading, texts.forbiddenText],
  };
  const [heading, text] = notices[kind];
  const content = html`<section class="card">
<h1>${heading}</h1>
<p>${text}</p>
</section>
${returnUrl !== undefined && html`<p><a class="button" href="${returnUrl}">${texts.backToShop}</a></p>`}`;
  return layout({ language, title: heading, merchantName, content, imitates: "KOMOJU" });
}

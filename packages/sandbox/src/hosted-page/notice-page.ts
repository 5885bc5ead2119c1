/**
 * @module
 * Pages shown instead of the form: the session is complete, expired or unknown, or a form came
 * from another site.
 */
import { html } from "./html";
import { layout } from "./layout";
import { type Language, TEXTS } from "./texts";

/** Which notice to show. */
export type NoticeKind = "complete" | "expired" | "notFound" | "forbidden";

/** What {@link noticePage} shows. */
export interface NoticePageInput {
  readonly kind: NoticeKind;
  readonly language: Language;
  readonly merchantName: string;
  /** A link back to the shop, when there is one. */
  readonly returnUrl?: string | null | undefined;
}

/** The HTML of a notice page. */
export function noticePage({ kind, language, merchantName, returnUrl }: NoticePageInput): string {
  const texts = TEXTS[language];
  const notices: Record<NoticeKind, readonly [string, string]> = {
    complete: [texts.completeHeading, texts.completeText],
    expired: [texts.expiredHeading, texts.expiredText],
    notFound: [texts.notFoundHeading, texts.notFoundText],
    forbidden: [texts.forbiddenHeading, texts.forbiddenText],
  };
  const [heading, text] = notices[kind];
  const content = html`<section class="card">
<h1>${heading}</h1>
<p>${text}</p>
</section>
${typeof returnUrl === "string" && html`<p><a href="${returnUrl}">${texts.backToShop}</a></p>`}`;
  return layout({ language, title: heading, merchantName, content, imitates: "Stripe" });
}

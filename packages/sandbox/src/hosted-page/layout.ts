/**
 * @module
 * The page frame every hosted page shares: the "test sandbox, not a real payment page" banner
 * first, then the merchant and the page's content.
 */
import { html, type SafeHtml } from "./html";
import { STYLESHEET_PATH } from "./stylesheet";
import { type Language, TEXTS } from "./texts";

/** What {@link layout} puts around a page's content. */
export interface LayoutInput {
  readonly language: Language;
  readonly title: string;
  readonly merchantName: string;
  readonly content: SafeHtml;
  /** Which provider's hosted page this imitates (e.g. `KOMOJU`), shown under the banner. */
  readonly imitates?: string | undefined;
}

/** A whole HTML document. */
export function layout({ language, title, merchantName, content, imitates }: LayoutInput): string {
  const texts = TEXTS[language];
  return html`<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} | ${merchantName} | linkpay sandbox</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<p class="banner" role="alert">${texts.banner}</p>
<main>
<p class="merchant">${merchantName}${imitates !== undefined && html`<span class="imitates">${texts.imitates(imitates)}</span>`}</p>
${content}
</main>
</body>
</html>
`.toString();
}

/**
 * @module
 * The page frame: language, header with the language switch, the demo notice, the content, and a
 * footer with the cancellation policy.
 * Rendered on the server by preact-render-to-string, which escapes every interpolated value; no
 * page carries an inline script, and none needs JavaScript.
 */
import { type ComponentChildren, Fragment, h } from "preact";
import { renderToString } from "preact-render-to-string";
import type { Lang } from "../format";
import { TEXTS } from "../i18n";
import { DevOutboxLink } from "./dev-outbox-link";

/** What every page gets. */
export interface PageContext {
  readonly lang: Lang;
  /** The same URL in the other language. */
  readonly otherLanguageHref: string;
  /** Show the "no real payments" banner (sandbox mode). */
  readonly sandbox: boolean;
  /** The banner links to the demo's outbox page (the e-mails are not sent). */
  readonly devOutbox?: boolean | undefined;
}

/** The frame around a page. */
export function Layout(props: {
  readonly context: PageContext;
  readonly title: string;
  /** Seconds after which the page reloads itself (the return page while confirming). */
  readonly refreshSeconds?: number | undefined;
  readonly children: ComponentChildren;
}) {
  const { context, title } = props;
  const texts = TEXTS[context.lang];
  return (
    <html lang={context.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {props.refreshSeconds !== undefined && (
          <meta http-equiv="refresh" content={String(props.refreshSeconds)} />
        )}
        <title>{`${title} | ${texts.siteName}`}</title>
        <link rel="stylesheet" href="/assets/site.css" />
        <link rel="icon" href="/assets/icon.svg" type="image/svg+xml" />
      </head>
      <body>
        <header>
          <a class="brand" href="/">
            {texts.siteName}
          </a>
          <nav>
            <a href="/my-booking">{texts.myBookingTitle}</a>
            <a href={context.otherLanguageHref} hreflang={context.lang === "ja" ? "en" : "ja"}>
              {texts.otherLanguage}
            </a>
          </nav>
        </header>
        {context.sandbox && (
          <p class="notice">
            {texts.sandboxNotice}
            {context.devOutbox && <DevOutboxLink lang={context.lang} />}
          </p>
        )}
        <main>
          <h1>{title}</h1>
          {props.children}
        </main>
        <footer>
          <a href="/cancellation-policy">{texts.policyLink}</a>
          <a href="/my-booking">{texts.myBookingTitle}</a>
        </footer>
      </body>
    </html>
  );
}

/** Renders a page to an HTML document. */
export function renderPage(page: ComponentChildren): string {
  return `<!DOCTYPE html>${renderToString(h(Fragment, null, page))}`;
}

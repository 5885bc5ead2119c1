/**
 * @module
 * The console's page frame. Its style sheet is inline under the response's CSP nonce: the
 * console serves no files at all, so nothing of it is reachable without a session but the
 * sign-in and set-up pages themselves.
 */
import { type ComponentChildren, Fragment, h } from "preact";
import { renderToString } from "preact-render-to-string";
import type { Lang } from "../../web/format";
import { CONSOLE_TEXTS } from "../console-texts";
import type { Staff } from "../staff-accounts";

/** What every console page gets. */
export interface ConsolePageContext {
  readonly lang: Lang;
  readonly otherLanguageHref: string;
  readonly nonce: string;
  /** The signed-in account (undefined on the sign-in and set-up pages). */
  readonly staff?: Staff | undefined;
  /** The CSRF token for the forms of this page. */
  readonly csrfToken: string;
}

const CONSOLE_CSS = `
:root { --ink: #1d2433; --muted: #5b6475; --brand: #3b3f8f; --line: #d9dee7; --bg: #f4f5f9; --bad: #a12020; }
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, "Hiragino Sans", "Noto Sans JP", sans-serif; color: var(--ink); background: var(--bg); line-height: 1.6; }
header { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; justify-content: space-between; align-items: center; padding: 0.6rem 1.25rem; background: var(--brand); color: #fff; }
header a { color: #fff; }
header nav { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; align-items: center; }
header form { display: inline; margin: 0; padding: 0; border: 0; background: none; }
header button { background: #fff; color: var(--brand); padding: 0.2rem 0.7rem; }
.brand { font-weight: 700; word-break: keep-all; }
main { max-width: 64rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
h1 { font-size: 1.4rem; }
h2 { font-size: 1.1rem; margin-top: 1.5rem; }
form { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1rem; margin: 1rem 0; display: grid; gap: 0.75rem; max-width: 36rem; }
form.search { max-width: none; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); align-items: end; }
form.inline { display: inline; border: 0; padding: 0; margin: 0; background: none; }
label { display: grid; gap: 0.25rem; font-size: 0.9rem; color: var(--muted); }
input, select { font: inherit; padding: 0.4rem 0.5rem; border: 1px solid var(--line); border-radius: 6px; color: var(--ink); }
button { font: inherit; background: var(--brand); color: #fff; border: 0; border-radius: 6px; padding: 0.5rem 1rem; cursor: pointer; }
button.danger { background: var(--bad); }
button.secondary { background: #fff; color: var(--brand); border: 1px solid var(--brand); padding: 0.2rem 0.6rem; }
table { width: 100%; border-collapse: collapse; background: #fff; font-size: 0.92rem; }
th, td { border-bottom: 1px solid var(--line); padding: 0.4rem 0.5rem; text-align: left; vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
.amount { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.scroll { overflow-x: auto; }
.scroll table { min-width: 40rem; }
th, td.mono, a.mono { white-space: nowrap; word-break: normal; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1rem; }
dt { color: var(--muted); }
dd { margin: 0; }
.problem { background: #fde8e8; border: 1px solid #f3b4b4; border-radius: 6px; padding: 0.5rem 1rem; }
.ok { background: #e6f4ea; border: 1px solid #a8d5b5; border-radius: 6px; padding: 0.5rem 1rem; }
.hint { color: var(--muted); font-size: 0.9rem; }
.mono { font-family: ui-monospace, monospace; word-break: break-all; }
.qr svg { width: 12rem; height: 12rem; background: #fff; }
pre { white-space: pre-wrap; word-break: break-all; margin: 0; font-size: 0.8rem; }
`;

const ICON = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#3b3f8f"/><text x="16" y="22" font-size="14" text-anchor="middle" fill="#fff" font-family="sans-serif">RC</text></svg>',
)}`;

/** The frame around a console page. */
export function ConsoleLayout(props: {
  readonly context: ConsolePageContext;
  readonly title: string;
  readonly children: ComponentChildren;
}) {
  const { context } = props;
  const texts = CONSOLE_TEXTS[context.lang];
  const staff = context.staff;
  return (
    <html lang={context.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        {/* Inline, so the console serves no file a visitor without a session could fetch. */}
        <link rel="icon" href={ICON} />
        <title>{`${props.title} | ${texts.consoleName}`}</title>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the app's own constant, not input; set as is so the CSS is not HTML-escaped. */}
        <style nonce={context.nonce} dangerouslySetInnerHTML={{ __html: CONSOLE_CSS }} />
      </head>
      <body>
        <header>
          <span class="brand">{texts.consoleName}</span>
          <nav>
            {staff !== undefined && <a href="/">{texts.navBookings}</a>}
            {staff?.role === "manager" && <a href="/staff">{texts.navStaff}</a>}
            {staff?.role === "manager" && <a href="/audit">{texts.navAudit}</a>}
            {staff !== undefined && <a href="/account">{texts.navAccount}</a>}
            <a href={context.otherLanguageHref}>{texts.otherLanguage}</a>
            {staff !== undefined && (
              <>
                <span>{texts.signedInAs(staff.name, texts.roles[staff.role])}</span>
                <form class="inline" method="post" action="/sign-out">
                  <input type="hidden" name="_csrf" value={context.csrfToken} />
                  <button type="submit">{texts.signOut}</button>
                </form>
              </>
            )}
          </nav>
        </header>
        <main>
          <h1>{props.title}</h1>
          {props.children}
        </main>
      </body>
    </html>
  );
}

/** Renders a console page to an HTML document. */
export function renderConsolePage(page: ComponentChildren): string {
  return `<!DOCTYPE html>${renderToString(h(Fragment, null, page))}`;
}

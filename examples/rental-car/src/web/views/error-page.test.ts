/**
 * @module
 * Error pages speak the page's language: the library's problem messages are English, so the page
 * picks its own text by the problem's code, else by its status; a route's own message wins.
 */
import { describe, expect, it } from "@jest/globals";
import { h } from "preact";
import type { Lang } from "../format";
import { TEXTS } from "../i18n";
import { ErrorPage } from "./error-page";
import { renderPage } from "./layout";

function errorPage(lang: Lang, status: number, code?: string, message?: string): string {
  return renderPage(
    h(ErrorPage, {
      context: { lang, otherLanguageHref: "/", sandbox: false },
      status,
      code,
      message,
      requestId: "req-1",
    }),
  );
}

/** The text of the page's problem paragraph. */
function problem(html: string): string | undefined {
  return /<p class="problem">(.*?)<\/p>/.exec(html)?.[1];
}

describe("error pages", () => {
  it("never shows the library's English message on a Japanese page", () => {
    const html = errorPage("ja", 404, "NOT_FOUND");
    expect(problem(html)).toBe(TEXTS.ja.errorMessages.NOT_FOUND);
    expect(html).not.toContain("Not found.");
    expect(html).toContain("エラーコード 404・お問い合わせ番号 req-1");
  });

  it.each([
    ["CARD_DATA_DETECTED", 400],
    ["CROSS_SITE_REQUEST_REFUSED", 403],
    ["RATE_LIMITED", 429],
    ["INTERNAL_ERROR", 500],
  ] as const)("explains %s in both languages", (code, status) => {
    for (const lang of ["ja", "en"] as const) {
      expect(problem(errorPage(lang, status, code))).toBe(TEXTS[lang].errorMessages[code]);
    }
  });

  it("falls back on the status for a code it does not know", () => {
    expect(problem(errorPage("ja", 502, "SOMETHING_NEW"))).toBe(
      TEXTS.ja.errorMessages.INTERNAL_ERROR,
    );
    expect(problem(errorPage("en", 503, "SOMETHING_NEW"))).toBe(TEXTS.en.errorMessages.UNAVAILABLE);
    expect(problem(errorPage("en", 400, "SOMETHING_NEW"))).toBe(TEXTS.en.errorMessages.OTHER);
  });

  it("shows a route's own message as it is", () => {
    expect(problem(errorPage("ja", 403, undefined, "別のブラウザで作成されました。"))).toBe(
      "別のブラウザで作成されました。",
    );
  });
});

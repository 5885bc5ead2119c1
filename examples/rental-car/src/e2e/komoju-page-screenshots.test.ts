/**
 * @module
 * The sandbox's KOMOJU hosted page, as a shopper of the app meets it, in Japanese and English at
 * 1280 and 390 px: the payment page (card form, konbini store choice, PayPay), a declined card,
 * the shop's "not paid yet" page for a shopper who left without paying, and the konbini slip. Saved as `artifacts/screenshots/komoju-<lang>-<width>-<step>.png` (or under
 * `SCREENSHOT_DIR`) for people to look at; checked for horizontal scrolling and, like every
 * browser scenario, for console errors and CSP violations.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import type { Page } from "playwright-core";
import { addDays } from "../pricing/rental-period";
import { repoRoot, requireChromium } from "../test-support/browser";
import { offPeakDate } from "../test-support/off-peak-dates";
import type { TestApp } from "../test-support/test-app";
import type { Lang } from "../web/format";
import { TEXTS } from "../web/i18n";
import { DECLINE_CARD, searchAndBook, shopperFor } from "./booking-steps";
import { browserScenarios } from "./browser-scenarios";
import { payWithCard, takeKonbiniSlip } from "./hosted-page-steps";

const TEST_TIMEOUT_MS = 60_000;

/** The sandbox page's link back to the shop for a shopper who does not pay (its own wording). */
const LEAVE_WITHOUT_PAYING: Readonly<Record<Lang, string>> = {
  ja: "支払わずにショップに戻る",
  en: "Return to the shop without paying",
};
const WIDTHS = [1280, 390] as const;
const DIRECTORY = process.env.SCREENSHOT_DIR ?? join(repoRoot(), "artifacts", "screenshots");

/** How far the page is wider than the viewport. A string: the TypeScript lib has no DOM types. */
const OVERFLOW =
  "Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth)";

/** Saves the page at each width as `komoju-<lang>-<width>-<step>.png`; no horizontal scrolling. */
async function shoot(page: Page, lang: Lang, step: string): Promise<void> {
  mkdirSync(DIRECTORY, { recursive: true });
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    const where = `${lang} ${width}px ${step}`;
    expect({ where, overflowPx: await page.evaluate(OVERFLOW) }).toEqual({ where, overflowPx: 0 });
    await page.screenshot({
      path: join(DIRECTORY, `komoju-${lang}-${width}-${step}.png`),
      fullPage: true,
      type: "png",
    });
  }
}

const runs = requireChromium();
// Skipped only without Chromium, and never under CI=true (requireChromium throws there).
const suite = runs ? describe : describe.skip;

suite("the sandbox's KOMOJU hosted page at 1280 and 390 px (screenshots)", () => {
  const scenarios = browserScenarios({ provider: "komoju" });
  const { scenario } = scenarios;
  let app: TestApp;
  beforeAll(() => {
    app = scenarios.app();
  });

  it.each(["ja", "en"] as const)(
    "shows the payment page, a decline and the slip in %s",
    (lang) =>
      scenario(`komoju-page-${lang}`, lang, async (page) => {
        const pickUp = offPeakDate(new Date(), 10);
        const { hostedUrl } = await searchAndBook(page, app, {
          lang,
          carClass: "C",
          shopper: shopperFor(`komoju-page-${lang}`),
          dates: { pickUp, return: addDays(pickUp, 2) },
          provider: "komoju",
        });
        expect(await page.locator("html").getAttribute("lang")).toBe(lang);
        await shoot(page, lang, "1-payment");
        await payWithCard(page, "komoju", DECLINE_CARD);
        expect(new URL(page.url()).pathname).toBe(new URL(hostedUrl).pathname);
        await shoot(page, lang, "2-declined");
        // Leaving without paying: KOMOJU sends the shopper to the return URL all the same.
        await page.getByRole("link", { name: LEAVE_WITHOUT_PAYING[lang] }).click();
        await page.getByRole("heading", { name: TEXTS[lang].notPaidTitle }).waitFor();
        await shoot(page, lang, "2b-not-paid");
        await page.getByRole("button", { name: TEXTS[lang].backToPayment }).click();
        await page.waitForURL((url) => url.pathname === new URL(hostedUrl).pathname);
        await takeKonbiniSlip(page, "komoju");
        await shoot(page, lang, "3-slip");
      })(),
    TEST_TIMEOUT_MS,
  );
});

/**
 * @module
 * Every page a shopper sees, in Japanese and English, at 1280 and 390 px wide, in Chromium: home,
 * results, the booking form, the confirmation step, the sandbox's payment page, the return page while the payment is checked and once confirmed, the booking page, the
 * cancel page, "find my booking" and its miss, the cancellation policy and an error page. Each is
 * saved as a PNG (`artifacts/screenshots/<lang>-<width>-<page>.png` at the repository root, or
 * under `SCREENSHOT_DIR`) for people to look at, and checked for what a machine can check: no
 * horizontal scrolling, the site name on one line, every amount in a table right-aligned in
 * tabular figures, tap targets of at least 44 px on a phone, and no console error or CSP
 * violation on any page (the error page's own 404 aside).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, repoRoot, requireChromium, watchPage } from "../test-support/browser";
import { pollUntil } from "../test-support/poll-until";
import { startTestApp, type TestApp } from "../test-support/test-app";
import type { Lang } from "../web/format";
import { TEXTS } from "../web/i18n";
import { defaultSearch } from "../web/routes/search-routes";
import {
  acceptAndContinue,
  bookingByEmail,
  fillBookingForm,
  type KnownProblem,
  PAGE_WAIT_MS,
  payWithCard,
  SUCCESS_CARD,
  sandboxOf,
  shopperFor,
  unexpectedProblems,
  waitForHeading,
  waitForReturnPage,
} from "./booking-steps";

const WIDTHS = [1280, 390] as const;
const PHONE_WIDTH = 390;
/** The smallest comfortable tap target (Apple's and Google's guidance), in CSS pixels. */
const MIN_TAP_PX = 44;
const TEST_TIMEOUT_MS = 120_000;

const DIRECTORY = process.env.SCREENSHOT_DIR ?? join(repoRoot(), "artifacts", "screenshots");

/** What the layout check measures in a page. */
interface LayoutFacts {
  /** How far the page is wider than the viewport (0: no horizontal scrolling). */
  readonly overflowPx: number;
  /** Line boxes of the site name in the header (absent on the sandbox's page: null). */
  readonly brandLines: number | null;
  /** Amount cells not right-aligned or not in tabular figures, as `text (align, figures)`. */
  readonly badAmounts: readonly string[];
  /** How many amount cells there are. */
  readonly amounts: number;
  /** Buttons, fields and header links lower than the tap minimum, as `tag text height`. */
  readonly smallTargets: readonly string[];
}

/**
 * Measures the page. A string, not a function: the project's TypeScript lib has no DOM types.
 * An amount cell is a table cell with the `amount` class or whose whole text is a yen amount.
 */
const MEASURE = `(() => {
  const root = document.documentElement;
  const brand = document.querySelector("header .brand");
  let brandLines = null;
  if (brand) {
    const range = document.createRange();
    range.selectNodeContents(brand);
    brandLines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
  }
  const cells = [...document.querySelectorAll("table td, table th")].filter(
    (cell) => cell.classList.contains("amount") || /^[¥￥][\\d,]+$/.test(cell.textContent.trim()),
  );
  const badAmounts = cells
    .map((cell) => [cell, getComputedStyle(cell)])
    .filter(([, style]) => style.textAlign !== "right" || !style.fontVariantNumeric.includes("tabular-nums"))
    .map(([cell, style]) => cell.textContent.trim() + " (" + style.textAlign + ", " + style.fontVariantNumeric + ")");
  const targets = [...document.querySelectorAll(
    "button, a.button, select, input:not([type=hidden]):not([type=checkbox]):not([type=radio]), header a",
  )];
  const smallTargets = targets
    .map((element) => [element, element.getBoundingClientRect()])
    .filter(([, rect]) => rect.width > 0 && rect.height < ${MIN_TAP_PX - 0.5})
    .map(([element, rect]) => element.tagName.toLowerCase() + " " + (element.textContent || element.getAttribute("name") || "").trim() + " " + rect.height.toFixed(1));
  return {
    overflowPx: Math.max(0, root.scrollWidth - root.clientWidth),
    brandLines,
    badAmounts,
    amounts: cells.length,
    smallTargets,
  };
})()`;

/** Measures the page, again if a self-reloading page (the return page) replaced it meanwhile. */
async function measure(page: Page): Promise<LayoutFacts> {
  return pollUntil("a stable page to measure", async () => {
    try {
      await page.waitForLoadState("load");
      return { done: true, value: (await page.evaluate(MEASURE)) as LayoutFacts };
    } catch (error) {
      return { done: false, seen: String(error) };
    }
  });
}

/** Saves the page at each width and checks its layout; `app: false` for the sandbox's page. */
async function shoot(page: Page, lang: Lang, name: string, app = true): Promise<void> {
  mkdirSync(DIRECTORY, { recursive: true });
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    const facts = await measure(page);
    const where = `${lang} ${width}px ${name}`;
    expect({ where, overflowPx: facts.overflowPx }).toEqual({ where, overflowPx: 0 });
    if (app) {
      expect({ where, brandLines: facts.brandLines }).toEqual({ where, brandLines: 1 });
      expect({ where, badAmounts: facts.badAmounts }).toEqual({ where, badAmounts: [] });
      if (width === PHONE_WIDTH) {
        expect({ where, smallTargets: facts.smallTargets }).toEqual({ where, smallTargets: [] });
      }
    }
    await page.screenshot({
      path: join(DIRECTORY, `${lang}-${width}-${name}.png`),
      fullPage: true,
      type: "png",
    });
  }
}

const runs = requireChromium();
// Skipped only without Chromium, and never under CI=true (requireChromium throws there).
const suite = runs ? describe : describe.skip;

suite("every shopper page at 1280 and 390 px (screenshots)", () => {
  let browser: Browser;
  let app: TestApp;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it.each(["ja", "en"] as const)(
    "shows every page in %s without overflow, broken names, misaligned amounts or console errors",
    async (lang) => {
      const texts = TEXTS[lang];
      const context = await browser.newContext({ locale: lang === "ja" ? "ja-JP" : "en-US" });
      try {
        const page = await context.newPage();
        const watch = watchPage(page);
        await watch.ready;
        const known: KnownProblem[] = [];
        // One-way from New Chitose Airport to Sapporo Station: two shops and a drop fee to show.
        const search = { ...defaultSearch(new Date()), returnLocation: "SPK", lang };
        const query = new URLSearchParams(search);

        await page.goto(`${app.url}/?lang=${lang}`);
        await shoot(page, lang, "01-home");
        await page.goto(`${app.url}/search?${query}`);
        await waitForHeading(page, texts.resultsTitle);
        expect(await page.locator("li.car img.car-picture").count()).toBe(4);
        await shoot(page, lang, "02-results");
        await page
          .locator('li.car[data-class="C"]')
          .getByRole("link", { name: texts.choose, exact: true })
          .click();
        await waitForHeading(page, texts.bookTitle);
        await shoot(page, lang, "03-book");

        const shopper = shopperFor(`screenshots-${lang}`);
        await fillBookingForm(page, lang, shopper, { "child-seat": 1, cdw: 1 });
        await waitForHeading(page, texts.confirmTitle);
        await shoot(page, lang, "04-confirm");
        await acceptAndContinue(page, app, lang);
        const sessionId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
        const booking = await bookingByEmail(app, shopper.email);
        const sandbox = sandboxOf(app);
        // Hold the webhook back, so the return page can be seen while the payment is checked.
        sandbox.setSessionFaults(sessionId, { drop: true });
        await shoot(page, lang, "05-sandbox-payment", false);

        await payWithCard(page, "stripe", SUCCESS_CARD);
        await waitForReturnPage(page, app, booking);
        await waitForHeading(page, texts.confirmingTitle);
        expect(await page.locator("dd.status").textContent()).toBe(texts.checkingPayment);
        expect(await page.content()).not.toContain(texts.statusText.awaiting_payment);
        await shoot(page, lang, "06-return-checking");

        await sandbox.whenDeliveriesSettled();
        for (const dropped of sandbox.deliveries({ sessionId })) {
          if (dropped.status === "dropped") sandbox.resendDelivery(dropped.id);
        }
        await sandbox.whenDeliveriesSettled();
        await waitForHeading(page, texts.confirmedTitle);
        await shoot(page, lang, "07-return-confirmed");

        await page.getByRole("link", { name: texts.viewBooking, exact: true }).click();
        await waitForHeading(page, texts.bookingTitle);
        await shoot(page, lang, "08-booking");
        await page.getByRole("link", { name: texts.cancelLink, exact: true }).click();
        await waitForHeading(page, texts.cancelTitle);
        await shoot(page, lang, "09-cancel");

        await page.goto(`${app.url}/my-booking?lang=${lang}`);
        await waitForHeading(page, texts.myBookingTitle);
        await shoot(page, lang, "10-my-booking");
        const lookup = page.locator('form[action="/my-booking"]');
        await lookup.getByLabel(texts.reference, { exact: true }).fill("RC-ZZZZ2222");
        await lookup.getByLabel(texts.email, { exact: true }).fill(booking.customer_email);
        const [miss] = await Promise.all([
          page.waitForResponse((response) => response.request().method() === "POST"),
          lookup.getByRole("button", { name: texts.show, exact: true }).click(),
        ]);
        expect(miss.status()).toBe(200);
        await page.locator(".not-found").waitFor({ timeout: PAGE_WAIT_MS });
        expect(await page.locator(".not-found p").first().textContent()).toBe(texts.notFound);
        await shoot(page, lang, "11-my-booking-miss");

        await page.goto(`${app.url}/cancellation-policy?lang=${lang}`);
        await waitForHeading(page, texts.policyTitle);
        await shoot(page, lang, "12-cancellation-policy");

        const missing = `${app.url}/no-such-page?lang=${lang}`;
        known.push({
          why: "the error page is answered with its own 404",
          matches: (problem) =>
            problem.startsWith(`[console.error] ${missing}: Failed to load resource`) &&
            problem.includes("404"),
        });
        await page.goto(missing);
        await waitForHeading(page, texts.pageNotFound);
        await shoot(page, lang, "13-error");

        expect(unexpectedProblems(watch.problems(), known)).toEqual([]);
      } finally {
        await context.close();
      }
    },
    TEST_TIMEOUT_MS,
  );
});

/**
 * @module
 * The booking form and the confirmation step (確認画面) in Chromium, against the whole app and its
 * sandbox on SQLite: options picked on the form (and nothing else pressed) are on the confirmation
 * page and in the checkout session's line items; editing back and forth keeps everything typed;
 * Back twice after paying and pressing "Continue to payment" again leads to the same booking and
 * the same checkout session. Every page must report no console error and no CSP violation.
 */
import { beforeAll, describe, expect, it } from "@jest/globals";
import type { Page } from "playwright-core";
import { findOption } from "../catalogue/catalogue";
import { requireChromium } from "../test-support/browser";
import type { TestApp } from "../test-support/test-app";
import { formatYen } from "../web/format";
import { TEXTS } from "../web/i18n";
import {
  acceptAndContinue,
  bookingByEmail,
  fillBookingForm,
  heading,
  payWithCard,
  SUCCESS_CARD,
  sandboxOf,
  searchAndBook,
  searchAndChoose,
  sessionLineItems,
  shopperFor,
  waitForHeading,
  waitForOrigin,
  waitForReturnPage,
} from "./booking-steps";
import { browserScenarios } from "./browser-scenarios";

const TEST_TIMEOUT_MS = 30_000;
const EN = TEXTS.en;
const JA = TEXTS.ja;

const runs = requireChromium();
// Skipped only without Chromium, and never under CI=true (requireChromium throws there).
const suite = runs ? describe : describe.skip;

suite("the confirmation step in Chromium (SQLite)", () => {
  const scenarios = browserScenarios();
  const { scenario } = scenarios;
  let app: TestApp;
  beforeAll(() => {
    app = scenarios.app();
  });

  /** The confirmation page's priced lines: [name, amount] per row, and the total. */
  async function confirmedLines(page: Page) {
    const rows = await page.locator("section.lines table.quote tbody tr").all();
    const lines: string[] = [];
    for (const row of rows)
      lines.push(((await row.locator("td").first().textContent()) ?? "").trim());
    const total = (
      (await page.locator("section.lines td.amount.total").textContent()) ?? ""
    ).trim();
    return { lines, total };
  }

  it(
    "charges options picked on the form with nothing else pressed: on the confirmation page and in the session's line items",
    scenario("confirm-options-en", "en", async (page) => {
      const shopper = shopperFor("confirm-options");
      await searchAndChoose(page, app, { lang: "en", carClass: "C" });
      await fillBookingForm(page, "en", shopper, { "child-seat": 2, cdw: 1, "etc-card": 1 });
      await waitForHeading(page, EN.confirmTitle);

      const { lines, total } = await confirmedLines(page);
      const names = ["child-seat", "cdw", "etc-card"].map((code) => findOption(code)?.name.en);
      for (const name of names)
        expect(lines.some((line) => line.startsWith(name ?? "?"))).toBe(true);
      expect(lines).toHaveLength(4);
      expect(await page.locator("p.waiver-included").textContent()).toBe(EN.waiverChosen);

      await acceptAndContinue(page, app, "en");
      const sessionId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
      const items = await sessionLineItems(app, sessionId);
      expect(items.map((item) => item.description)).toEqual(lines);
      const booking = await bookingByEmail(app, shopper.email);
      expect(total).toBe(formatYen(booking.total, "en"));
      expect(items.reduce((sum, item) => sum + item.amount_total, 0)).toBe(booking.total);
    }),
    TEST_TIMEOUT_MS,
  );

  it(
    "keeps everything typed through a refused form, the confirmation step and Edit, back and forth",
    scenario("confirm-edit-ja", "ja", async (page, known) => {
      const shopper = { ...shopperFor("confirm-edit"), name: "鈴木 花子", kana: "すずき はなこ" };
      await searchAndChoose(page, app, { lang: "ja", carClass: "H" });
      // A mistyped e-mail: the browser would stop it; the server must too, keeping the rest.
      await page.evaluate(`document.querySelector("form.details").setAttribute("novalidate", "")`);
      known.push({
        why: "the refused form is answered with 400, which Chromium reports",
        matches: (problem) =>
          problem ===
          `[console.error] ${app.url}/book/confirm: Failed to load resource: the server responded with a status of 400 (Bad Request)`,
      });
      await fillBookingForm(page, "ja", { ...shopper, email: "hanako@" }, { "child-seat": 1 });
      await waitForHeading(page, JA.bookTitle);
      const details = page.locator("form.details");
      expect(await page.locator("#problem-email").textContent()).toBe(JA.fieldProblem.email);
      expect(await details.getByLabel(JA.name, { exact: true }).inputValue()).toBe(shopper.name);
      expect(await details.getByLabel(JA.kana, { exact: true }).inputValue()).toBe(shopper.kana);
      expect(await details.getByLabel(JA.phone, { exact: true }).inputValue()).toBe(shopper.phone);
      expect(await details.locator('select[name="option_child-seat"]').inputValue()).toBe("1");

      await fillBookingForm(page, "ja", shopper);
      await waitForHeading(page, JA.confirmTitle);
      expect(await page.locator("dd.customer-kana").textContent()).toBe("スズキ ハナコ");
      expect(await page.locator("p.waiver-missing").textContent()).toBe(JA.waiverNotChosen);

      await page.getByRole("link", { name: JA.edit, exact: true }).click();
      await waitForHeading(page, JA.bookTitle);
      expect(await details.getByLabel(JA.name, { exact: true }).inputValue()).toBe(shopper.name);
      expect(await details.getByLabel(JA.kana, { exact: true }).inputValue()).toBe("スズキ ハナコ");
      expect(await details.getByLabel(JA.email, { exact: true }).inputValue()).toBe(shopper.email);
      expect(await details.getByLabel(JA.phone, { exact: true }).inputValue()).toBe(shopper.phone);
      expect(await details.locator('select[name="option_child-seat"]').inputValue()).toBe("1");

      await details.locator('select[name="option_cdw"]').selectOption("1");
      await details.getByRole("button", { name: JA.review, exact: true }).click();
      await waitForHeading(page, JA.confirmTitle);
      expect(await page.locator("p.waiver-included").textContent()).toBe(JA.waiverChosen);
      expect(await page.locator("dd.customer-name").textContent()).toBe(shopper.name);

      await acceptAndContinue(page, app, "ja");
      const booking = await bookingByEmail(app, shopper.email);
      expect(booking).toMatchObject({
        customer_name: shopper.name,
        customer_kana: "スズキ ハナコ",
      });
      expect(JSON.parse(booking.options_json)).toEqual([
        { code: "child-seat", quantity: 1 },
        { code: "cdw", quantity: 1 },
      ]);
    }),
    TEST_TIMEOUT_MS,
  );

  it(
    "goes Back twice after paying and presses the button again: the same booking, the same session",
    scenario("confirm-back-after-paying", "en", async (page) => {
      const shopper = shopperFor("back-after-paying");
      const { confirmUrl, sessionId, booking } = await searchAndBook(page, app, {
        lang: "en",
        carClass: "K",
        shopper,
      });
      await payWithCard(page, "stripe", SUCCESS_CARD);
      await waitForReturnPage(page, app, booking);
      await sandboxOf(app).whenDeliveriesSettled();
      await waitForHeading(page, EN.confirmedTitle);

      await page.goBack();
      await page.goBack();
      expect(page.url()).toBe(confirmUrl);
      expect(await heading(page)).toBe(EN.confirmTitle);
      await page.getByLabel(EN.acceptTerms, { exact: true }).check();
      await Promise.all([
        waitForOrigin(page, new URL(app.url).origin),
        page.getByRole("button", { name: EN.proceedToPayment, exact: true }).click(),
      ]);
      await waitForHeading(page, EN.bookingTitle);
      expect(new URL(page.url()).pathname).toBe(`/bookings/${booking.reference}`);
      expect(await page.locator("dd.status").textContent()).toBe(EN.statusText.confirmed);

      const rows = await app.db
        .selectFrom("rc_bookings")
        .select("reference")
        .where("customer_email", "=", shopper.email)
        .execute();
      expect(rows).toEqual([{ reference: booking.reference }]);
      const sessions = sandboxOf(app)
        .sessions()
        .filter((session) => session.clientReferenceId === booking.reference);
      expect(sessions.map((session) => session.id)).toEqual([sessionId]);
    }),
    TEST_TIMEOUT_MS,
  );
});

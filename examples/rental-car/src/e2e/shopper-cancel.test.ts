/**
 * @module
 * Shopper cancellation in a real browser (Debian's Chromium through playwright-core) against the
 * whole app and its sandbox, on SQLite, on a clock frozen at the test's start: a Japanese shopper
 * books a car picked up 5 days later, pays with the sandbox's test card, opens the booking,
 * cancels, sees the 20% fee and the refund before confirming, confirms, and sees the booking
 * cancelled and, once the sandbox's refund webhook arrived, refunded. No page may report a console
 * error or a CSP violation.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Browser, BrowserContext } from "playwright-core";
import { tokyoDate } from "../pricing/rental-period";
import { launchBrowser, requireChromium, saveScreenshot, watchPage } from "../test-support/browser";
import { pollUntil } from "../test-support/poll-until";
import { startTestApp, type TestApp } from "../test-support/test-app";
import { formatYen } from "../web/format";
import { TEXTS } from "../web/i18n";
import {
  bookingNow,
  heldDays,
  payWithCard,
  runScenario,
  SUCCESS_CARD,
  sandboxOf,
  searchAndBook,
  shopperFor,
  waitForHeading,
  waitForReturnPage,
} from "./booking-steps";

const JA = TEXTS.ja;
const DAY_MS = 86_400_000;

const runs = requireChromium();
// Skipped only without Chromium, and never under CI=true (requireChromium throws there).
const suite = runs ? describe : describe.skip;

suite("shopper cancellation in Chromium (SQLite)", () => {
  const started = new Date();
  let browser: Browser;
  let app: TestApp;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp({ now: () => started }), launchBrowser()]);
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
  });

  it("cancels 5 days before pick-up and gets the total minus 20% back", async () => {
    context = await browser.newContext({ locale: "ja-JP" });
    const page = await context.newPage();
    const watch = watchPage(page);
    await watch.ready;
    const scenario = {
      name: "browser-shopper-cancel-ja",
      app,
      screenshot: saveScreenshot,
      logs: app.logs,
    };
    await runScenario({ page, watch }, scenario, async () => {
      const day = (offset: number) => tokyoDate(new Date(started.getTime() + offset * DAY_MS));
      const { booking } = await searchAndBook(page, app, {
        lang: "ja",
        carClass: "C",
        shopper: shopperFor("shopper-cancel-ja"),
        dates: { pickUp: day(5), return: day(7) },
      });
      expect(booking.pick_up_at.slice(0, 10)).toBe(day(5));
      const fee = Math.floor(booking.total * 0.2);
      const refund = booking.total - fee;

      await payWithCard(page, "stripe", SUCCESS_CARD);
      await waitForReturnPage(page, app, booking);
      await waitForHeading(page, JA.confirmedTitle);

      await page.getByRole("link", { name: JA.viewBooking, exact: true }).click();
      await waitForHeading(page, JA.bookingTitle);
      expect(await page.locator("dd.status").textContent()).toBe(JA.statusText.confirmed);
      await page.getByRole("link", { name: JA.cancelLink, exact: true }).click();

      // Before confirming: the policy, the tier that applies, the fee and the refund.
      await waitForHeading(page, JA.cancelTitle);
      expect(await page.locator("p.cancel-timing").textContent()).toBe(JA.cancelTiming(5));
      expect(await page.locator("tr.current td").allTextContents()).toEqual([
        JA.policyTier(3, 6),
        JA.policyPercent(20),
      ]);
      expect(await page.locator("td.fee").textContent()).toBe(formatYen(fee, "ja"));
      expect(await page.locator("td.refund").textContent()).toBe(formatYen(refund, "ja"));
      expect(await bookingNow(app, booking)).toMatchObject({ status: "confirmed" });

      await Promise.all([
        page.waitForURL((url) => url.pathname === `/bookings/${booking.reference}`),
        page.getByRole("button", { name: JA.confirmCancel, exact: true }).click(),
      ]);
      await waitForHeading(page, JA.bookingTitle);
      expect(await page.locator("dd.status").textContent()).toBe(JA.statusText.cancelled);
      expect(await page.locator("td.fee").textContent()).toBe(formatYen(fee, "ja"));
      expect(await page.locator("td.refund").textContent()).toBe(formatYen(refund, "ja"));
      expect(await page.getByRole("link", { name: JA.cancelLink }).count()).toBe(0);

      // The payment line follows linkpay's state, which the refund webhook moves: reload until then.
      await pollUntil("the refund webhook, seen on the booking page", async () => {
        await page.reload();
        const seen = {
          payment: await page.locator("p.payment").textContent(),
          refund: await page.locator("td.refund-state").textContent(),
        };
        return seen.payment === JA.paymentText.partially_refunded &&
          seen.refund === JA.refundState.refunded
          ? { done: true, value: seen }
          : { done: false, seen: JSON.stringify(seen) };
      });

      expect(await bookingNow(app, booking)).toMatchObject({ status: "cancelled" });
      expect(await heldDays(app, booking)).toEqual([]);
      const history = await app.payments.history({ orderRef: booking.reference });
      expect(history.refunds.map((record) => [record.amount.amount, record.status])).toEqual([
        [refund, "succeeded"],
      ]);
      expect(history.attempts.at(-1)?.refundedAmount.amount).toBe(refund);
      const session = sandboxOf(app)
        .sessions()
        .find((candidate) => candidate.clientReferenceId === booking.reference);
      expect(session?.amountRefunded).toBe(booking.total - Math.floor(booking.total * 0.2));
    });
  }, 60_000);
});

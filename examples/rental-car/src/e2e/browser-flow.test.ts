/**
 * @module
 * The booking flow in a real browser (Debian's Chromium through playwright-core) against the
 * whole app and its Stripe sandbox, on SQLite, in English: from the home page through the search
 * and booking forms, the 303 to the sandbox's hosted page (allowed by the app's CSP
 * `form-action`), and what only Stripe's page offers: pass or fail 3-D Secure, cancel and try
 * again. The outcomes both providers share (paid, declined, konbini paid or expired, checkout
 * expired) run once per provider in `provider-flows.test.ts`. Every page visited, the app's and
 * the sandbox's, must report no console error and no CSP violation. Each scenario saves a
 * screenshot of its last page under `artifacts/e2e/`.
 */
import { beforeAll, describe, expect, it } from "@jest/globals";
import { requireChromium } from "../test-support/browser";
import type { TestApp } from "../test-support/test-app";
import { TEXTS } from "../web/i18n";
import {
  bookingNow,
  expectConfirmedWithOneMail,
  heading,
  heldDays,
  mailsFor,
  payWithCard,
  SUCCESS_CARD,
  sandboxOf,
  searchAndBook,
  shopperFor,
  THREE_D_SECURE_CARD,
  waitForHeading,
  waitForOrigin,
  waitForReturnPage,
} from "./booking-steps";
import { browserScenarios } from "./browser-scenarios";

const TEST_TIMEOUT_MS = 30_000;
const EN = TEXTS.en;

const runs = requireChromium();
// Skipped only without Chromium, and never under CI=true (requireChromium throws there).
const suite = runs ? describe : describe.skip;

suite("booking flow in Chromium (SQLite)", () => {
  const scenarios = browserScenarios();
  const { scenario } = scenarios;
  let app: TestApp;
  beforeAll(() => {
    app = scenarios.app();
  });

  const appOrigin = () => new URL(app.url).origin;

  it(
    "passes the 3-D Secure challenge and is confirmed",
    scenario("browser-3ds-pass", "en", async (page) => {
      const { sessionId, booking } = await searchAndBook(page, app, {
        lang: "en",
        carClass: "H",
        shopper: shopperFor("3ds-pass"),
      });

      await payWithCard(page, "stripe", THREE_D_SECURE_CARD);
      expect(new URL(page.url()).pathname).toMatch(new RegExp(`^/c/pay/${sessionId}/3ds/`));
      await Promise.all([
        waitForOrigin(page, appOrigin()),
        page.getByRole("button", { name: "Complete authentication", exact: true }).click(),
      ]);
      await waitForReturnPage(page, app, booking);
      await waitForHeading(page, EN.confirmedTitle);
      await sandboxOf(app).whenDeliveriesSettled();
      await expectConfirmedWithOneMail(app, booking);
    }),
    TEST_TIMEOUT_MS,
  );

  it(
    "fails the 3-D Secure challenge: back on the hosted form with an error, booking unpaid",
    scenario("browser-3ds-fail", "en", async (page) => {
      const { sessionId, booking } = await searchAndBook(page, app, {
        lang: "en",
        carClass: "C",
        shopper: shopperFor("3ds-fail"),
      });

      await payWithCard(page, "stripe", THREE_D_SECURE_CARD);
      expect(new URL(page.url()).pathname).toMatch(new RegExp(`^/c/pay/${sessionId}/3ds/`));
      await Promise.all([
        page.waitForURL((url) => url.pathname === `/c/pay/${sessionId}`),
        page.getByRole("button", { name: "Fail authentication", exact: true }).click(),
      ]);
      // Post/redirect/get: the error is shown once, and nothing of it is in the URL.
      expect(new URL(page.url()).search).toBe("");
      expect(await page.getByRole("alert").filter({ hasText: "3-D Secure" }).textContent()).toBe(
        "3-D Secure authentication failed. Please try another card.",
      );
      expect(await page.locator('input[name="number"]').isVisible()).toBe(true);

      await sandboxOf(app).whenDeliveriesSettled();
      expect(await bookingNow(app, booking)).toMatchObject({ status: "awaiting_payment" });
      expect(await heldDays(app, booking)).not.toEqual([]);
      expect(await app.payments.getStatus({ orderRef: booking.reference })).toMatchObject({
        status: "open",
      });
      expect(await mailsFor(app, booking)).toEqual([]);
    }),
    TEST_TIMEOUT_MS,
  );

  it(
    "cancels on the hosted page, tries again from the booking page, and pays",
    scenario("browser-cancel-then-pay", "en", async (page) => {
      const { hostedUrl, booking } = await searchAndBook(page, app, {
        lang: "en",
        carClass: "H",
        shopper: shopperFor("cancel-retry"),
      });

      await Promise.all([
        waitForOrigin(page, appOrigin()),
        page.getByRole("link", { name: "Cancel and return to the shop", exact: true }).click(),
      ]);
      const bookingPage = new URL(page.url());
      expect(bookingPage.pathname).toBe(`/bookings/${booking.reference}`);
      expect(bookingPage.searchParams.get("canceled")).toBe("1");
      expect(await heading(page)).toBe(EN.bookingTitle);
      expect(await page.locator("p.canceled").textContent()).toBe(EN.canceledNotice);
      expect(await page.locator("dd.status").textContent()).toBe(EN.statusText.awaiting_payment);

      await Promise.all([
        waitForOrigin(page, sandboxOf(app).origin),
        page.getByRole("button", { name: EN.tryAgain, exact: true }).click(),
      ]);
      // The open checkout is reused: the same hosted page, not a second session.
      expect(page.url()).toBe(hostedUrl);

      await payWithCard(page, "stripe", SUCCESS_CARD);
      await waitForReturnPage(page, app, booking);
      await waitForHeading(page, EN.confirmedTitle);
      await sandboxOf(app).whenDeliveriesSettled();
      await expectConfirmedWithOneMail(app, booking);
    }),
    TEST_TIMEOUT_MS,
  );
});

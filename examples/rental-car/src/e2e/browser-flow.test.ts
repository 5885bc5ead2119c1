/**
 * @module
 * The booking flow in a real browser (Debian's Chromium through playwright-core) against the
 * whole app and its sandbox, on SQLite: from the home page through the search and booking forms,
 * the 303 to the sandbox's hosted page (allowed by the app's CSP `form-action`), and whatever the
 * shopper does there: pay, be declined, pass or fail 3-D Secure, take a konbini slip, cancel, or
 * let the session expire. Every page visited, the app's and the sandbox's, must report no
 * console error and no CSP violation. Each scenario saves a screenshot of its last page under
 * `artifacts/e2e/`.
 */
import { beforeAll, describe, expect, it } from "@jest/globals";
import { addDays } from "../pricing/rental-period";
import { requireChromium } from "../test-support/browser";
import { offPeakDate } from "../test-support/off-peak-dates";
import type { TestApp } from "../test-support/test-app";
import { TEXTS } from "../web/i18n";
import {
  bookAndPayWithLateWebhook,
  bookingNow,
  DECLINE_CARD,
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
    "pays with the success card (Japanese) and is confirmed only after the webhook",
    scenario("browser-success-ja", "ja", async (page) => {
      const booking = await bookAndPayWithLateWebhook(page, app, {
        lang: "ja",
        carClass: "C",
        shopper: shopperFor("success-ja"),
      });
      expect(await heading(page)).toBe(TEXTS.ja.confirmedTitle);
      expect(booking.locale).toBe("ja");
    }),
    TEST_TIMEOUT_MS,
  );

  it(
    "is declined, then pays with the success card on the same hosted page",
    scenario("browser-decline-then-success", "en", async (page) => {
      const { sessionId, booking } = await searchAndBook(page, app, {
        lang: "en",
        carClass: "K",
        shopper: shopperFor("decline-retry"),
      });

      await payWithCard(page, DECLINE_CARD);
      // Post/redirect/get: the decline lands on the payment page itself, so Back never resubmits.
      expect(new URL(page.url()).pathname).toBe(`/c/pay/${sessionId}`);
      expect(new URL(page.url()).search).toBe("");
      expect(await page.getByRole("alert").filter({ hasText: "declined" }).textContent()).toBe(
        "Your card was declined.",
      );
      await sandboxOf(app).whenDeliveriesSettled();
      // A declined card leaves the checkout open: the booking keeps its car.
      expect(await bookingNow(app, booking)).toMatchObject({ status: "awaiting_payment" });
      expect(await heldDays(app, booking)).not.toEqual([]);

      await payWithCard(page, SUCCESS_CARD);
      await waitForReturnPage(page, app, booking);
      await waitForHeading(page, EN.confirmedTitle);
      await sandboxOf(app).whenDeliveriesSettled();
      await expectConfirmedWithOneMail(app, booking);
    }),
    TEST_TIMEOUT_MS,
  );

  it(
    "passes the 3-D Secure challenge and is confirmed",
    scenario("browser-3ds-pass", "en", async (page) => {
      const { sessionId, booking } = await searchAndBook(page, app, {
        lang: "en",
        carClass: "H",
        shopper: shopperFor("3ds-pass"),
      });

      await payWithCard(page, THREE_D_SECURE_CARD);
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

      await payWithCard(page, THREE_D_SECURE_CARD);
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
    "takes a konbini slip, waits on the return page, and is confirmed once the slip is paid",
    scenario("browser-konbini", "en", async (page) => {
      const sandbox = sandboxOf(app);
      // Konbini is offered only when the slip can be paid before the pick-up day.
      const pickUp = offPeakDate(new Date(), 10);
      const { sessionId, booking } = await searchAndBook(page, app, {
        lang: "en",
        carClass: "K",
        shopper: shopperFor("konbini"),
        dates: { pickUp, return: addDays(pickUp, 2) },
      });

      await Promise.all([
        page.waitForURL((url) => url.pathname === `/c/pay/${sessionId}/konbini`),
        page.getByRole("button", { name: "Get a payment slip", exact: true }).click(),
      ]);
      expect(await page.getByRole("heading", { name: "Konbini payment slip" }).count()).toBe(1);
      // The app learns of the slip from `checkout.session.completed` (payment still unpaid).
      await sandbox.whenDeliveriesSettled();

      await Promise.all([
        waitForOrigin(page, appOrigin()),
        page.getByRole("link", { name: "Return to the shop", exact: true }).click(),
      ]);
      await waitForReturnPage(page, app, booking);
      expect(await heading(page)).toBe(EN.awaitingKonbini);
      expect(await page.locator("p.confirming").textContent()).toBe(EN.konbiniText);
      // Nothing will change until the shopper pays at the store: the page does not reload itself.
      expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(0);
      expect(await bookingNow(app, booking)).toMatchObject({ status: "awaiting_payment" });

      sandbox.markKonbiniPaid(sessionId);
      await sandbox.whenDeliveriesSettled();
      await page.reload();
      expect(await heading(page)).toBe(EN.confirmedTitle);
      expect(await bookingNow(app, booking)).toMatchObject({ status: "confirmed" });
      // The slip e-mail when the slip was issued, the confirmation once it was paid.
      const kinds = (await mailsFor(app, booking)).map((mail) => mail.kind);
      expect(kinds.sort()).toEqual(["booking_confirmed", "konbini_slip"]);
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

      await payWithCard(page, SUCCESS_CARD);
      await waitForReturnPage(page, app, booking);
      await waitForHeading(page, EN.confirmedTitle);
      await sandboxOf(app).whenDeliveriesSettled();
      await expectConfirmedWithOneMail(app, booking);
    }),
    TEST_TIMEOUT_MS,
  );

  it(
    "lets the checkout expire: the booking page says expired and the car is released",
    scenario("browser-expired", "en", async (page) => {
      const sandbox = sandboxOf(app);
      const { sessionId, booking } = await searchAndBook(page, app, {
        lang: "en",
        carClass: "W",
        shopper: shopperFor("expired"),
      });
      expect(await heldDays(app, booking)).not.toEqual([]);

      sandbox.expireSession(sessionId);
      await sandbox.whenDeliveriesSettled();
      await page.reload();
      expect(await heading(page)).toBe("Checkout expired");

      await Promise.all([
        waitForOrigin(page, appOrigin()),
        page.getByRole("link", { name: "Return to the shop", exact: true }).click(),
      ]);
      expect(new URL(page.url()).pathname).toBe(`/bookings/${booking.reference}`);
      expect(await heading(page)).toBe(EN.bookingTitle);
      expect(await page.locator("dd.status").textContent()).toBe(EN.statusText.expired);
      expect(await page.locator("p.payment").textContent()).toBe(EN.paymentText.expired);
      // Neither the "canceled, try again" notice nor a pay button for an expired booking.
      expect(await page.locator("p.canceled").count()).toBe(0);
      expect(await page.locator('form[action*="/pay"]').count()).toBe(0);
      expect(await page.getByRole("link", { name: EN.searchAgain, exact: true }).count()).toBe(1);

      expect(await bookingNow(app, booking)).toMatchObject({ status: "expired" });
      expect(await heldDays(app, booking)).toEqual([]);
      expect(await mailsFor(app, booking)).toEqual([]);
    }),
    TEST_TIMEOUT_MS,
  );
});

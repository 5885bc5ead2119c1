/**
 * @module
 * The payment outcomes a shopper meets, in Chromium and in Japanese, once with each provider the
 * app can be configured with: Stripe and KOMOJU, each played by the sandbox the app starts
 * in-process (`PAYMENT_PROVIDER=komoju` without keys starts it in KOMOJU mode). Card success
 * (confirmed only once the webhook arrived), a declined card and then a good one on the same
 * hosted page, a konbini slip paid later at the store, a slip left to expire, and a checkout left
 * unpaid until it expired (KOMOJU sends no event for that: reconciliation finds it). Every page
 * must report no console error and no CSP violation; each scenario saves a screenshot under
 * `artifacts/e2e/provider-<provider>-<scenario>.png`.
 */

import { beforeAll, describe, expect, it } from "@jest/globals";
import type { Page } from "playwright-core";
import { addDays } from "../pricing/rental-period";
import { requireChromium } from "../test-support/browser";
import { offPeakDate } from "../test-support/off-peak-dates";
import type { TestApp } from "../test-support/test-app";
import { TEXTS } from "../web/i18n";
import { KONBINI_TEXTS } from "../web/views/konbini-slip";
import {
  bookAndPayWithLateWebhook,
  bookingNow,
  DECLINE_CARD,
  expectConfirmedWithOneMail,
  heading,
  heldDays,
  mailsFor,
  SUCCESS_CARD,
  sandboxOf,
  searchAndBook,
  shopperFor,
  waitForHeading,
  waitForReturnPage,
} from "./booking-steps";
import { browserScenarios } from "./browser-scenarios";
import {
  backToShop,
  hostedPath,
  operatorOf,
  PROVIDERS,
  payWithCard,
  takeKonbiniSlip,
} from "./hosted-page-steps";

const TEST_TIMEOUT_MS = 30_000;
const JA = TEXTS.ja;

const runs = requireChromium();
// Skipped only without Chromium, and never under CI=true (requireChromium throws there).
const suite = runs ? describe.each(PROVIDERS) : describe.skip.each(PROVIDERS);

suite("payment outcomes in Chromium with %s", (provider) => {
  const scenarios = browserScenarios({ provider });
  const { scenario } = scenarios;
  let app: TestApp;
  beforeAll(() => {
    app = scenarios.app();
  });
  const name = (what: string) => `provider-${provider}-${what}`;
  /** Konbini is offered only when the slip can be paid before the pick-up day. */
  /**
   * Books a car far enough ahead for konbini, takes a slip at the provider and comes back to the
   * shop's page, which says the booking awaits the store payment.
   */
  async function bookWithKonbiniSlip(page: Page, carClass: string, label: string) {
    const pickUp = offPeakDate(new Date(), 10);
    const booked = await searchAndBook(page, app, {
      lang: "ja",
      carClass,
      shopper: shopperFor(`${provider}-${label}`),
      dates: { pickUp, return: addDays(pickUp, 2) },
      provider,
    });
    await takeKonbiniSlip(page, provider);
    await sandboxOf(app).whenDeliveriesSettled();
    await backToShop(page, app, "ja");
    await waitForReturnPage(page, app, booked.booking);
    expect(await heading(page)).toBe(JA.awaitingKonbini);
    return booked;
  }

  it(
    "pays by card and is confirmed only after the webhook",
    scenario(name("card-success"), "ja", async (page) => {
      const booking = await bookAndPayWithLateWebhook(page, app, {
        lang: "ja",
        carClass: "C",
        shopper: shopperFor(`${provider}-card-success`),
        provider,
      });
      expect(await heading(page)).toBe(JA.confirmedTitle);
      expect(booking.locale).toBe("ja");
    }),
    TEST_TIMEOUT_MS,
  );

  it(
    "is declined, keeps the car, then pays on the same hosted page",
    scenario(name("decline-then-success"), "ja", async (page) => {
      const { sessionId, booking } = await searchAndBook(page, app, {
        lang: "ja",
        carClass: "K",
        shopper: shopperFor(`${provider}-decline-retry`),
        provider,
      });

      await payWithCard(page, provider, DECLINE_CARD);
      // Post/redirect/get: the decline is shown on the payment page itself.
      expect(new URL(page.url()).pathname).toBe(hostedPath(provider, sessionId));
      expect(
        await page.getByRole("alert").filter({ hasText: "承認されませんでした" }).count(),
      ).toBe(1);
      await sandboxOf(app).whenDeliveriesSettled();
      // A declined card leaves the checkout open: the booking keeps its car.
      expect(await bookingNow(app, booking)).toMatchObject({ status: "awaiting_payment" });
      expect(await heldDays(app, booking)).not.toEqual([]);

      await payWithCard(page, provider, SUCCESS_CARD);
      await waitForReturnPage(page, app, booking);
      await waitForHeading(page, JA.confirmedTitle);
      await sandboxOf(app).whenDeliveriesSettled();
      await expectConfirmedWithOneMail(app, booking);
    }),
    TEST_TIMEOUT_MS,
  );

  it(
    "takes a konbini slip, sees it at the shop, and is confirmed once the store payment arrives",
    scenario(name("konbini-paid"), "ja", async (page) => {
      const sandbox = sandboxOf(app);
      const { sessionId, booking } = await bookWithKonbiniSlip(page, "K", "konbini-paid");
      expect(await page.locator("p.confirming").textContent()).toBe(JA.konbiniText);
      // The slip, as the provider reported it, on the shop's own page.
      expect(await page.locator("section.konbini-slip h2").textContent()).toBe(
        KONBINI_TEXTS.ja.heading,
      );
      // Nothing will change until the shopper pays at the store: the page does not reload itself.
      expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(0);
      expect(await bookingNow(app, booking)).toMatchObject({ status: "awaiting_payment" });

      operatorOf(app, provider).markKonbiniPaid(sessionId);
      await sandbox.whenDeliveriesSettled();
      await page.reload();
      expect(await heading(page)).toBe(JA.confirmedTitle);
      expect(await bookingNow(app, booking)).toMatchObject({ status: "confirmed" });
      // The slip e-mail when the slip was issued, the confirmation once it was paid.
      const kinds = (await mailsFor(app, booking)).map((mail) => mail.kind);
      expect(kinds.sort()).toEqual(["booking_confirmed", "konbini_slip"]);
    }),
    TEST_TIMEOUT_MS,
  );

  it(
    "takes a konbini slip that expires unpaid: the car is released",
    scenario(name("konbini-expired"), "ja", async (page) => {
      const sandbox = sandboxOf(app);
      const { sessionId, booking } = await bookWithKonbiniSlip(page, "W", "konbini-expired");

      operatorOf(app, provider).markKonbiniExpired(sessionId);
      await sandbox.whenDeliveriesSettled();
      // Stripe reports an expired slip as a failed payment, KOMOJU as an expired one.
      const { status } = await bookingNow(app, booking);
      expect(["payment_failed", "expired"]).toContain(status);
      expect(await heldDays(app, booking)).toEqual([]);
      await page.getByRole("link", { name: JA.viewBooking, exact: true }).click();
      await waitForHeading(page, JA.bookingTitle);
      expect(await page.locator("dd.status").textContent()).toBe(
        JA.statusText[status as "payment_failed" | "expired"],
      );
      expect(await page.locator("section.konbini-slip").count()).toBe(0);
      expect((await mailsFor(app, booking)).map((mail) => mail.kind)).toEqual(["konbini_slip"]);
    }),
    TEST_TIMEOUT_MS,
  );

  it(
    "leaves the checkout unpaid until it expires: the booking page says expired, car released",
    scenario(name("checkout-expired"), "ja", async (page) => {
      const sandbox = sandboxOf(app);
      const { sessionId, booking } = await searchAndBook(page, app, {
        lang: "ja",
        carClass: "H",
        shopper: shopperFor(`${provider}-checkout-expired`),
        provider,
      });
      expect(await heldDays(app, booking)).not.toEqual([]);

      operatorOf(app, provider).expireSession(sessionId);
      await sandbox.whenDeliveriesSettled();
      // KOMOJU sends no event when an unpaid session expires: reconciliation asks it.
      if (provider === "komoju") await app.payments.reconcile({ olderThanSeconds: 0 });
      expect(await bookingNow(app, booking)).toMatchObject({ status: "expired" });
      expect(await heldDays(app, booking)).toEqual([]);

      // The shopper comes back to the hosted page: no form any more, only the way to the shop.
      await page.reload();
      expect(await page.locator('form[action$="/card"]').count()).toBe(0);
      await backToShop(page, app, "ja");
      if (new URL(page.url()).pathname !== `/bookings/${booking.reference}`) {
        await page.getByRole("link", { name: JA.viewBooking, exact: true }).click();
      }
      await waitForHeading(page, JA.bookingTitle);
      expect(await page.locator("dd.status").textContent()).toBe(JA.statusText.expired);
      expect(await page.locator("p.payment").textContent()).toBe(JA.paymentText.expired);
      expect(await page.locator('form[action*="/pay"]').count()).toBe(0);
      expect(await mailsFor(app, booking)).toEqual([]);
    }),
    TEST_TIMEOUT_MS,
  );
});

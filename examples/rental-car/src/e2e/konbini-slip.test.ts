/**
 * @module
 * Konbini in Chromium, in Japanese: the shopper takes a slip on the provider's page and leaves it
 * without returning to the shop; the slip e-mail's link opens the shop's booking page, which shows
 * the deadline (「…までにコンビニでお支払いください」), each chain's numbers and the link to the
 * provider's slip. Screenshots at 1280 and 390 px.
 */
import { beforeAll, describe, expect, it } from "@jest/globals";
import { addDays } from "../pricing/rental-period";
import { requireChromium, saveScreenshot } from "../test-support/browser";
import { offPeakDate } from "../test-support/off-peak-dates";
import { pollUntil } from "../test-support/poll-until";
import type { TestApp } from "../test-support/test-app";
import { formatSlipDeadline, KONBINI_TEXTS } from "../web/views/konbini-slip";
import { sandboxOf, searchAndBook, shopperFor } from "./booking-steps";
import { browserScenarios } from "./browser-scenarios";

const TEST_TIMEOUT_MS = 30_000;

const runs = requireChromium();
// Skipped only without Chromium, and never under CI=true (requireChromium throws there).
const suite = runs ? describe : describe.skip;

suite("konbini slip on the shop's booking page in Chromium", () => {
  const scenarios = browserScenarios();
  const { scenario } = scenarios;
  let app: TestApp;
  beforeAll(() => {
    app = scenarios.app();
  });

  it(
    "shows the slip number and deadline after the shopper left the provider's page",
    scenario("konbini-slip-ja", "ja", async (page) => {
      const sandbox = sandboxOf(app);
      const shopper = shopperFor("konbini-slip-ja");
      const pickUp = offPeakDate(new Date(), 10);
      const { sessionId, booking } = await searchAndBook(page, app, {
        lang: "ja",
        carClass: "C",
        shopper,
        dates: { pickUp, return: addDays(pickUp, 2) },
      });
      await Promise.all([
        page.waitForURL((url) => url.pathname === `/c/pay/${sessionId}/konbini`),
        page.getByRole("button", { name: "払込票を発行する", exact: true }).click(),
      ]);
      await sandbox.whenDeliveriesSettled();
      const slip = sandbox.sessions().find((session) => session.id === sessionId)?.konbini;
      if (slip === undefined || slip === null) throw new Error("the sandbox issued no slip");

      // The shopper closes the provider's page; later they open the slip e-mail's link.
      const mail = await pollUntil("the konbini slip e-mail", async () => {
        const found = await app.db
          .selectFrom("rc_outbox")
          .selectAll()
          .where("booking_id", "=", booking.id)
          .where("kind", "=", "konbini_slip")
          .executeTakeFirst();
        return found === undefined
          ? { done: false, seen: "no mail" }
          : { done: true, value: found };
      });
      const link = /https?:\/\/\S+\/bookings\/RC-\S+/.exec(mail.body)?.[0];
      if (link === undefined) throw new Error(`no booking link in: ${mail.body}`);
      await page.goto("about:blank");
      await page.goto(link);

      const section = page.locator("section.konbini-slip");
      const deadline = formatSlipDeadline(new Date(slip.expiresAt), "ja");
      expect(await section.locator("h2").textContent()).toBe(KONBINI_TEXTS.ja.heading);
      expect(await section.locator("p.slip-deadline").textContent()).toBe(
        `${deadline}までにコンビニでお支払いください`,
      );
      const lawson = section.locator('li[data-chain="lawson"]');
      expect(await lawson.locator(".chain").textContent()).toBe("ローソン");
      expect(await lawson.locator(".confirmation-number").textContent()).toBe(
        slip.confirmationNumber,
      );
      expect(
        await section
          .getByRole("link", { name: KONBINI_TEXTS.ja.instructions, exact: true })
          .getAttribute("href"),
      ).toBe(`${sandbox.origin}/c/pay/${sessionId}/konbini`);
      await page.setViewportSize({ width: 390, height: 844 });
      await saveScreenshot(page, "konbini-slip-ja-390");
      await page.setViewportSize({ width: 1280, height: 900 });
    }),
    TEST_TIMEOUT_MS,
  );
});

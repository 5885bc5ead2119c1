/**
 * @module
 * The success scenario of `browser-flow.test.ts` in Chromium, with the app on PostgreSQL (a
 * throwaway database from `@linkpay/store-sql/testing`). It needs both Chromium and PostgreSQL:
 * without either it is skipped with the reason printed, except under `CI=true`, where it fails
 * (`requireChromium` throws; `describePostgres` registers a failing test).
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { describePostgres } from "@linkpay/store-sql/testing";
import type { Browser, BrowserContext } from "playwright-core";
import { launchBrowser, requireChromium, saveScreenshot, watchPage } from "../test-support/browser";
import { startTestApp, type TestApp } from "../test-support/test-app";
import { TEXTS } from "../web/i18n";
import { bookAndPayWithLateWebhook, heading, runScenario, shopperFor } from "./booking-steps";

const NAME = "booking flow in Chromium (PostgreSQL)";

if (requireChromium()) {
  describePostgres(NAME, (database) => {
    let browser: Browser;
    let app: TestApp;
    let context: BrowserContext | undefined;

    beforeAll(async () => {
      // describePostgres creates the database in a beforeAll registered before this one.
      [app, browser] = await Promise.all([
        startTestApp({ databaseUrl: database.url }),
        launchBrowser(),
      ]);
    }, 60_000);

    afterAll(async () => {
      await context?.close();
      await browser?.close();
      // Before describePostgres drops the database (its afterAll runs after this one).
      await app?.close();
    });

    it("pays with the success card and is confirmed only after the webhook", async () => {
      context = await browser.newContext({ locale: "en-US" });
      const page = await context.newPage();
      const watch = watchPage(page);
      await watch.ready;
      await runScenario(
        { page, watch },
        { name: "browser-success-postgres", app, screenshot: saveScreenshot, logs: app.logs },
        async () => {
          const booking = await bookAndPayWithLateWebhook(page, app, {
            lang: "en",
            carClass: "C",
            shopper: shopperFor("success-postgres"),
          });
          expect(await heading(page)).toBe(TEXTS.en.confirmedTitle);
          expect(app.store.dialect).toBe("postgres");
          expect(booking.locale).toBe("en");
        },
      );
    }, 30_000);
  });
} else {
  // biome-ignore lint/suspicious/noSkippedTests: skipped only without Chromium, never under CI=true.
  describe.skip(NAME, () => {
    it("needs Chromium", () => undefined);
  });
}

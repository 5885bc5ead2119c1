/**
 * @module
 * The set-up every browser suite shares: one app and one Chromium for the suite, a fresh context
 * (own cookies) and watched page per scenario, closed after it; and `scenario`, which runs a test
 * body on that page, then saves its screenshot and checks that no page reported a console error
 * or CSP violation (see `runScenario`). Call it inside a `describe`.
 */
import { afterAll, afterEach, beforeAll } from "@jest/globals";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, saveScreenshot, watchPage } from "../test-support/browser";
import { startTestApp, type TestApp, type TestAppOptions } from "../test-support/test-app";
import type { Lang } from "../web/format";
import { type KnownProblem, runScenario } from "./booking-steps";

/** What {@link browserScenarios} gives a suite. */
export interface BrowserScenarios {
  /** The suite's app (started before the first test). */
  app(): TestApp;
  /** A test body run on a fresh page in `lang`, screenshot `name`. */
  scenario(
    name: string,
    lang: Lang,
    body: (page: Page, known: KnownProblem[]) => Promise<void>,
  ): () => Promise<void>;
}

/** Registers the suite's hooks; see the module comment. `appOptions` start the suite's app. */
export function browserScenarios(appOptions: TestAppOptions = {}): BrowserScenarios {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(appOptions), launchBrowser()]);
  }, 60_000);
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  function started(): { app: TestApp; browser: Browser } {
    if (app === undefined || browser === undefined) throw new Error("the suite has not started");
    return { app, browser };
  }

  return {
    app: () => started().app,
    scenario: (name, lang, body) => async () => {
      const { app, browser } = started();
      context = await browser.newContext({ locale: lang === "ja" ? "ja-JP" : "en-US" });
      const page = await context.newPage();
      const watch = watchPage(page);
      await watch.ready;
      await runScenario(
        { page, watch },
        { name, app, screenshot: saveScreenshot, logs: app.logs },
        (known) => body(page, known),
      );
    },
  };
}

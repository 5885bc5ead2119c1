/**
 * @module
 * The staff console in Chromium: a manager sets up the account from the one-time link (password
 * and an authenticator code), signs in with password + TOTP, finds a paid booking, refunds part
 * of it and cancels another; adds a passkey (Chromium's virtual authenticator) and signs in with
 * it; a staff member's refund, posted with their own session, is refused. The pages raise no
 * console errors and no CSP violations. On SQLite and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { describePostgres } from "@linkpay/store-sql/testing";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { CONSOLE_TEXTS } from "../console/console-texts";
import { inviteStaff } from "../console/staff-accounts";
import { tokyoDate } from "../pricing/rental-period";
import { launchBrowser, requireChromium, saveScreenshot, watchPage } from "../test-support/browser";
import {
  enrolStaff,
  paidBooking,
  type TestClock,
  testClock,
  totpCode,
} from "../test-support/console-staff";
import { pollUntil } from "../test-support/poll-until";
import { startTestApp, type TestApp } from "../test-support/test-app";

const NAME = "staff console in Chromium";
const JA = CONSOLE_TEXTS.ja;
const PASSWORD = "a long sentence about rental cars in Naha";

if (requireChromium()) {
  const suite = (databaseUrl: () => string | undefined) => {
    let app: TestApp;
    let browser: Browser;
    let clock: TestClock;
    const contexts: BrowserContext[] = [];

    beforeAll(async () => {
      clock = testClock();
      [app, browser] = await Promise.all([
        startTestApp({ databaseUrl: databaseUrl(), now: () => clock.now() }),
        launchBrowser(),
      ]);
    }, 60_000);
    afterAll(async () => {
      for (const context of contexts) await context.close();
      await browser?.close();
      await app?.close();
    });

    async function newPage(
      locale: string,
    ): Promise<{ page: Page; watch: ReturnType<typeof watchPage> }> {
      const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
      contexts.push(context);
      const page = await context.newPage();
      const watch = watchPage(page);
      await watch.ready;
      return { page, watch };
    }

    const daysAhead = (days: number) =>
      tokyoDate(new Date(clock.now().getTime() + days * 86_400_000));

    async function enterCode(page: Page, secret: string) {
      await page.fill('input[name="code"]', await totpCode(secret, clock));
    }

    it("lets a manager set up, sign in with password + TOTP, refund part of one booking and cancel another", async () => {
      const refundable = await paidBooking(app, {
        name: "鈴木 花子",
        pickUpDate: daysAhead(20),
        returnDate: daysAhead(22),
      });
      const cancellable = await paidBooking(app, {
        name: "山田 太郎",
        pickUpDate: daysAhead(5),
        returnDate: daysAhead(6),
      });
      const { enrolmentToken } = await inviteStaff(app.db, {
        email: "mika@example.com",
        name: "佐藤 美香",
        role: "manager",
        now: clock.now(),
      });
      const { page, watch } = await newPage("ja-JP");

      await page.goto(`${app.consoleUrl}/enrol/${enrolmentToken}`);
      expect(await page.textContent("h1")).toBe(JA.enrolTitle);
      expect(await page.locator(".qr svg").count()).toBe(1);
      await saveScreenshot(page, `console-enrol-ja-1280-${app.store.dialect}`);
      const secret = (await page.textContent("#totp-secret")) ?? "";
      await page.fill('input[name="password"]', PASSWORD);
      await page.fill('input[name="password2"]', PASSWORD);
      await enterCode(page, secret);
      await page.click('button[type="submit"]');
      await page.waitForURL(`${app.consoleUrl}/`);
      await page.click("header form button");
      await page.waitForURL(`${app.consoleUrl}/sign-in`);

      await page.fill('input[name="email"]', "mika@example.com");
      await page.fill('input[name="password"]', PASSWORD);
      await page.click('button[type="submit"]');
      await page.waitForURL(`${app.consoleUrl}/sign-in/code`);
      await enterCode(page, secret);
      await page.click('form button[type="submit"]');
      await page.waitForURL(`${app.consoleUrl}/`);
      expect(await page.textContent("h1")).toBe(JA.searchTitle);

      await page.fill('input[name="q"]', refundable);
      await page.click('form.search button[type="submit"]');
      await page.click(`a:has-text("${refundable}")`);
      await page.waitForURL(`${app.consoleUrl}/bookings/${refundable}`);
      expect(await page.textContent("#booking-status")).toBe(JA.bookingStatus.confirmed);
      await page.fill('#refund-form input[name="amount"]', "2000");
      await page.fill('#refund-form input[name="reason"]', "車体の傷のため一部返金");
      await page.fill('#refund-form input[name="password"]', PASSWORD);
      await page.fill('#refund-form input[name="code"]', await totpCode(secret, clock));
      await page.click('#refund-form button[type="submit"]');
      await page.waitForSelector("p.ok");
      await pollUntil("the refund shown as confirmed", async () => {
        await page.goto(`${app.consoleUrl}/bookings/${refundable}`);
        const refunded = (await page.textContent("#refunded-amount")) ?? "";
        return refunded === "￥2,000"
          ? { done: true, value: refunded }
          : { done: false, seen: refunded };
      });
      expect(await page.getAttribute("#payment-status", "data-status")).toBe("partially_refunded");
      expect(await page.textContent("#timeline")).toContain("staff:mika@example.com");
      await saveScreenshot(page, `console-booking-ja-1280-${app.store.dialect}`);

      await page.goto(`${app.consoleUrl}/bookings/${cancellable}`);
      const booking = await app.db
        .selectFrom("rc_bookings")
        .selectAll()
        .where("reference", "=", cancellable)
        .executeTakeFirstOrThrow();
      const fee = Math.floor(booking.total * 0.2);
      expect(await page.textContent("#cancel-form")).toContain(`キャンセル料 20%`);
      await page.fill('#cancel-form input[name="password"]', PASSWORD);
      await page.fill('#cancel-form input[name="code"]', await totpCode(secret, clock));
      await page.click('#cancel-form button[type="submit"]');
      await page.waitForSelector("p.ok");
      expect(await page.textContent("#booking-status")).toBe(JA.bookingStatus.cancelled);
      const refunds = await pollUntil("the cancellation refund", async () => {
        const { refunds } = await app.payments.history({ orderRef: cancellable });
        return refunds[0]?.status === "succeeded"
          ? { done: true, value: refunds }
          : { done: false, seen: String(refunds[0]?.status) };
      });
      expect(refunds.map((refund) => refund.amount.amount)).toEqual([booking.total - fee]);

      await page.goto(`${app.consoleUrl}/audit`);
      const log = (await page.textContent("#audit")) ?? "";
      for (const action of ["enrolled", "sign_in", "refund", "cancel"])
        expect(log).toContain(action);
      watch.expectClean();
    }, 60_000);

    it("adds a passkey and signs in with it instead of a code", async () => {
      const { account } = await enrolStaff(app, clock, {
        email: "jun@example.com",
        name: "Jun Abe",
        role: "staff",
      });
      const { page, watch } = await newPage("en-US");
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("WebAuthn.enable");
      await cdp.send("WebAuthn.addVirtualAuthenticator", {
        options: {
          protocol: "ctap2",
          transport: "internal",
          hasResidentKey: true,
          hasUserVerification: true,
          isUserVerified: true,
        },
      });
      const signInWithPassword = async () => {
        await page.goto(`${app.consoleUrl}/sign-in`);
        await page.fill('input[name="email"]', account.email);
        await page.fill('input[name="password"]', account.password);
        await page.click('button[type="submit"]');
        await page.waitForURL(`${app.consoleUrl}/sign-in/code`);
      };
      await signInWithPassword();
      expect(await page.locator("#passkey-sign-in").count()).toBe(0);
      await enterCode(page, account.secret);
      await page.click('form button[type="submit"]');
      await page.waitForURL(`${app.consoleUrl}/`);

      await page.goto(`${app.consoleUrl}/account`);
      await page.fill('#add-passkey-form input[name="password"]', account.password);
      await page.fill(
        '#add-passkey-form input[name="code"]',
        await totpCode(account.secret, clock),
      );
      await page.click('#add-passkey-form button[type="submit"]');
      await page.waitForSelector("#passkeys li");
      const stored = await app.db.selectFrom("rc_passkeys").selectAll().execute();
      expect(stored).toHaveLength(1);

      await page.click("header form button");
      await page.waitForURL(`${app.consoleUrl}/sign-in`);
      await signInWithPassword();
      const answered = page.waitForRequest(`${app.consoleUrl}/sign-in/passkey`);
      await page.click("#passkey-sign-in");
      const assertion = (await answered).postData() ?? "";
      await page.waitForURL(`${app.consoleUrl}/`);
      expect(await page.textContent("h1")).toBe(CONSOLE_TEXTS.en.searchTitle);

      // The same signed answer, replayed after another password step, is refused: its challenge
      // was used up, and the new pending session has none until it asks for options.
      await page.click("header form button");
      await page.waitForURL(`${app.consoleUrl}/sign-in`);
      await signInWithPassword();
      const replayed = await page.request.post(`${app.consoleUrl}/sign-in/passkey`, {
        headers: { origin: app.consoleUrl, "content-type": "application/json" },
        data: assertion,
      });
      expect(replayed.status()).toBe(401);
      expect(
        await page.request.get(`${app.consoleUrl}/`, { maxRedirects: 0 }).then((r) => r.status()),
      ).toBe(303);
      await page.click("#passkey-sign-in");
      await page.waitForURL(`${app.consoleUrl}/`);
      const signIns = await app.db
        .selectFrom("rc_staff_audit")
        .select("after_json")
        .where("staff_email", "=", account.email)
        .where("action", "=", "sign_in")
        .execute();
      expect(
        signIns.filter((row) => row.after_json === JSON.stringify({ factor: "passkey" })),
      ).toHaveLength(2);
      const refused = await app.db
        .selectFrom("rc_staff_audit")
        .select("action")
        .where("staff_email", "=", account.email)
        .where("outcome", "=", "refused")
        .execute();
      expect(refused.map((row) => row.action)).toEqual(["sign_in_passkey"]);
      watch.expectClean();
    }, 60_000);

    it("refuses a staff member's refund posted with their own signed-in session", async () => {
      const reference = await paidBooking(app, {
        name: "Refund Attempt",
        pickUpDate: daysAhead(12),
        returnDate: daysAhead(13),
      });
      const { account } = await enrolStaff(app, clock, {
        email: "ken@example.com",
        name: "Ken Ito",
        role: "staff",
      });
      const { page } = await newPage("ja-JP");
      await page.goto(`${app.consoleUrl}/sign-in`);
      await page.fill('input[name="email"]', account.email);
      await page.fill('input[name="password"]', account.password);
      await page.click('button[type="submit"]');
      await enterCode(page, account.secret);
      await page.click('form button[type="submit"]');
      await page.waitForURL(`${app.consoleUrl}/`);
      await page.goto(`${app.consoleUrl}/bookings/${reference}`);
      expect(await page.locator("#refund-form").count()).toBe(0);
      const answer = await page.request.post(`${app.consoleUrl}/bookings/${reference}/refund`, {
        headers: { origin: app.consoleUrl },
        form: {
          key: "console-refund-00000000-0000-4000-8000-000000000000",
          amount: "1000",
          reason: "mine now",
          password: account.password,
          code: await totpCode(account.secret, clock),
        },
      });
      expect(answer.status()).toBe(403);
      expect(await answer.text()).toContain(JA.forbidden);
      expect((await app.payments.history({ orderRef: reference })).refunds).toEqual([]);
    }, 60_000);
  };
  describe(`${NAME} (SQLite)`, () => suite(() => undefined));
  describePostgres(`${NAME} (PostgreSQL)`, (database) => suite(() => database.url));
} else {
  // biome-ignore lint/suspicious/noSkippedTests: skipped only without Chromium, never under CI=true.
  describe.skip(NAME, () => {
    it("needs Chromium", () => undefined);
  });
}

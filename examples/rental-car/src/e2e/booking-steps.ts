/**
 * @module
 * What a shopper does in the browser end-to-end tests, as small steps: search, choose a class,
 * fill in the booking form, review it on the confirmation step, accept the terms and continue to
 * the sandbox's hosted page; pay there; wait for a page.
 * Plus the database reads the tests check the outcome with. Shared by the SQLite and PostgreSQL
 * browser suites. Assertions about pages use the app's own texts (`web/i18n.ts`), so a renamed
 * text cannot leave the tests checking a stale copy.
 */
import { expect } from "@jest/globals";
import type { Page } from "playwright-core";
import type { Booking } from "../bookings/bookings";
import type { OutboxTable } from "../db/app-tables";
import type { RentalCar } from "../server/start-rental-car";
import type { Lang } from "../web/format";
import { TEXTS } from "../web/i18n";
import {
  hostedPathPattern,
  operatorOf,
  PAGE_WAIT_MS,
  type Provider,
  payWithCard,
  sandboxOf,
} from "./hosted-page-steps";

export { PAGE_WAIT_MS, payWithCard, sandboxOf } from "./hosted-page-steps";

/** The test card the sandbox approves. */
export const SUCCESS_CARD = "4242424242424242";
/** Declined (`generic_decline`). */
export const DECLINE_CARD = "4000000000000002";
/** Asks for 3-D Secure first. */
export const THREE_D_SECURE_CARD = "4000002760003184";

/** The shopper typed into the booking form. The e-mail is unique per scenario. */
export interface Shopper {
  readonly name: string;
  /** フリガナ (required on the Japanese site). */
  readonly kana: string;
  readonly email: string;
  readonly phone: string;
}

/** A shopper whose e-mail names the scenario (each scenario's booking is found by it). */
export function shopperFor(scenario: string): Shopper {
  return {
    name: "Hanako Suzuki",
    kana: "スズキ ハナコ",
    email: `${scenario}@example.com`,
    phone: "090-1234-5678",
  };
}

/** Where {@link searchAndBook} left the shopper: on the hosted page of a new booking. */
export interface OnHostedPage {
  /** The confirmation step's URL (`/book/confirm/<draft>`). */
  readonly confirmUrl: string;
  /** The hosted page URL (sandbox origin). */
  readonly hostedUrl: string;
  /** The checkout session id: the hosted page URL's last path segment. */
  readonly sessionId: string;
  /** The booking as stored when the shopper reached the hosted page. */
  readonly booking: Booking;
}

/**
 * Something Chromium reports that a scenario accepts, with the reason. Everything else a page
 * reports (console errors, uncaught exceptions, CSP violations) fails the scenario.
 */
export interface KnownProblem {
  readonly why: string;
  readonly matches: (problem: string) => boolean;
}

/** The problems none of `known` accounts for. */
export function unexpectedProblems(
  problems: readonly string[],
  known: readonly KnownProblem[],
): string[] {
  return problems.filter((problem) => !known.some((allowance) => allowance.matches(problem)));
}

/**
 * A scenario's page and what the harness's `watchPage` saw on it. Structural, because the app's
 * build (which compiles this file) cannot import `test-support/`.
 */
export interface ScenarioPage {
  readonly page: Page;
  readonly watch: { problems(): string[] };
}

/** Options of {@link runScenario}. */
export interface ScenarioOptions {
  /** The screenshot's file name (`artifacts/e2e/<name>.png`). */
  readonly name: string;
  readonly app: RentalCar;
  /** The harness's `saveScreenshot`. */
  readonly screenshot: (page: Page, name: string) => Promise<unknown>;
  /** The app's log lines (JSON), for the report of a failed step: warnings and errors are shown. */
  readonly logs?: readonly string[] | undefined;
}

/**
 * Runs `body` on a watched page, then saves the screenshot of the last page and demands that no
 * page reported anything but the sandbox's missing favicon and what `body` added to `known`.
 * When a step fails, its error also lists what the pages reported (a redirect blocked by the
 * CSP shows up as a timeout plus its violation) and the app's warnings and errors, and a
 * `<name>-failed` screenshot is saved.
 */
export async function runScenario(
  { page, watch }: ScenarioPage,
  options: ScenarioOptions,
  body: (known: KnownProblem[]) => Promise<void>,
): Promise<void> {
  const known: KnownProblem[] = [];
  try {
    await body(known);
  } catch (error) {
    await options.screenshot(page, `${options.name}-failed`).catch(() => undefined);
    throw explained(error, [
      ["What the pages reported", watch.problems()],
      ["The app's warnings and errors", warningsIn(options.logs ?? [])],
    ]);
  }
  await options.screenshot(page, options.name);
  expect(unexpectedProblems(watch.problems(), known)).toEqual([]);
}

/** The log lines (pino JSON) at level warn (40) or above; at most the last 20. */
function warningsIn(logs: readonly string[]): string[] {
  return logs.filter((line) => Number(/"level":(\d+)/.exec(line)?.[1] ?? 0) >= 40).slice(-20);
}

/** `error` with each non-empty section appended to its message (and stack). */
function explained(
  error: unknown,
  sections: readonly (readonly [string, readonly string[]])[],
): unknown {
  const extra = sections
    .filter(([, lines]) => lines.length > 0)
    .map(([title, lines]) => `\n\n${title}:\n${lines.join("\n")}`)
    .join("");
  if (!(error instanceof Error) || extra === "") return error;
  const original = error.message;
  error.message = `${original}${extra}`;
  if (error.stack?.includes(original)) error.stack = error.stack.replace(original, error.message);
  return error;
}

/** The page's `<h1>` text. */
export async function heading(page: Page): Promise<string> {
  return ((await page.locator("h1").first().textContent()) ?? "").trim();
}

/** Waits (across reloads and navigations) until the page's `<h1>` reads `text`. */
export async function waitForHeading(page: Page, text: string): Promise<void> {
  await page
    .getByRole("heading", { level: 1, name: text, exact: true })
    .waitFor({ timeout: PAGE_WAIT_MS });
}

/** Waits until the page is on `origin` (after a redirect chain) and has loaded. */
export async function waitForOrigin(page: Page, origin: string): Promise<void> {
  await page.waitForURL((url) => url.origin === origin, { timeout: PAGE_WAIT_MS });
}

/** The sources of a Content-Security-Policy's `form-action` directive. */
export function formAction(policy: string): string[] {
  const directive = policy
    .split(";")
    .map((part) => part.trim().split(/\s+/))
    .find(([name]) => name === "form-action");
  return directive?.slice(1) ?? [];
}

/**
 * From the home page (`/?lang=…`) through the search form (its defaults: New Chitose Airport,
 * tomorrow for two days, unless `dates` are typed in), choosing `carClass`, to the booking form.
 * Asserts that the booking form's page lets forms post to this site and the sandbox only.
 */
export async function searchAndChoose(
  page: Page,
  app: RentalCar,
  options: {
    readonly lang: Lang;
    readonly carClass: string;
    /** Pick-up and return dates (`YYYY-MM-DD`, Japan time) to type into the search form. */
    readonly dates?: { readonly pickUp: string; readonly return: string } | undefined;
  },
): Promise<void> {
  const texts = TEXTS[options.lang];
  await page.goto(`${app.url}/?lang=${options.lang}`);
  expect(await heading(page)).toBe(texts.searchTitle);
  expect(await page.locator("html").getAttribute("lang")).toBe(options.lang);

  if (options.dates !== undefined) {
    const search = page.locator("form.search");
    await search.getByLabel(texts.pickUpDate, { exact: true }).fill(options.dates.pickUp);
    await search.getByLabel(texts.returnDate, { exact: true }).fill(options.dates.return);
  }
  await page.getByRole("button", { name: texts.search, exact: true }).click();
  await waitForHeading(page, texts.resultsTitle);

  const bookPage = page.waitForResponse((response) => new URL(response.url()).pathname === "/book");
  await page
    .locator(`li.car[data-class="${options.carClass}"]`)
    .getByRole("link", { name: texts.choose, exact: true })
    .click();
  await waitForHeading(page, texts.bookTitle);
  // The confirmation step's form post leads (by a 303) to the sandbox, and nowhere else.
  const policy = (await (await bookPage).headerValue("content-security-policy")) ?? "";
  expect(formAction(policy)).toEqual(["'self'", sandboxOf(app).origin]);
}

/**
 * On the booking form: chooses the `options` (code → quantity, picked in their own selects, no
 * other button pressed), types the shopper's details and presses "Review your booking".
 */
export async function fillBookingForm(
  page: Page,
  lang: Lang,
  shopper: Shopper,
  options: Readonly<Record<string, number>> = {},
): Promise<void> {
  const texts = TEXTS[lang];
  const details = page.locator("form.details");
  for (const [code, quantity] of Object.entries(options)) {
    await details.locator(`select[name="option_${code}"]`).selectOption(String(quantity));
  }
  await details.getByLabel(texts.name, { exact: true }).fill(shopper.name);
  await details.getByLabel(texts.kana, { exact: true }).fill(shopper.kana);
  await details.getByLabel(texts.email, { exact: true }).fill(shopper.email);
  await details.getByLabel(texts.phone, { exact: true }).fill(shopper.phone);
  await details.getByRole("button", { name: texts.review, exact: true }).click();
}

/**
 * On the confirmation step: accepts the cancellation policy and damage-waiver terms and presses
 * "Continue to payment"; waits for the sandbox's hosted page (the 303 is followed only if the
 * app's CSP `form-action` allows it).
 */
export async function acceptAndContinue(page: Page, app: RentalCar, lang: Lang): Promise<void> {
  const texts = TEXTS[lang];
  await page.getByLabel(texts.acceptTerms, { exact: true }).check();
  await page.getByRole("button", { name: texts.proceedToPayment, exact: true }).click();
  await waitForOrigin(page, sandboxOf(app).origin);
}

/**
 * From the home page through the search, the booking form (the shopper's details, and `extras`
 * if given) and the confirmation step to the sandbox's hosted page of a new booking (the
 * `provider` the app was started with; default Stripe).
 */
export async function searchAndBook(
  page: Page,
  app: RentalCar,
  options: {
    readonly lang: Lang;
    readonly carClass: string;
    readonly shopper: Shopper;
    /** Pick-up and return dates (`YYYY-MM-DD`, Japan time) to type into the search form. */
    readonly dates?: { readonly pickUp: string; readonly return: string } | undefined;
    /** Options to choose on the booking form (code → quantity). */
    readonly extras?: Readonly<Record<string, number>> | undefined;
    /** The app's provider (default `stripe`). */
    readonly provider?: Provider | undefined;
  },
): Promise<OnHostedPage> {
  const provider = options.provider ?? "stripe";
  const texts = TEXTS[options.lang];
  const sandbox = sandboxOf(app);
  await searchAndChoose(page, app, options);
  await fillBookingForm(page, options.lang, options.shopper, options.extras);
  await waitForHeading(page, texts.confirmTitle);
  const confirmUrl = page.url();
  expect(new URL(confirmUrl).pathname).toMatch(/^\/book\/confirm\/[\w-]{24}$/);
  await acceptAndContinue(page, app, options.lang);

  const hostedUrl = page.url();
  expect(new URL(hostedUrl).origin).toBe(sandbox.origin);
  expect(new URL(hostedUrl).pathname).toMatch(hostedPathPattern(provider));
  const sessionId = new URL(hostedUrl).pathname.split("/").at(-1) ?? "";
  // Stripe's page opens on the card form; KOMOJU's asks for the payment method first.
  if (provider === "stripe") expect(await page.locator("#number").isVisible()).toBe(true);

  const booking = await bookingByEmail(app, options.shopper.email);
  expect(booking).toMatchObject({
    status: "awaiting_payment",
    car_class: options.carClass,
    locale: options.lang,
  });
  return { confirmUrl, hostedUrl, sessionId, booking };
}

/** The line items of a sandbox checkout session, as its Stripe-shaped API lists them. */
export async function sessionLineItems(
  app: RentalCar,
  sessionId: string,
): Promise<{ description: string; quantity: number; amount_total: number }[]> {
  const response = await fetch(
    `${sandboxOf(app).origin}/v1/checkout/sessions/${sessionId}/line_items?limit=100`,
    { headers: { authorization: `Bearer ${app.sandboxKey ?? ""}` } },
  );
  expect(response.status).toBe(200);
  const body = (await response.json()) as {
    data: { description: string; quantity: number; amount_total: number }[];
  };
  return body.data.map(({ description, quantity, amount_total }) => ({
    description,
    quantity,
    amount_total,
  }));
}

/** The path of the app's return page of `reference` (the provider's success URL). */
export function returnPathPattern(reference: string): RegExp {
  return new RegExp(`^/bookings/${reference}/return$`);
}

/** Waits until the shopper is back on the app's return page of `booking`. */
export async function waitForReturnPage(
  page: Page,
  app: RentalCar,
  booking: Booking,
): Promise<void> {
  await waitForOrigin(page, new URL(app.url).origin);
  expect(new URL(page.url()).pathname).toMatch(returnPathPattern(booking.reference));
}

/** The booking made with `email` (each scenario uses its own). */
export async function bookingByEmail(app: RentalCar, email: string): Promise<Booking> {
  return app.db
    .selectFrom("rc_bookings")
    .selectAll()
    .where("customer_email", "=", email)
    .executeTakeFirstOrThrow();
}

/** The booking as stored now. */
export async function bookingNow(app: RentalCar, booking: Booking): Promise<Booking> {
  return app.db
    .selectFrom("rc_bookings")
    .selectAll()
    .where("id", "=", booking.id)
    .executeTakeFirstOrThrow();
}

/** The e-mails queued for `booking`. */
export async function mailsFor(app: RentalCar, booking: Booking): Promise<OutboxTable[]> {
  return app.db.selectFrom("rc_outbox").selectAll().where("booking_id", "=", booking.id).execute();
}

/** The calendar days a car is held for `booking`. */
export async function heldDays(app: RentalCar, booking: Booking): Promise<string[]> {
  const rows = await app.db
    .selectFrom("rc_car_days")
    .select("day")
    .where("booking_id", "=", booking.id)
    .execute();
  return rows.map((row) => row.day);
}

/**
 * Asserts that `booking` is confirmed in the database, still holds its car and had exactly one
 * confirmation e-mail queued, to the shopper, naming the reference.
 */
export async function expectConfirmedWithOneMail(app: RentalCar, booking: Booking): Promise<void> {
  expect(await bookingNow(app, booking)).toMatchObject({ status: "confirmed" });
  expect((await heldDays(app, booking)).length).toBeGreaterThan(0);
  const mails = await mailsFor(app, booking);
  expect(mails).toHaveLength(1);
  expect(mails[0]).toMatchObject({ kind: "booking_confirmed", recipient: booking.customer_email });
  expect(mails[0]?.body).toContain(booking.reference);
}

/**
 * What a return page says, read in the page in one step: title, "confirming" text and refresh.
 * A string, not a function: the project's TypeScript lib has no DOM types.
 */
const READ_RETURN_PAGE = `({
  title: document.querySelector("h1")?.textContent ?? null,
  text: document.querySelector("p.confirming")?.textContent ?? null,
  refresh: document.querySelector('meta[http-equiv="refresh"]')?.getAttribute("content") ?? null,
})`;

/**
 * The success scenario, shared by the SQLite and PostgreSQL suites: book, hold the webhook back
 * by 1.5 s, pay with the success card, see "confirming" on the return page (which reloads itself
 * every 2 s), then the confirmed title once the webhook has arrived; check the database.
 */
export async function bookAndPayWithLateWebhook(
  page: Page,
  app: RentalCar,
  options: {
    readonly lang: Lang;
    readonly carClass: string;
    readonly shopper: Shopper;
    /** The app's provider (default `stripe`). */
    readonly provider?: Provider | undefined;
  },
): Promise<Booking> {
  const texts = TEXTS[options.lang];
  const sandbox = sandboxOf(app);
  const { sessionId, booking } = await searchAndBook(page, app, options);
  // The hosted page speaks the booking's language.
  expect(await page.locator("html").getAttribute("lang")).toBe(options.lang);
  const provider = options.provider ?? "stripe";
  const release = operatorOf(app, provider).delayWebhooks(sessionId, 1_500);
  try {
    await payWithCard(page, provider, SUCCESS_CARD);
    await waitForReturnPage(page, app, booking);
    // The redirect alone never confirms: the webhook is still held back. Read in one go, before
    // the page's own 2-second reload can replace it.
    expect(await page.evaluate(READ_RETURN_PAGE)).toEqual({
      title: texts.confirmingTitle,
      text: texts.confirmingText,
      refresh: "2",
    });

    // The page reloads itself until the webhook has confirmed the booking.
    await waitForHeading(page, texts.confirmedTitle);
    expect(await page.locator("p.confirmed").textContent()).toBe(texts.confirmedText);
    expect(await page.locator("dd.reference").textContent()).toBe(booking.reference);
    expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(0);
    await sandbox.whenDeliveriesSettled();
  } finally {
    release();
  }
  await expectConfirmedWithOneMail(app, booking);
  return booking;
}

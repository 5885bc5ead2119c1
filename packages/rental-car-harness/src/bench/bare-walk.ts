/**
 * @module
 * The patrol benchmark's baseline: the same pages and journey driven by plain playwright-core,
 * with none of the patrol's recording (no network listeners, DevTools session or DOM inventory)
 * and no checks: launch Chromium with the patrol's flags, open one context, load each page, take
 * the journey's steps, submit and wait for the provider's page to load, close. Each phase is
 * timed. The bare walk leaves an open Checkout Session (and a car held) behind;
 * {@link expireSandboxSession} ends it as the patrol ends its own.
 */
import type { JourneyStep, PatrolConfig } from "@linkpay/patrol";
import { chromium, type Page } from "playwright-core";

/** The same quiet headless flags as the patrol's browser. */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

/** Milliseconds spent in each phase of one walk. */
export interface WalkPhases {
  /** `chromium.launch` until the browser answers. */
  readonly launch: number;
  /** The new context and every configured page, each to its `load` event. */
  readonly pages: number;
  /** The journey's start page and its steps up to the submit. */
  readonly journey: number;
  /** The submit until the provider's page has loaded. */
  readonly submit: number;
  readonly close: number;
}

/** What one bare walk did. */
export interface BareWalk {
  /** The provider page the walk ended on. */
  readonly landingUrl: string;
  readonly phases: WalkPhases;
}

/** `{email}` and `{run}` replaced; any other placeholder is refused, not silently typed. */
function fill(value: string, values: { readonly email: string; readonly run: string }): string {
  const filled = value.replaceAll("{email}", values.email).replaceAll("{run}", values.run);
  if (/\{[a-z+-\d]+\}/.test(filled)) throw new Error(`the bare walk cannot fill ${value}`);
  return filled;
}

async function takeStep(
  page: Page,
  step: JourneyStep,
  values: { readonly email: string; readonly run: string; readonly timeout: number },
): Promise<void> {
  const { timeout } = values;
  if ("goto" in step) await page.goto(new URL(step.goto, page.url()).href, { timeout });
  else if ("click" in step)
    // As the patrol does: the click's navigation, to its load event.
    await Promise.all([
      page.waitForNavigation({ timeout }),
      page.locator(step.click).first().click({ timeout }),
    ]);
  else if ("fill" in step)
    await page.locator(step.fill).first().fill(fill(step.value, values), { timeout });
  else if ("select" in step)
    await page.locator(step.select).first().selectOption(fill(step.value, values), { timeout });
  else if ("check" in step) await page.locator(step.check).first().check({ timeout });
  else if ("readAmount" in step)
    await page.locator(step.readAmount).first().textContent({ timeout });
}

/** Walks the config's pages and its first journey to `checkoutOrigin`; throws if it ends elsewhere. */
export async function bareWalk(input: {
  readonly config: PatrolConfig;
  readonly checkoutOrigin: string;
  readonly email: string;
  readonly run: string;
}): Promise<BareWalk> {
  const { config, checkoutOrigin } = input;
  const journey = config.journeys[0];
  const submit = journey?.steps.at(-1);
  if (journey === undefined || submit === undefined || !("submit" in submit))
    throw new Error("the config has no journey ending in a submit");
  const timeout = config.browser.timeoutMs;
  const values = { email: input.email, run: input.run, timeout };
  let mark = performance.now();
  const lap = () => {
    const now = performance.now();
    const elapsed = now - mark;
    mark = now;
    return elapsed;
  };

  const browser = await chromium.launch({
    executablePath:
      config.browser.executablePath ?? process.env.LINKPAY_CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const launch = lap();
  let walked: { landingUrl: string; phases: Omit<WalkPhases, "launch" | "close"> };
  try {
    const context = await browser.newContext({
      locale: config.browser.locale,
      viewport: config.browser.viewport,
      serviceWorkers: "block",
    });
    const page = await context.newPage();
    for (const path of config.pages) {
      await page.goto(new URL(path, config.site).href, { timeout, waitUntil: "load" });
    }
    const pages = lap();
    await page.goto(new URL(journey.start, config.site).href, { timeout });
    for (const step of journey.steps.slice(0, -1)) await takeStep(page, step, values);
    const journeyMs = lap();
    await page.locator(submit.submit).first().click({ timeout, noWaitAfter: true });
    await page.waitForURL((url) => url.origin === checkoutOrigin, { timeout, waitUntil: "load" });
    walked = { landingUrl: page.url(), phases: { pages, journey: journeyMs, submit: lap() } };
  } finally {
    await browser.close();
  }
  return { landingUrl: walked.landingUrl, phases: { launch, ...walked.phases, close: lap() } };
}

/**
 * Expires the Checkout Session a hosted page URL (`…/c/pay/<id>`) shows, with the sandbox's
 * secret key, through the Stripe API route the patrol's reader uses. The sandbox then sends
 * `checkout.session.expired` and the app releases the car. Returns the call's milliseconds.
 */
export async function expireSandboxSession(input: {
  readonly apiOrigin: string;
  readonly secretKey: string;
  readonly landingUrl: string;
}): Promise<number> {
  const id = new URL(input.landingUrl).pathname.split("/").at(-1) ?? "";
  if (!id.startsWith("cs_")) throw new Error(`no Checkout Session in ${input.landingUrl}`);
  const started = performance.now();
  const response = await fetch(`${input.apiOrigin}/v1/checkout/sessions/${id}/expire`, {
    method: "POST",
    headers: { authorization: `Bearer ${input.secretKey}` },
  });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`expiring ${id} answered ${response.status}`);
  return performance.now() - started;
}

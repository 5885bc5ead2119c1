/**
 * @module
 * Runs one journey in a page: from its start page through its steps to the submit that leads to
 * payment. Each page the journey reaches is recorded; the submit's navigation is followed hop by
 * hop (the form's own request, each HTTP redirect, and any navigation a page starts by itself)
 * until the browser settles on the provider's origin or stops elsewhere.
 */
import type { Page, Response } from "playwright-core";
import type { Journey } from "../config";
import type { PageSnapshot, RedirectRecord } from "../model/snapshot";
import { amountShown } from "./amount-shown";
import { fillTemplate, type TemplateValues } from "./fill-template";
import { followSubmit } from "./follow-submit";
import { originOf, withoutQuery } from "./normalize";
import type { PageRecorder } from "./page-recorder";

/** What a journey produced. */
export interface JourneyResult {
  readonly pages: readonly PageSnapshot[];
  readonly redirect: RedirectRecord;
  /** The full URL the browser settled on (with query and fragment: the provider reads its session id from it). */
  readonly landingUrl: string;
  /** The page where the browser settled, when it is not on a checkout origin. */
  readonly landingPage?: PageSnapshot | undefined;
}

/** Options of {@link runJourney}. */
export interface RunJourneyOptions {
  readonly page: Page;
  readonly recorder: PageRecorder;
  readonly site: string;
  readonly checkoutOrigins: readonly string[];
  readonly journey: Journey;
  readonly values: TemplateValues;
  readonly timeoutMs: number;
}

/** Runs `journey`; throws (with the step) when a step cannot be done. */
export async function runJourney(options: RunJourneyOptions): Promise<JourneyResult> {
  const { page, recorder, journey, values } = options;
  const pages: PageSnapshot[] = [];
  let expectedAmount: RedirectRecord["expectedAmount"];
  let lastUrl = "";
  const record = async (response: Response | null, index: number) => {
    if (page.url() === lastUrl) return;
    lastUrl = page.url();
    pages.push(await recorder.snapshot(`journey:${journey.name}#${index}`, response));
  };

  recorder.reset();
  let response = await page.goto(new URL(journey.start, options.site).href, {
    timeout: options.timeoutMs,
  });
  await record(response, 0);

  for (const [index, step] of journey.steps.entries()) {
    const where = `journey "${journey.name}" step ${index + 1}`;
    try {
      if ("submit" in step) break;
      if ("goto" in step) {
        recorder.reset();
        response = await page.goto(new URL(step.goto, options.site).href, {
          timeout: options.timeoutMs,
        });
      } else if ("click" in step) {
        recorder.reset();
        const navigation = page.waitForNavigation({ timeout: options.timeoutMs }).catch(() => null);
        await page.locator(step.click).first().click({ timeout: options.timeoutMs });
        response = await navigation;
      } else if ("fill" in step) {
        await page
          .locator(step.fill)
          .first()
          .fill(fillTemplate(step.value, values), { timeout: options.timeoutMs });
      } else if ("select" in step) {
        await page
          .locator(step.select)
          .first()
          .selectOption(fillTemplate(step.value, values), { timeout: options.timeoutMs });
      } else if ("check" in step) {
        await page.locator(step.check).first().check({ timeout: options.timeoutMs });
      } else if ("readAmount" in step) {
        const text =
          (await page
            .locator(step.readAmount)
            .first()
            .textContent({ timeout: options.timeoutMs })) ?? "";
        expectedAmount = { amount: amountShown(text, step.currency), currency: step.currency };
      }
    } catch (error) {
      throw new Error(
        `${where} failed on ${withoutQuery(page.url())}: ${(error as Error).message.split("\n").slice(0, 6).join(" | ")}`,
      );
    }
    await record(response, index + 1);
  }

  const submit = journey.steps.at(-1);
  if (submit === undefined || !("submit" in submit))
    throw new Error(`journey "${journey.name}" has no submit step`);
  const { hops, lastResponse } = await followSubmit(options, submit.submit);
  const landingUrl = page.url();
  const landingOrigin = originOf(landingUrl);
  const onCheckout = landingOrigin !== undefined && options.checkoutOrigins.includes(landingOrigin);
  const landingPage = onCheckout
    ? undefined
    : await recorder.snapshot(`journey:${journey.name}#landing`, lastResponse);
  return {
    pages,
    redirect: { journey: journey.name, hops, expectedAmount, email: values.email },
    landingUrl,
    landingPage,
  };
}

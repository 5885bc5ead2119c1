/**
 * @module
 * Runs one journey in a page: from its start page through its steps to the submit that leads to
 * payment. Each page the journey reaches is recorded; the submit's navigation is followed hop by
 * hop (the form's own request, each HTTP redirect, and any navigation a page starts by itself)
 * until the browser settles on the provider's origin or stops elsewhere.
 */
import type { Page, Request, Response } from "playwright-core";
import type { Journey } from "../config";
import type { NavigationHop, PageSnapshot, RedirectRecord } from "../model/snapshot";
import { amountShown } from "./amount-shown";
import { fillTemplate, type TemplateValues } from "./fill-template";
import { originOf, withoutQuery } from "./normalize";
import type { PageRecorder } from "./page-recorder";

/** Raw answers the network received, by request URL, in order. */
interface RawAnswers {
  /** The next raw answer to a request for `url`, if one was seen. */
  take(
    url: string,
  ): { readonly status: number; readonly location?: string | undefined } | undefined;
  stop(): Promise<void>;
}

/**
 * Watches the page's network through the DevTools protocol: every response's status and
 * Location, including responses the browser then refused to act on. A request id keeps its id
 * across redirects, so the n-th response of an id answers the n-th URL it was sent to (the
 * protocol may report the response before or after the failure that followed it).
 */
async function watchRawAnswers(page: Page): Promise<RawAnswers> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  const urls = new Map<string, string[]>();
  const answers = new Map<string, { status: number; location?: string | undefined }[]>();
  const append = <T>(map: Map<string, T[]>, key: string, value: T) =>
    map.set(key, [...(map.get(key) ?? []), value]);
  cdp.on("Network.requestWillBeSent", (event) => append(urls, event.requestId, event.request.url));
  cdp.on("Network.responseReceivedExtraInfo", (event) => {
    const headers = Object.fromEntries(
      Object.entries(event.headers).map(([name, value]) => [name.toLowerCase(), String(value)]),
    );
    append(answers, event.requestId, { status: event.statusCode, location: headers.location });
  });
  const taken = new Set<string>();
  return {
    take(url) {
      for (const [id, sent] of urls) {
        for (const [index, sentUrl] of sent.entries()) {
          const answer = answers.get(id)?.[index];
          const key = `${id}#${index}`;
          if (sentUrl !== url || answer === undefined || taken.has(key)) continue;
          taken.add(key);
          return answer;
        }
      }
      return undefined;
    },
    stop: () => cdp.detach().catch(() => undefined),
  };
}

/** The parts of a submit button (in the page) that tell where its form goes. */
interface SubmitControl {
  readonly form: { readonly action: string; getAttribute(name: string): string | null } | null;
  readonly formAction?: string | undefined;
  getAttribute(name: string): string | null;
}

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
        `${where} failed on ${page.url()}: ${(error as Error).message.split("\n").slice(0, 6).join(" | ")}`,
      );
    }
    await record(response, index + 1);
  }

  const submit = journey.steps.at(-1);
  if (submit === undefined || !("submit" in submit))
    throw new Error(`journey "${journey.name}" has no submit step`);
  const hops = await followSubmit(options, submit.submit);
  const landingUrl = page.url();
  const landingOrigin = originOf(landingUrl);
  const onCheckout = landingOrigin !== undefined && options.checkoutOrigins.includes(landingOrigin);
  const landingPage = onCheckout
    ? undefined
    : await recorder.snapshot(`journey:${journey.name}#landing`, null);
  return {
    pages,
    redirect: { journey: journey.name, hops, expectedAmount, email: values.email },
    landingUrl,
    landingPage,
  };
}

/**
 * Clicks the submit control and follows the main frame's navigations until the browser loads a
 * document on a checkout origin, or loads one elsewhere and the network falls idle.
 */
async function followSubmit(
  options: RunJourneyOptions,
  selector: string,
): Promise<NavigationHop[]> {
  const { page } = options;
  const control = page.locator(selector).first();
  const form = await control.evaluate((el: SubmitControl) =>
    el.form === null
      ? null
      : {
          action:
            el.getAttribute("formaction") === null
              ? el.form.action
              : (el.formAction ?? el.form.action),
          method: (
            el.getAttribute("formmethod") ??
            el.form.getAttribute("method") ??
            "get"
          ).toLowerCase(),
        },
  );

  const requests: Request[] = [];
  const onRequest = (request: Request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame())
      requests.push(request);
  };
  page.on("request", onRequest);
  const raw = await watchRawAnswers(page);
  options.recorder.reset();
  try {
    await control.click({ timeout: options.timeoutMs, noWaitAfter: true });
    await page
      .waitForURL((url) => options.checkoutOrigins.includes(url.origin), {
        timeout: options.timeoutMs,
        waitUntil: "load",
      })
      .catch(async () => {
        await page
          .waitForLoadState("networkidle", { timeout: options.timeoutMs })
          .catch(() => undefined);
      });
  } finally {
    page.off("request", onRequest);
    await raw.stop();
  }

  const hops: NavigationHop[] = [];
  for (const request of requests) {
    const answer = await request.response().catch(() => null);
    // A redirect the browser refused to follow (CSP form-action) leaves no response here, but
    // the network saw it: take its status and Location from there.
    const seen = answer === null ? raw.take(request.url()) : undefined;
    const redirected = request.redirectedFrom() !== null;
    const isSubmit =
      hops.length === 0 &&
      !redirected &&
      form !== null &&
      withoutQuery(request.url()) === withoutQuery(form.action) &&
      request.method().toLowerCase() === form.method;
    const status = answer?.status() ?? seen?.status ?? 0;
    const location =
      status >= 300 && status < 400
        ? ((await answer?.headerValue("location")) ?? seen?.location)
        : undefined;
    hops.push({
      url: withoutQuery(request.url()),
      method: request.method(),
      status,
      cause: isSubmit ? "submit" : redirected ? "redirect" : "document",
      location: location ? withoutQuery(new URL(location, request.url()).href) : undefined,
    });
  }
  return hops;
}

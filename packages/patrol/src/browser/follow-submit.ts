/**
 * @module
 * Follows the "go to payment" submit: the form's own request, each HTTP redirect with its
 * Location, and any navigation a page starts by itself, until the browser settles.
 */
import { setTimeout as delay } from "node:timers/promises";
import type { Page, Request, Response } from "playwright-core";
import type { NavigationHop } from "../model/snapshot";
import { withoutQuery } from "./normalize";
import type { PageRecorder } from "./page-recorder";
import { watchRawAnswers } from "./raw-answers";

/** Options of {@link followSubmit}. */
export interface FollowSubmitOptions {
  readonly page: Page;
  readonly recorder: PageRecorder;
  readonly checkoutOrigins: readonly string[];
  readonly timeoutMs: number;
}

/** The parts of a submit button (in the page) that tell where its form goes. */
interface SubmitControl {
  readonly form: { readonly action: string; getAttribute(name: string): string | null } | null;
  readonly formAction?: string | undefined;
  getAttribute(name: string): string | null;
}

/**
 * Clicks the submit control and follows the main frame's navigations until the browser loads a
 * document on a checkout origin, or loads one elsewhere and the network falls idle.
 */
export async function followSubmit(
  options: FollowSubmitOptions,
  selector: string,
): Promise<{ readonly hops: NavigationHop[]; readonly lastResponse: Response | null }> {
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
  let lastResponse: Response | null = null;
  for (const request of requests) {
    // A request that never got an answer must not hold the run up.
    const answer = await Promise.race([
      request.response().catch(() => null),
      delay(options.timeoutMs, null, { ref: false }),
    ]);
    lastResponse = answer ?? lastResponse;
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
  return { hops, lastResponse };
}

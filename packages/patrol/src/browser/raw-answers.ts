/**
 * @module
 * The raw answers of a page's network, read through the DevTools protocol: what the browser
 * received even when it refused to act on it (a redirect that CSP `form-action` blocked).
 */
import type { Page } from "playwright-core";

/** Raw answers the network received, by request URL, in order. */
export interface RawAnswers {
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
export async function watchRawAnswers(page: Page): Promise<RawAnswers> {
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

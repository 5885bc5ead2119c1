/**
 * @module
 * Starts the patrol's browser: Chromium through playwright-core, never a downloaded one. Each run
 * gets a fresh profile (playwright-core makes a new user-data directory), so nothing a previous
 * run saw (cookies, cache, service workers) hides a change, and the patrol sees what a first-time
 * shopper sees.
 */
import { type Browser, chromium } from "playwright-core";

/** The Chromium binary: the config's, else `LINKPAY_CHROMIUM`, else Debian's `/usr/bin/chromium`. */
export function chromiumPath(configured?: string | undefined): string {
  return configured ?? process.env.LINKPAY_CHROMIUM ?? "/usr/bin/chromium";
}

/** Flags for a quiet headless run that does not call home (no background networking, no sync). */
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
  // A skimmer that serves clean pages to bots looks at navigator.webdriver; a shopper's is false.
  "--disable-blink-features=AutomationControlled",
] as const;

/**
 * The user agent a shopper's Chromium of this version sends: headless Chromium says
 * `HeadlessChrome`, which a cloaking skimmer would only have to look for.
 */
export function shopperUserAgent(browser: Browser): string {
  return `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${browser.version()} Safari/537.36`;
}

/** Launches headless Chromium; close it when the run ends. */
export async function launchPatrolBrowser(options: {
  readonly executablePath?: string | undefined;
  readonly extraArgs?: readonly string[] | undefined;
}): Promise<Browser> {
  const executablePath = chromiumPath(options.executablePath);
  try {
    return await chromium.launch({
      executablePath,
      headless: true,
      args: [...ARGS, ...(options.extraArgs ?? [])],
    });
  } catch (error) {
    throw new Error(
      `Could not start Chromium at ${executablePath} (set browser.executablePath in the config or LINKPAY_CHROMIUM; on Debian: apt-get install chromium): ${(error as Error).message.split("\n")[0]}`,
    );
  }
}

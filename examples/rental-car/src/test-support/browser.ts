/**
 * @module
 * End-to-end test harness: `playwright-core` driving Debian's Chromium (never `playwright install`,
 * which would download a browser). Suites guard themselves with {@link requireChromium}: without
 * Chromium they are skipped with a printed notice, except under `CI=true`, where they fail
 * (`.ci/ensure-chromium` installs it). {@link watchPage} collects what a page reports as wrong
 * (console errors, uncaught exceptions, Content Security Policy violations) so a test can demand a
 * clean page; {@link saveScreenshot} keeps a picture under `artifacts/e2e/` for people to look at.
 */
import { accessSync, constants, existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";

/** The Chromium binary the tests drive: `LINKPAY_CHROMIUM`, else Debian's `/usr/bin/chromium`. */
export const CHROMIUM_PATH = process.env.LINKPAY_CHROMIUM ?? "/usr/bin/chromium";

/**
 * Flags for a quiet, closed-network headless run. The background-networking, component-update and
 * sync flags stop Chromium from calling home (there is no network to call). playwright-core adds
 * `--headless` and a fresh `--user-data-dir` of its own.
 */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
] as const;

/** Whether {@link CHROMIUM_PATH} exists and is executable. */
export function chromiumAvailable(): boolean {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether browser suites can run. Without Chromium it throws under `CI=true` and otherwise warns
 * and returns false, so the caller registers its suite with `describe.skip`.
 */
export function requireChromium(): boolean {
  if (chromiumAvailable()) return true;
  if (process.env.CI === "true") {
    throw new Error(
      `Chromium is required under CI but ${CHROMIUM_PATH} is missing or not executable; ` +
        "`bash .ci/ensure-chromium` installs Debian's package.",
    );
  }
  console.warn(
    `Skipping browser tests: no executable Chromium at ${CHROMIUM_PATH}. ` +
      "Run `bash .ci/ensure-chromium` or set LINKPAY_CHROMIUM.",
  );
  return false;
}

/**
 * Launches headless Chromium from {@link CHROMIUM_PATH}, with `extraArgs` after the quiet-run
 * flags (e.g. `--ignore-certificate-errors-spki-list=…` to trust one throwaway certificate).
 * Close it in `afterAll`.
 */
export function launchBrowser(
  options: { readonly extraArgs?: readonly string[] } = {},
): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])],
  });
}

/** What {@link watchPage} saw go wrong on a page, across all its navigations. */
export interface PageWatch {
  /** Settles once the CSP listener is installed: await it before the first navigation. */
  readonly ready: Promise<void>;
  /** Every problem so far, each as `[kind] <page URL>: <what Chromium reported>`. */
  problems(): string[];
  /** Throws an Error listing the problems, if there are any. */
  expectClean(): void;
}

/** Prefix of what the init script logs; see {@link CSP_LISTENER}. */
const CSP_EVENT_PREFIX = "CSP violation: ";

/**
 * Runs in every document (and frame) before the page's own scripts. A string, not a function:
 * the project's TypeScript lib has no DOM types. Init scripts are not subject to the page's CSP.
 */
const CSP_LISTENER = `document.addEventListener("securitypolicyviolation", (e) => {
  console.error(${JSON.stringify(CSP_EVENT_PREFIX)} + e.violatedDirective + " " + e.blockedURI);
});`;

/**
 * Records, from now on, the page's console errors, uncaught exceptions (`pageerror`), crashes and
 * CSP violations: both Chromium's own "Content Security Policy" console error and the
 * `securitypolicyviolation` event, so a violation usually appears twice. Responses with a 4xx/5xx
 * status are not filtered out: whatever Chromium reports about them is recorded.
 */
export function watchPage(page: Page): PageWatch {
  const found: string[] = [];
  const record = (kind: string, text: string) => found.push(`[${kind}] ${page.url()}: ${text}`);

  page.on("console", (message) => {
    if (message.type() !== "error") return;
    // Where it came from, when that is not the page itself (a script, a failed resource's URL).
    const source = message.location().url;
    const text = source && source !== page.url() ? `${message.text()} (${source})` : message.text();
    if (text.startsWith(CSP_EVENT_PREFIX)) record("csp-event", text);
    else if (text.includes("Content Security Policy")) record("csp", text);
    else record("console.error", text);
  });
  page.on("pageerror", (error) => record("pageerror", error.stack ?? error.message));
  page.on("crash", () => record("crash", "the page crashed"));

  const ready = page.addInitScript(CSP_LISTENER).then(
    () => undefined,
    (error: unknown) => {
      record("harness", `could not install the CSP listener: ${String(error)}`);
    },
  );

  return {
    ready,
    problems: () => [...found],
    expectClean() {
      if (found.length > 0) {
        throw new Error(`The page reported ${found.length} problem(s):\n${found.join("\n")}`);
      }
    },
  };
}

/** The monorepo root: the nearest directory above this file holding `pnpm-workspace.yaml`. */
export function repoRoot(): string {
  for (let directory = __dirname; ; directory = dirname(directory)) {
    if (existsSync(join(directory, "pnpm-workspace.yaml"))) return directory;
    if (dirname(directory) === directory) break;
  }
  // src/test-support and dist/test-support both sit four levels below the root.
  return resolve(__dirname, "../../../..");
}

/**
 * Saves a full-page PNG as `<repo root>/artifacts/e2e/<name>.png` and returns its path. `name` is
 * a plain file name (letters, digits, `.`, `_`, `-`).
 */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  if (!/^[\w.-]+$/.test(name) || name.startsWith(".")) {
    throw new Error(`screenshot name must be a plain file name, got ${JSON.stringify(name)}`);
  }
  const directory = join(repoRoot(), "artifacts", "e2e");
  mkdirSync(directory, { recursive: true });
  const path = join(directory, `${name}.png`);
  await page.screenshot({ path, fullPage: true, type: "png" });
  return path;
}

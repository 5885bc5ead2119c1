import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Browser, BrowserContext, Page } from "playwright-core";
import {
  launchBrowser,
  type PageWatch,
  requireChromium,
  saveScreenshot,
  watchPage,
} from "./browser";

const CSP = "default-src 'self'; script-src 'self'";
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const html = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>e2e</title></head><body>${body}</body></html>`;

/** Every page carries the strict CSP; `/favicon.ico` answers so Chromium has nothing to report. */
const routes: Record<string, { type: string; body: string }> = {
  "/inline": {
    type: "text/html",
    body: html("<p>inline</p><script>document.title = 'ran';</script>"),
  },
  "/clean": {
    type: "text/html",
    body: html("<h1>Clean page</h1><p>No scripts, nothing blocked.</p>"),
  },
  "/boom": { type: "text/html", body: html('<p>boom</p><script src="/boom.js"></script>') },
  "/boom.js": { type: "text/javascript", body: 'console.error("boom");' },
};

function serve(): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const route = routes[request.url ?? ""];
    if (request.url === "/favicon.ico") {
      response.writeHead(204).end();
      return;
    }
    if (!route) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    response
      .writeHead(200, {
        "content-type": `${route.type}; charset=utf-8`,
        "content-security-policy": CSP,
      })
      .end(route.body);
  });
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      done({ server, origin: `http://127.0.0.1:${port}` });
    });
  });
}

/** Console events can trail `goto`'s load event a little. */
async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return;
    await new Promise((done) => setTimeout(done, 50));
  }
}

const runs = requireChromium();
// Skipped only without Chromium, and never under CI=true (requireChromium throws there).
const suite = runs ? describe : describe.skip;

suite("browser harness (playwright-core + Debian Chromium)", () => {
  let browser: Browser;
  let origin: string;
  let server: Server;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ({ server, origin } = await serve());
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => server?.close(done));
  });

  async function open(path: string): Promise<{ page: Page; watch: PageWatch }> {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    const watch = watchPage(page);
    await watch.ready;
    const response = await page.goto(`${origin}${path}`);
    expect(response?.status()).toBe(200);
    return { page, watch };
  }

  it("records a CSP violation for an inline script, both ways", async () => {
    const { page, watch } = await open("/inline");
    await until(() => watch.problems().length >= 2);
    const problems = watch.problems();
    expect(problems).toContainEqual(
      expect.stringMatching(
        /^\[csp\] http:\/\/127\.0\.0\.1:\d+\/inline: .*Content Security Policy/,
      ),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(
        /^\[csp-event\] http:\/\/127\.0\.0\.1:\d+\/inline: CSP violation: script-src/,
      ),
    );
    expect(await page.title()).toBe("e2e"); // the inline script did not run
    expect(() => watch.expectClean()).toThrow(/Content Security Policy/);
  }, 30_000);

  it("passes a clean page and saves its screenshot", async () => {
    const { page, watch } = await open("/clean");
    // Give late reports the same chance as above before calling the page clean.
    await page.waitForTimeout(300);
    expect(watch.problems()).toEqual([]);
    expect(() => watch.expectClean()).not.toThrow();

    const path = await saveScreenshot(page, "harness-clean");
    expect(path).toMatch(/[/\\]artifacts[/\\]e2e[/\\]harness-clean\.png$/);
    expect(readFileSync(path).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  }, 30_000);

  it("records console.error from the page's own (allowed) script", async () => {
    const { watch } = await open("/boom");
    await until(() => watch.problems().length >= 1);
    expect(watch.problems()).toEqual([
      expect.stringMatching(
        /^\[console\.error\] http:\/\/127\.0\.0\.1:\d+\/boom: boom \(http:\/\/127\.0\.0\.1:\d+\/boom\.js\)$/,
      ),
    ]);
  }, 30_000);
});

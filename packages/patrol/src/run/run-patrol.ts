/**
 * @module
 * One patrol run: a fresh browser visits the configured pages and runs every journey up to the
 * provider's page, the redirect of each journey is checked with the provider, and the pages are
 * compared with the baseline. Reports from shoppers' browsers and the file manifest are added when
 * configured. The result is a {@link PatrolReport}; alerts and files are the caller's business.
 */
import { randomBytes } from "node:crypto";
import type { CheckoutReader } from "@linkpay/core";
import type { Browser } from "playwright-core";
import { launchPatrolBrowser, shopperUserAgent } from "../browser/launch-browser";
import { originOf, withoutQuery } from "../browser/normalize";
import { recordPages } from "../browser/page-recorder";
import { runJourney } from "../browser/run-journey";
import type { PatrolConfig } from "../config";
import { findingsFromCspReports, type ReportedViolation, readCspReports } from "../csp-reports";
import { comparePages } from "../diff/compare-pages";
import { readManifest, verifyManifest } from "../manifest";
import { type Finding, type Verdict, verdictOf } from "../model/findings";
import type { PageSnapshot, RedirectRecord, Snapshot } from "../model/snapshot";
import { checkRedirect } from "../redirect/check-redirect";

/** What one run found, with the snapshot it took. */
export interface PatrolReport {
  readonly version: 1;
  readonly runId: string;
  readonly site: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  /** `clean` when no finding is worse than info. */
  readonly verdict: Verdict;
  readonly findings: readonly Finding[];
  readonly snapshot: Snapshot;
  /** The window of shoppers' CSP reports read: from `since`, up to `readAt` when the read worked. */
  readonly cspReports?:
    | { readonly since?: string | undefined; readonly readAt?: string | undefined }
    | undefined;
}

/** Options of {@link runPatrol}. */
export interface RunPatrolOptions {
  readonly config: PatrolConfig;
  /** Asks the provider about sessions (from `createStripeCheckoutReader` for Stripe). */
  readonly reader: CheckoutReader;
  /** The approved snapshot to compare with; without one only the absolute checks run. */
  readonly baseline?: Snapshot | undefined;
  /** CSP reports are read from this time on (the previous run's start). */
  readonly reportsSince?: Date | undefined;
  readonly now?: (() => Date) | undefined;
  /** Extra Chromium flags (tests: trust a throwaway certificate). */
  readonly browserArgs?: readonly string[] | undefined;
}

/** Runs the patrol once. */
export async function runPatrol(options: RunPatrolOptions): Promise<PatrolReport> {
  const { config, reader } = options;
  const now = options.now ?? (() => new Date());
  const started = now();
  const runId = `${started.toISOString().replace(/[-:.]/g, "")}-${randomBytes(4).toString("hex")}`;
  const browser = await launchPatrolBrowser({
    executablePath: config.browser.executablePath,
    extraArgs: options.browserArgs,
  });
  const findings: Finding[] = [];
  const pages: PageSnapshot[] = [];
  const redirects: RedirectRecord[] = [];
  try {
    pages.push(...(await visitPages(browser, config)));
    for (const journey of config.journeys) {
      const context = await newContext(browser, config);
      try {
        const page = await context.newPage();
        const result = await runJourney({
          page,
          recorder: recordPages(page, config.site),
          site: config.site,
          checkoutOrigins: reader.checkoutOrigins,
          journey,
          values: { run: runId, email: config.email.replaceAll("{run}", runId), now: started },
          timeoutMs: config.browser.timeoutMs,
        });
        pages.push(
          ...result.pages,
          ...(result.landingPage === undefined ? [] : [result.landingPage]),
        );
        redirects.push(result.redirect);
        findings.push(
          ...(await checkRedirect({
            record: result.redirect,
            landingUrl: result.landingUrl,
            site: config.site,
            reader,
            expireOwnSession: config.provider.expireSessions,
          })),
        );
      } catch (error) {
        findings.push({
          severity: "critical",
          code: "JOURNEY_FAILED",
          where: `journey:${journey.name}`,
          subject: journey.name,
          message: `The journey could not reach the payment step, so the redirect was not checked: ${(error as Error).message}`,
        });
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  // A journey's landing page exists only when the redirect went wrong: never compare it.
  findings.push(
    ...comparePages({
      baseline: options.baseline?.pages,
      pages,
      site: config.site,
      checkoutOrigins: reader.checkoutOrigins,
    }),
  );
  let cspReports: PatrolReport["cspReports"];
  if (config.cspReports !== undefined) {
    const since = options.reportsSince?.toISOString();
    const readAt = now();
    try {
      const violations = await readCspReports({
        ...config.cspReports,
        since: options.reportsSince,
      });
      findings.push(...findingsFromCspReports({ violations: ofThisSite(violations, config.site) }));
      cspReports = { since, readAt: readAt.toISOString() };
    } catch (error) {
      // The window stays open: the next run reads from where this one should have.
      cspReports = { since };
      findings.push({
        severity: "warning",
        code: "CSP_FEED_UNREADABLE",
        where: config.cspReports.url,
        subject: "feed",
        message: `Could not read the CSP report feed; its reports will be read next time: ${(error as Error).message}`,
      });
    }
  }
  if (config.manifest !== undefined) {
    const manifest = await readManifest(config.manifest.file);
    findings.push(
      ...(await verifyManifest({
        manifest,
        root: config.manifest.root,
        include: config.manifest.include,
        exclude: config.manifest.exclude,
      })),
    );
  }
  return {
    version: 1,
    runId,
    site: config.site,
    startedAt: started.toISOString(),
    finishedAt: now().toISOString(),
    verdict: verdictOf(findings),
    findings,
    snapshot: {
      version: 1,
      baseUrl: config.site,
      takenAt: started.toISOString(),
      pages,
      redirects,
    },
    cspReports,
  };
}

/** Extension schemes: an add-on in a shopper's browser, not the shop. */
const EXTENSION = /^(chrome|moz|safari(-web)?|ms-browser)-extension:/;

/**
 * The reports that concern this site: anyone can post a report, and shoppers' add-ons cause
 * violations of their own, so reports about other pages or from extensions are left out.
 */
function ofThisSite(violations: readonly ReportedViolation[], site: string): ReportedViolation[] {
  return violations.filter(
    (violation) =>
      originOf(violation.documentUrl) === site &&
      !EXTENSION.test(violation.blockedUrl) &&
      !EXTENSION.test(violation.sourceFile ?? ""),
  );
}

function newContext(browser: Browser, config: PatrolConfig) {
  return browser.newContext({
    userAgent: shopperUserAgent(browser),
    locale: config.browser.locale,
    viewport: config.browser.viewport,
    serviceWorkers: "block",
  });
}

async function visitPages(browser: Browser, config: PatrolConfig): Promise<PageSnapshot[]> {
  const context = await newContext(browser, config);
  const pages: PageSnapshot[] = [];
  try {
    for (const path of config.pages) {
      // A page of its own for each path: a script that loads late is not credited to the next.
      const page = await context.newPage();
      const recorder = recordPages(page, config.site);
      try {
        const response = await page.goto(new URL(path, config.site).href, {
          timeout: config.browser.timeoutMs,
          waitUntil: "load",
        });
        pages.push(await recorder.snapshot(path, response));
      } catch {
        pages.push(unreachable(path, withoutQuery(new URL(path, config.site).href)));
      } finally {
        await page.close();
      }
    }
  } finally {
    await context.close();
  }
  return pages;
}

/** A page that did not answer: status 0, nothing recorded (never compared, never a baseline). */
function unreachable(key: string, url: string): PageSnapshot {
  return {
    key,
    url,
    status: 0,
    headers: { csp: null, cspReportOnly: null, other: {} },
    scripts: [],
    iframes: [],
    forms: [],
    linkOrigins: [],
    thirdPartyOrigins: [],
    navigations: [],
    cookies: [],
  };
}

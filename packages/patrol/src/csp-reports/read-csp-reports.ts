/**
 * @module
 * `readCspReports`: the patrol's client of the CSP report feed (`cspReportFeed` of
 * `@linkpay/express`). A wrong URL or token is `CONFIG_INVALID` and says which setting to fix; a
 * feed that is down, slow or overloaded is `CSP_REPORT_FEED_UNAVAILABLE` (try again next run).
 * The token goes only into the `Authorization` header: never into a URL, an error or a log.
 */
import { LinkpayError } from "@linkpay/core";
import * as z from "zod";
import { isLoopbackHost } from "../alerts/sink-options";
import { cspReportFeedAnswer, type ReportedViolation } from "./reported-violation";

/** Options of {@link readCspReports}. */
export interface ReadCspReportsOptions {
  /** The feed's URL, e.g. `https://shop.example/.well-known/linkpay/csp-reports`. */
  readonly url: string;
  /** One of the feed's tokens. */
  readonly token: string;
  /** Only violations seen at or after this time (the previous run's start). */
  readonly since?: Date | undefined;
  /** At most this many, most recent first (1–1000, default 1000: all a store keeps by default). */
  readonly limit?: number | undefined;
  /** The fetch to use (default the global one). */
  readonly fetch?: typeof fetch | undefined;
  /** How long the whole request may take, answer included (default 10 000 ms). */
  readonly timeoutMs?: number | undefined;
}

function misconfigured(field: string, message: string): LinkpayError {
  return new LinkpayError("CONFIG_INVALID", message, { details: { field } });
}

function unavailable(where: string, why: string, cause?: unknown): LinkpayError {
  return new LinkpayError("CSP_REPORT_FEED_UNAVAILABLE", `The CSP report feed ${where} ${why}`, {
    cause,
    details: { url: where },
  });
}

/** The request URL, with `since` and `limit`; throws CONFIG_INVALID for bad options. */
function feedUrl(options: ReadCspReportsOptions): URL {
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    throw misconfigured("url", "The CSP report feed's url is not an absolute URL");
  }
  // The token travels in a header: in clear text only to this machine.
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopbackHost(url.hostname))) {
    throw misconfigured(
      "url",
      `The CSP report feed's url must be https (http only on localhost), not ${url.protocol}//${url.host}: the bearer token would cross the network in clear text`,
    );
  }
  if (!/^[A-Za-z0-9\-._~+/]+=*$/.test(options.token)) {
    throw misconfigured(
      "token",
      "The CSP report feed's token is empty or holds whitespace or other characters a bearer token cannot",
    );
  }
  const limit = options.limit ?? 1_000;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1_000) {
    throw misconfigured(
      "limit",
      "The CSP report feed's limit must be a whole number from 1 to 1000",
    );
  }
  url.searchParams.set("limit", String(limit));
  if (options.since !== undefined) {
    if (Number.isNaN(options.since.getTime())) {
      throw misconfigured("since", "since is not a valid date");
    }
    url.searchParams.set("since", options.since.toISOString());
  }
  return url;
}

/** What a non-200 answer means, as the error to throw. */
function refusal(where: string, response: Response): LinkpayError {
  const { status } = response;
  if (status === 401 || status === 403) {
    return misconfigured(
      "token",
      `The CSP report feed ${where} refused the token (${status}): it must be one of the app's cspReportFeed tokens`,
    );
  }
  if (status === 404) {
    return misconfigured(
      "url",
      `Nothing at ${where} (404): check the url, and that the app mounts cspReportFeed (e.g. mountLinkpay({ cspReportFeed: { tokens } }))`,
    );
  }
  if (status >= 300 && status < 400) {
    const location = response.headers.get("location") ?? "elsewhere";
    return misconfigured(
      "url",
      `The CSP report feed ${where} redirects (${status}) to ${location}: set the url to where it ends (a token is never sent on to a redirect)`,
    );
  }
  if (status === 429 || status >= 500) return unavailable(where, `answered ${status}`);
  return misconfigured("url", `The CSP report feed ${where} answered ${status}`);
}

/**
 * Reads the CSP violations shoppers' browsers reported to the site, most recently seen first.
 *
 * @example
 * const violations = await readCspReports({
 *   url: "https://shop.example/.well-known/linkpay/csp-reports",
 *   token: process.env.PATROL_FEED_TOKEN ?? "",
 *   since: previousRun.startedAt,
 * });
 * findings.push(...findingsFromCspReports({ violations }));
 */
export async function readCspReports(options: ReadCspReportsOptions): Promise<ReportedViolation[]> {
  const url = feedUrl(options);
  // Named without the query: `since` is noise in a message.
  const where = `${url.origin}${url.pathname}`;
  const timeoutMs = options.timeoutMs ?? 10_000;
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 1) {
    throw misconfigured(
      "timeoutMs",
      "timeoutMs must be a whole number of milliseconds, at least 1",
    );
  }
  const fetchFeed = options.fetch ?? fetch;
  const signal = AbortSignal.timeout(timeoutMs);
  let body: unknown;
  try {
    const response = await fetchFeed(url, {
      headers: { Authorization: `Bearer ${options.token}`, Accept: "application/json" },
      redirect: "manual",
      signal,
    });
    if (response.status !== 200) {
      await response.body?.cancel();
      throw refusal(where, response);
    }
    const text = await response.text();
    try {
      body = JSON.parse(text);
    } catch {
      throw misconfigured("url", `The CSP report feed ${where} did not answer JSON`);
    }
  } catch (error) {
    if (error instanceof LinkpayError) throw error;
    if (signal.aborted) {
      throw unavailable(where, `did not answer within ${timeoutMs} ms`, error);
    }
    throw unavailable(where, "could not be reached", error);
  }
  const parsed = cspReportFeedAnswer.safeParse(body);
  if (!parsed.success) {
    throw misconfigured(
      "url",
      `The CSP report feed ${where} answered JSON that is not a CSP report feed:\n${z.prettifyError(parsed.error)}`,
    );
  }
  return parsed.data.violations;
}

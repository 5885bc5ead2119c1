/**
 * @module
 * `cspReportFeed`: `GET /.well-known/linkpay/csp-reports`, the CSP violations shoppers' browsers
 * reported, as JSON, for a client that watches the site from outside (`@linkpay/patrol`), so an
 * injected script that only some visitors get still reaches it between its own visits. Read-only,
 * behind a bearer token (several during a rotation), never cached.
 */
import type { CspReportStore, StoredCspViolation } from "@linkpay/core";
import { LinkpayError } from "@linkpay/core";
import express, { type Router } from "express";
import { HttpError } from "../errors";
import { bearerTokenOf, checkTokens, tokenMatcher } from "./bearer-tokens";
import { readFeedQuery } from "./feed-query";

/** Options of {@link cspReportFeed}. */
export interface CspReportFeedOptions {
  /** The store the report route keeps reports in (`cspReportRoute({ store })`). */
  readonly store: CspReportStore;
  /**
   * The bearer token(s) a client must send, each at least 32 characters. Several while rotating:
   * add the new one, switch the client, then remove the old one.
   */
  readonly tokens: string | readonly string[];
  /** The path. Default `/.well-known/linkpay/csp-reports`. */
  readonly path?: string | undefined;
  /** The clock for `generatedAt` (tests). */
  readonly now?: (() => Date) | undefined;
}

/** Where {@link cspReportFeed} answers unless told otherwise. */
const DEFAULT_PATH = "/.well-known/linkpay/csp-reports";

/** An entry as sent: dates as ISO 8601 strings. */
function feedEntry(violation: StoredCspViolation): Record<string, unknown> {
  return {
    ...violation,
    firstSeenAt: violation.firstSeenAt.toISOString(),
    lastSeenAt: violation.lastSeenAt.toISOString(),
  };
}

/**
 * The CSP report feed: `GET` answers `{ violations, generatedAt }`, most recently seen first;
 * `?since=<ISO time>` keeps those seen since then, `?limit=` 1–1000 (default 100). Without
 * `Authorization: Bearer <one of tokens>`: 401 with `WWW-Authenticate: Bearer`. Mount it before
 * the card-data guard and the 404 and error handlers; `mountLinkpay({ cspReportFeed })` does.
 *
 * @example
 * const reports = cspReportRoute({ store });
 * app.use(reports);
 * app.use(cspReportFeed({ store, tokens: [process.env.PATROL_FEED_TOKEN ?? ""] }));
 */
export function cspReportFeed(options: CspReportFeedOptions): Router {
  if (typeof options?.store?.listCspViolations !== "function") {
    throw new LinkpayError("CONFIG_INVALID", "cspReportFeed needs { store }: a CspReportStore", {
      details: { field: "store" },
    });
  }
  const accepts = tokenMatcher(checkTokens(options.tokens, "cspReportFeed's tokens"));
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const router = express.Router();
  router.get(options.path ?? DEFAULT_PATH, async function linkpayCspReportFeed(req, res) {
    res.setHeader("Cache-Control", "no-store");
    // Mounted before the security headers: the one of them a JSON answer needs.
    res.setHeader("X-Content-Type-Options", "nosniff");
    const presented = bearerTokenOf(req.get("authorization"));
    if (presented === undefined || !accepts(presented)) {
      res.setHeader(
        "WWW-Authenticate",
        presented === undefined ? "Bearer" : 'Bearer error="invalid_token"',
      );
      throw new HttpError(
        "AUTHENTICATION_REQUIRED",
        presented === undefined
          ? "The CSP report feed was asked without a bearer token"
          : "The CSP report feed was asked with a token that is none of its tokens",
      );
    }
    const query = readFeedQuery(req.query);
    const violations = await store.listCspViolations(query);
    res.type("application/json");
    res.end(
      JSON.stringify({ violations: violations.map(feedEntry), generatedAt: now().toISOString() }),
    );
  });
  return router;
}

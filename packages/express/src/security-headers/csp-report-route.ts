/**
 * @module
 * `cspReportRoute`: receives CSP violation reports, keeps them in a {@link CspReportStore}
 * (deduplicated and bounded) and logs each distinct violation once, at warn, the first time it is
 * reported; the store's count says how often it came again. On a page that leads to payment a violation is how an injected skimming script shows
 * up. Rate-limited per client, small bodies only, always answers 204 (browsers do not retry).
 */
import {
  type CspReportStore,
  createMemoryCspReportStore,
  type Logger,
  type RateLimitStore,
} from "@linkpay/core";
import express, { type Router } from "express";
import type { Store } from "express-rate-limit";
import { requestLogger } from "../logging";
import { rateLimit } from "../rate-limit";
import { readCspReports } from "./csp-report";

/** Options of {@link cspReportRoute}. */
export interface CspReportRouteOptions {
  /** The path, the same as `securityHeaders({ reportUri })`. Default `/csp-reports`. */
  readonly path?: string | undefined;
  /**
   * Where reports are kept: a durable, shared store such as `createSqlStore(…)` in production.
   * Default: in this process's memory (1000 distinct violations, lost on restart).
   */
  readonly store?: CspReportStore | undefined;
  /** Where to log when {@link requestLogging} is not mounted. */
  readonly logger?: Logger | undefined;
  /** Largest report body (default `"16kb"`). */
  readonly limit?: string | number | undefined;
  /** Reports per client per minute (default 30). */
  readonly perMinute?: number | undefined;
  /**
   * Where that limit counts hits (default: this process's memory). With several instances pass
   * the SQL store, as for the other limits (see `RateLimitOptions.store`).
   */
  readonly rateLimitStore?: Store | RateLimitStore | undefined;
  /** The clock (tests). */
  readonly now?: (() => Date) | undefined;
}

/** The report route and the store it keeps reports in (to read them: `listCspViolations()`). */
export type CspReportRoute = Router & { readonly store: CspReportStore };

// Every body shape browsers send: Safari labels Reporting API reports as csp-report.
const REPORT_TYPES = ["application/csp-report", "application/reports+json", "application/json"];

/**
 * The CSP report route. Mount it before CSRF protection (browsers send reports without a token).
 *
 * @example
 * const reports = cspReportRoute({ path: "/csp-reports", store: sqlStore });
 * app.use(reports);
 * app.use(securityHeaders({ payments, reportUri: "/csp-reports" }));
 * const latest = await reports.store.listCspViolations({ limit: 20 });
 */
export function cspReportRoute(options: CspReportRouteOptions = {}): CspReportRoute {
  const store = options.store ?? createMemoryCspReportStore();
  const now = options.now ?? (() => new Date());
  const router = express.Router();
  router.post(
    options.path ?? "/csp-reports",
    rateLimit(
      "csp-report",
      { windowMs: 60_000, limit: options.perMinute ?? 30 },
      { logger: options.logger, store: options.rateLimitStore, now },
    ),
    express.json({ type: REPORT_TYPES, limit: options.limit ?? "16kb" }),
    async function linkpayCspReport(req, res) {
      const log = requestLogger(req, options.logger);
      const violations = readCspReports(req.body);
      try {
        if (violations.length > 0) {
          const stored = await store.recordCspViolations({ violations, at: now() });
          for (const { firstSeenAt: _, lastSeenAt: __, ...cspViolation } of stored) {
            if (cspViolation.count > 1) continue;
            log.warn(
              { cspViolation },
              "Content-Security-Policy violation reported (first of its kind)",
            );
          }
        }
      } catch (error) {
        // Browsers do not retry a report: say it was lost, with what it said.
        log.error(
          { err: error, cspViolations: violations },
          "Content-Security-Policy violations could not be stored",
        );
      }
      res.status(204).end();
    },
  );
  return Object.assign(router, { store });
}

/**
 * @module
 * `cspReportRoute`: receives CSP violation reports and logs them. On a checkout page a violation
 * is how an injected skimming script shows up, so each one is logged at warn with the blocked URL
 * and directive. Rate-limited per client, small bodies only, answers 204.
 */
import type { Logger } from "@linkpay/core";
import express, { type Router } from "express";
import { requestLogger } from "../logging";
import { rateLimit } from "../rate-limit";
import { readCspReports } from "./csp-report";

/** Options of {@link cspReportRoute}. */
export interface CspReportRouteOptions {
  /** The path, the same as `securityHeaders({ reportUri })`. Default `/csp-reports`. */
  readonly path?: string | undefined;
  /** Where to log when {@link requestLogging} is not mounted. */
  readonly logger?: Logger | undefined;
  /** Largest report body (default `"16kb"`). */
  readonly limit?: string | number | undefined;
  /** Reports per client per minute (default 30). */
  readonly perMinute?: number | undefined;
}

const REPORT_TYPES = ["application/csp-report", "application/reports+json", "application/json"];

/**
 * The CSP report route. Mount it before CSRF protection (browsers send reports without a token).
 *
 * @example
 * app.use(cspReportRoute({ path: "/csp-reports" }));
 * app.use(securityHeaders({ payments, reportUri: "/csp-reports" }));
 */
export function cspReportRoute(options: CspReportRouteOptions = {}): Router {
  const router = express.Router();
  router.post(
    options.path ?? "/csp-reports",
    rateLimit(
      "csp-report",
      { windowMs: 60_000, limit: options.perMinute ?? 30 },
      {
        logger: options.logger,
      },
    ),
    express.json({ type: REPORT_TYPES, limit: options.limit ?? "16kb" }),
    function linkpayCspReport(req, res) {
      const log = requestLogger(req, options.logger);
      for (const violation of readCspReports(req.body)) {
        log.warn({ cspViolation: violation }, "Content-Security-Policy violation reported");
      }
      res.status(204).end();
    },
  );
  return router;
}

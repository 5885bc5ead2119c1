/**
 * @module
 * `securityHeaders`: helmet with a strict CSP and a fresh script nonce per response
 * (`res.locals.cspNonce`), `form-action` open to the providers' checkout origins, a
 * Referrer-Policy that keeps order URLs from the PSP, and HSTS in production. Plus `noStore()`
 * for checkout and return pages, and the CSP report route.
 */
import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import { LinkpayError, type Payments } from "@linkpay/core";
import type { RequestHandler } from "express";
import helmet from "helmet";
import { CSP_REPORT_GROUP, cspDirectives, type ExtraSources } from "./csp-directives";

export { CSP_REPORT_GROUP, type ExtensibleDirective, type ExtraSources } from "./csp-directives";
export {
  type CspReportRoute,
  type CspReportRouteOptions,
  cspReportRoute,
} from "./csp-report-route";

/** Options of {@link securityHeaders}. */
export interface SecurityHeadersOptions {
  /** The Payments service: its `checkoutOrigins` go into `form-action`. */
  readonly payments: Pick<Payments, "checkoutOrigins">;
  /** Adds HSTS and `upgrade-insecure-requests`. Default: `NODE_ENV === "production"`. */
  readonly production?: boolean | undefined;
  /**
   * Where browsers send CSP violation reports (mount {@link cspReportRoute} there): `report-uri`
   * always, plus `report-to` and `Reporting-Endpoints` on requests that came over https.
   */
  readonly reportUri?: string | undefined;
  /** `no-referrer` (default) or `same-origin`: neither sends order URLs to another site. */
  readonly referrerPolicy?: "no-referrer" | "same-origin" | undefined;
  /** Sources to add to the strict defaults, per directive. */
  readonly extraSources?: ExtraSources | undefined;
}

declare global {
  namespace Express {
    interface Locals {
      /** This response's CSP script/style nonce, set by `securityHeaders` (see {@link cspNonce}). */
      cspNonce: string;
    }
  }
}

const nonces = new WeakMap<ServerResponse, string>();

function assertOptions(options: SecurityHeadersOptions): void {
  const origins: unknown = options?.payments?.checkoutOrigins;
  if (!Array.isArray(origins) || origins.length === 0) {
    throw new LinkpayError(
      "CONFIG_INVALID",
      "securityHeaders needs { payments } with checkoutOrigins: without them form-action blocks the redirect to the payment page",
    );
  }
}

/**
 * Sets the security headers; the CSP nonce for this response is in `res.locals.cspNonce`
 * (`<script nonce="<%= cspNonce %>">`).
 *
 * @example
 * app.use(securityHeaders({ payments, reportUri: "/csp-reports" }));
 * app.get("/checkout", noStore(), (req, res) => res.render("checkout", { nonce: res.locals.cspNonce }));
 */
export function securityHeaders(options: SecurityHeadersOptions): RequestHandler {
  assertOptions(options);
  const production = options.production ?? process.env.NODE_ENV === "production";
  const reportUri = options.reportUri;
  const helmetFor = (reportTo: boolean) =>
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: cspDirectives({
          checkoutOrigins: options.payments.checkoutOrigins,
          nonceSource: (_req, res) => `'nonce-${nonces.get(res) ?? ""}'`,
          extraSources: options.extraSources,
          reportUri,
          reportTo,
          production,
        }),
      },
      referrerPolicy: { policy: options.referrerPolicy ?? "no-referrer" },
      strictTransportSecurity: production ? { maxAge: 63_072_000, includeSubDomains: true } : false,
      xFrameOptions: { action: "deny" },
      crossOriginOpenerPolicy: { policy: "same-origin" },
    });
  const overHttp = helmetFor(false);
  const overHttps = helmetFor(true);
  return function linkpaySecurityHeaders(req, res, next) {
    const nonce = randomBytes(16).toString("base64");
    nonces.set(res, nonce);
    res.locals.cspNonce = nonce;
    // `req.secure` follows Express's "trust proxy" setting behind a TLS-terminating proxy.
    if (reportUri !== undefined && req.secure) {
      res.setHeader("Reporting-Endpoints", `${CSP_REPORT_GROUP}="${reportUri}"`);
    }
    (req.secure ? overHttps : overHttp)(req, res, next);
  };
}

/**
 * This response's CSP nonce, for `<script nonce>` and `<style nonce>`; throws CONFIG_INVALID when
 * {@link securityHeaders} did not run for the request (a page would otherwise render scripts the
 * policy blocks, or be served without a policy at all).
 *
 * @example
 * res.send(`<script nonce="${cspNonce(res)}" src="/app.js"></script>`);
 */
export function cspNonce(res: ServerResponse): string {
  const nonce = nonces.get(res);
  if (nonce === undefined) {
    throw new LinkpayError(
      "CONFIG_INVALID",
      "No CSP nonce for this response: mount securityHeaders (or mountLinkpay) before this route",
    );
  }
  return nonce;
}

/**
 * Sets `Cache-Control: no-store`, for pages that start or end a checkout (no shared or back-button
 * cache of order state or CSRF tokens).
 */
export function noStore(): RequestHandler {
  return function linkpayNoStore(_req, res, next) {
    res.setHeader("Cache-Control", "no-store");
    next();
  };
}

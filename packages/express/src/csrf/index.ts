/**
 * @module
 * `csrfProtection`: refuses cross-site state-changing requests. Fetch Metadata first
 * (`Sec-Fetch-Site` must be `same-origin` or `none`), then `Origin`, then `Referer` against this
 * site's origin, and a signed double-submit token (csrf-csrf) only for clients that send none of
 * them. Exemptions match exact paths only (the webhook paths). Refusals are 403
 * `CROSS_SITE_REQUEST_REFUSED`. A page that carries a token is sent `Cache-Control: no-store`:
 * a cached copy would hand one browser's token to another.
 */
import { LinkpayError, type Logger } from "@linkpay/core";
import cookieParser from "cookie-parser";
import type { Request, RequestHandler, Response } from "express";
import { HttpError } from "../errors";
import { redactPath, requestLogger } from "../logging";
import { type BrowserIdCookie, useBrowserIdCookie } from "./browser-id";
import { type CsrfTokenOptions, csrfTokens } from "./csrf-token";
import { judgeOrigin, type OriginPolicy, parsePublicOrigins } from "./request-origin";

export { browserIdOf } from "./browser-id";
export { CSRF_TOKEN_HEADER, type CsrfTokenOptions } from "./csrf-token";
export { judgeOrigin, type OriginPolicy, type OriginVerdict } from "./request-origin";

/** Options of {@link csrfProtection}. */
export interface CsrfProtectionOptions {
  /**
   * This site's public origin(s), e.g. `https://shop.example`. Default: the origin the request
   * was sent to (`req.protocol` + `req.host`, which honour Express's `trust proxy`).
   */
  readonly publicOrigin?: string | readonly string[] | undefined;
  /** Accept `Sec-Fetch-Site: same-site` (sibling subdomains). Default false. */
  readonly allowSameSite?: boolean | undefined;
  /** Paths that skip the check, compared exactly (no prefixes, no patterns): the webhook paths. */
  readonly exemptPaths?: readonly string[] | undefined;
  /** The token fallback; without it, a request with none of the headers is refused. */
  readonly token?: CsrfTokenOptions | undefined;
  /** Where to log when {@link requestLogging} is not mounted. */
  readonly logger?: Logger | undefined;
}

/** The middleware, plus the token issuer for forms. */
export interface CsrfProtection extends RequestHandler {
  /**
   * Issues the token to embed in a form (`<input name="_csrf">`); sets its cookie (and the
   * browser-id cookie when the token is bound to it) and `Cache-Control: no-store`.
   */
  generateToken(req: Request, res: Response): string;
}

const SAFE_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS"]);

function pathOf(req: Request): string {
  const url = req.originalUrl;
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}

/**
 * CSRF protection for every state-changing method (all but GET, HEAD, OPTIONS).
 *
 * @example
 * const csrf = csrfProtection({ publicOrigin: "https://shop.example", exemptPaths: webhookPaths(payments) });
 * app.use(csrf);
 * app.get("/checkout", (req, res) => res.render("checkout", { csrfToken: csrf.generateToken(req, res) }));
 */
export function csrfProtection(options: CsrfProtectionOptions = {}): CsrfProtection {
  const policy: OriginPolicy = {
    publicOrigins: parsePublicOrigins(options.publicOrigin),
    allowSameSite: options.allowSameSite === true,
  };
  const exempt: ReadonlySet<string> = new Set(options.exemptPaths ?? []);
  const tokens = options.token === undefined ? undefined : csrfTokens(options.token);
  const browserIdCookie: BrowserIdCookie = { secure: options.token?.secureCookie ?? true };
  const parseCookies = cookieParser();

  function withCookies(req: Request, res: Response, then: () => void): void {
    if (req.cookies !== undefined) then();
    else parseCookies(req, res, () => then());
  }

  function refuse(req: Request, reason: string, next: (error: unknown) => void): void {
    requestLogger(req, options.logger).warn(
      {
        reason,
        method: req.method,
        path: redactPath(pathOf(req)),
        secFetchSite: req.headers["sec-fetch-site"],
        origin: req.headers.origin,
      },
      "cross-site request refused",
    );
    next(new HttpError("CROSS_SITE_REQUEST_REFUSED", `Cross-site request refused (${reason})`));
  }

  const middleware: RequestHandler = function linkpayCsrf(req, res, next) {
    useBrowserIdCookie(req, browserIdCookie);
    if (SAFE_METHODS.has(req.method) || exempt.has(pathOf(req))) {
      next();
      return;
    }
    const verdict = judgeOrigin(req, policy);
    if (verdict.result === "same-origin") {
      next();
      return;
    }
    if (verdict.result === "cross-origin") {
      refuse(req, `${verdict.via}_mismatch`, next);
      return;
    }
    if (tokens === undefined) {
      refuse(req, "no_origin_headers", next);
      return;
    }
    withCookies(req, res, () => {
      if (tokens.isValid(req)) next();
      else refuse(req, "invalid_token", next);
    });
  };

  return Object.assign(middleware, {
    generateToken(req: Request, res: Response): string {
      if (tokens === undefined) {
        throw new LinkpayError("CONFIG_INVALID", "csrfProtection({ token }) is not configured");
      }
      useBrowserIdCookie(req, browserIdCookie);
      res.set("Cache-Control", "no-store");
      let token = "";
      withCookies(req, res, () => {
        token = tokens.issue(req, res);
      });
      return token;
    },
  });
}

/**
 * @module
 * Security for the hosted pages: helmet with a strict CSP (`default-src 'self'`, no scripts,
 * `frame-ancestors 'none'`), `form-action` widened per session to the origins of its success and
 * cancel URLs (browsers apply `form-action` to the redirect that follows a POST), `no-store`
 * caching, and a Fetch Metadata / Origin check against cross-site form posts.
 */
import type { ServerResponse } from "node:http";
import type { Request, RequestHandler, Response } from "express";
import helmet from "helmet";
import type { SessionRecord } from "../state/records";

const formActionOrigins = new WeakMap<ServerResponse, readonly string[]>();

/** Allows `session`'s success and cancel origins in this response's `form-action`. */
export function allowRedirectsOf(res: Response, session: SessionRecord): void {
  allowRedirectsTo(
    res,
    [session.successUrl, session.cancelUrl].filter((url): url is string => url !== null),
  );
}

/** Allows the origins of `urls` (where form posts may redirect to) in this response's `form-action`. */
export function allowRedirectsTo(res: Response, urls: readonly string[]): void {
  formActionOrigins.set(res, [...new Set(urls.map((url) => new URL(url).origin))]);
}

/** Middleware setting the hosted pages' headers. */
export function pageSecurity(): RequestHandler[] {
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        scriptSrc: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'", (_req, res) => (formActionOrigins.get(res) ?? []).join(" ")],
      },
    },
    strictTransportSecurity: false,
  });
  const noStore: RequestHandler = (_req, res, next) => {
    res.set({ "Cache-Control": "no-store", "X-Robots-Tag": "noindex" });
    next();
  };
  return [noStore, headers];
}

/**
 * True when a form post comes from another site: `Sec-Fetch-Site` other than `same-origin` or
 * `none`, or, from browsers without Fetch Metadata, an `Origin` not among `allowedOrigins`.
 * Clients that send neither (curl, test code) are not browsers and pass.
 */
export function isCrossSitePost(req: Request, allowedOrigins: readonly string[]): boolean {
  const site = req.get("sec-fetch-site");
  if (site !== undefined) return site !== "same-origin" && site !== "none";
  const origin = req.get("origin");
  return origin !== undefined && !allowedOrigins.includes(origin);
}

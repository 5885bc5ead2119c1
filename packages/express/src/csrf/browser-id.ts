/**
 * @module
 * `browserIdOf`: a random id per browser, kept in its own cookie, for apps without login or
 * server sessions. The CSRF token is bound to it by default, and apps may bind other things to
 * the same browser (a booking draft, say). The id is 256 random bits; the cookie is HttpOnly and
 * `SameSite=Lax`, and `__Host-` prefixed and Secure unless `secureCookie: false` (local http).
 */
import { randomBytes } from "node:crypto";
import { LinkpayError } from "@linkpay/core";
import cookieParser from "cookie-parser";
import type { Request } from "express";

/** How the browser-id cookie is set; {@link csrfProtection} records it for each request. */
export interface BrowserIdCookie {
  /** `__Host-` prefix and `Secure` (default true; false only for local http development). */
  readonly secure: boolean;
}

/** The cookie's name: `__Host-linkpay.browser` when Secure, `linkpay.browser` otherwise. */
export function browserIdCookieName(cookie: BrowserIdCookie): string {
  return cookie.secure ? "__Host-linkpay.browser" : "linkpay.browser";
}

// 32 bytes in base64url; anything else in the cookie is ignored and replaced.
const ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const DEFAULT_COOKIE: BrowserIdCookie = { secure: true };

const cookieSettings = new WeakMap<Request, BrowserIdCookie>();
const knownIds = new WeakMap<Request, string>();
const parseCookies = cookieParser();

/** Records how {@link browserIdOf} sets the cookie for `req` (called by csrfProtection). */
export function useBrowserIdCookie(req: Request, cookie: BrowserIdCookie): void {
  cookieSettings.set(req, cookie);
}

function presentedCookie(req: Request, name: string): string | undefined {
  const res = req.res;
  if (req.cookies === undefined && res !== undefined) parseCookies(req, res, () => undefined);
  const cookies: unknown = req.cookies;
  if (typeof cookies !== "object" || cookies === null) return undefined;
  const value: unknown = Reflect.get(cookies, name);
  return typeof value === "string" ? value : undefined;
}

/**
 * This browser's id: the one in its cookie, or a new one, set on the response, when it has none.
 * The same request always gets the same id.
 *
 * @example
 * app.post("/drafts", (req, res) => {
 *   drafts.save({ browser: browserIdOf(req), ...form(req) });
 * });
 */
export function browserIdOf(req: Request): string {
  const known = knownIds.get(req);
  if (known !== undefined) return known;
  const cookie = cookieSettings.get(req) ?? DEFAULT_COOKIE;
  const name = browserIdCookieName(cookie);
  const presented = presentedCookie(req, name);
  if (presented !== undefined && ID_PATTERN.test(presented)) {
    knownIds.set(req, presented);
    return presented;
  }
  const res = req.res;
  if (res === undefined) {
    throw new LinkpayError(
      "CONFIG_INVALID",
      "browserIdOf(req) needs the request Express passes to a handler (req.res is missing)",
    );
  }
  const id = randomBytes(32).toString("base64url");
  res.cookie(name, id, { httpOnly: true, sameSite: "lax", secure: cookie.secure, path: "/" });
  knownIds.set(req, id);
  return id;
}

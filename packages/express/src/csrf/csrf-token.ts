/**
 * @module
 * The token fallback for clients that send neither Fetch Metadata nor Origin/Referer: csrf-csrf's
 * signed double-submit cookie, bound to the shopper's session id (by default the browser id of
 * `browserIdOf`), read from the `x-csrf-token` header or a `_csrf` form field.
 */

import { LinkpayError } from "@linkpay/core";
import { doubleCsrf } from "csrf-csrf";
import type { Request, Response } from "express";
import { browserIdOf } from "./browser-id";

/** Options of the token fallback. */
export interface CsrfTokenOptions {
  /** HMAC secret(s): the first signs, all verify (rotation). At least 32 random bytes. */
  readonly secret: string | readonly string[];
  /**
   * The shopper's session id (the token is bound to it). Default: {@link browserIdOf}, a random
   * id in its own cookie, so a token minted for one browser is refused from another.
   */
  readonly sessionId?: ((req: Request) => string) | undefined;
  /** Cookie name. Default `__Host-linkpay.csrf` over HTTPS, `linkpay.csrf` otherwise. */
  readonly cookieName?: string | undefined;
  /** Mark the cookie `Secure` (default true; set false only for local http development). */
  readonly secureCookie?: boolean | undefined;
  /** The form field holding the token. Default `_csrf`. */
  readonly fieldName?: string | undefined;
}

/** The header holding the token. */
export const CSRF_TOKEN_HEADER = "x-csrf-token";

/** Validates and issues tokens. */
export interface CsrfTokens {
  readonly fieldName: string;
  /** True when the request carries a valid token matching its cookie and session. */
  isValid(req: Request): boolean;
  /** Issues (or reuses) the token for a form, setting its cookie. */
  issue(req: Request, res: Response): string;
}

function tokenFromRequest(req: Request, fieldName: string): string | undefined {
  const header = req.headers[CSRF_TOKEN_HEADER];
  if (typeof header === "string") return header;
  const body: unknown = req.body;
  if (typeof body !== "object" || body === null) return undefined;
  const field: unknown = Reflect.get(body, fieldName);
  return typeof field === "string" ? field : undefined;
}

/** The token fallback built on csrf-csrf. */
export function csrfTokens(options: CsrfTokenOptions): CsrfTokens {
  const secrets = typeof options.secret === "string" ? [options.secret] : [...options.secret];
  if (secrets.length === 0 || secrets.some((secret) => secret.length < 32)) {
    throw new LinkpayError(
      "CONFIG_INVALID",
      "csrf token secrets must be at least 32 characters of random data (is the variable set?)",
    );
  }
  const secure = options.secureCookie ?? true;
  const fieldName = options.fieldName ?? "_csrf";
  const { validateRequest, generateCsrfToken } = doubleCsrf({
    getSecret: () => secrets,
    getSessionIdentifier: options.sessionId ?? browserIdOf,
    cookieName: options.cookieName ?? (secure ? "__Host-linkpay.csrf" : "linkpay.csrf"),
    cookieOptions: { sameSite: "lax", path: "/", secure, httpOnly: true },
    getCsrfTokenFromRequest: (req) => tokenFromRequest(req, fieldName),
  });
  return {
    fieldName,
    isValid: validateRequest,
    issue: (req, res) => generateCsrfToken(req, res),
  };
}

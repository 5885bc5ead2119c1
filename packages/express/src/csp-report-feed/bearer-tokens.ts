/**
 * @module
 * Bearer tokens for a machine client such as the patrol: read from `Authorization: Bearer …`
 * (RFC 6750) and checked in constant time against every configured token, so a new token can be
 * deployed beside the old one and the old one removed once the client uses the new.
 */

import { LinkpayError } from "@linkpay/core";
import { safeEqual } from "@linkpay/core/provider-kit";

/** The shortest token accepted: 32 characters of a random string are out of reach of guessing. */
export const MIN_TOKEN_LENGTH = 32;

// RFC 6750's b64token: what a client can put after "Bearer " without quoting.
const TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;
const AUTHORIZATION = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/** The configured token(s), checked; throws CONFIG_INVALID naming `option` (never a value). */
export function checkTokens(tokens: unknown, option: string): readonly string[] {
  const list: unknown[] = Array.isArray(tokens) ? tokens : [tokens];
  const fail = (why: string) =>
    new LinkpayError("CONFIG_INVALID", `${option} ${why}`, { details: { field: option } });
  if (list.length === 0) throw fail("needs at least one token");
  for (const token of list) {
    if (typeof token !== "string" || token.length < MIN_TOKEN_LENGTH) {
      throw fail(
        `must each be at least ${MIN_TOKEN_LENGTH} characters (e.g. openssl rand -base64 32)`,
      );
    }
    if (!TOKEN.test(token)) {
      throw fail("may hold only letters, digits and - . _ ~ + / (then = padding), no whitespace");
    }
  }
  return list.filter((token): token is string => typeof token === "string");
}

/** The token of an `Authorization: Bearer …` header; undefined when there is none. */
export function bearerTokenOf(authorization: string | undefined): string | undefined {
  return AUTHORIZATION.exec(authorization ?? "")?.[1];
}

/**
 * Whether a presented token is one of `tokens`. Every configured token is compared each time, in
 * constant time, so the time taken says nothing about a token or which one matched.
 */
export function tokenMatcher(tokens: readonly string[]): (presented: string) => boolean {
  return (presented) => tokens.map((known) => safeEqual(known, presented)).includes(true);
}

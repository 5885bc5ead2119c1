/**
 * @module
 * Signed return links. A shopper comes back from the PSP to your success URL, and later opens the
 * order from an e-mail; order references are short and guessable, so the link carries a token:
 * an HMAC of the reference under your secret. Nothing is stored; tokens are recomputed and
 * compared in constant time, and several secrets may verify at once while you rotate them.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { LinkpayError } from "../errors";
import { assertUsableSecrets } from "../signatures/secrets";

/** Options of {@link createReturnLinks}. */
export interface ReturnLinksOptions {
  /**
   * At least 32 characters of random data; a list while rotating (the first signs, all verify).
   * Keep it apart from other secrets (webhook, CSRF).
   */
  readonly secret: string | readonly string[];
  /** Separates tokens of different uses under one secret (default `return`). */
  readonly purpose?: string | undefined;
}

/** Makes and checks the tokens of an order's links. */
export interface ReturnLinks {
  /** The token for an order's links (URL-safe, 43 characters). */
  tokenFor(orderRef: string): string;
  /** True when `token` was made for `orderRef` with one of the secrets. */
  isValid(orderRef: string, token: unknown): boolean;
}

const MIN_SECRET_LENGTH = 32;

/**
 * Creates the token helper for return links (success and cancel URLs, "my order" links in e-mails).
 *
 * @example
 * const links = createReturnLinks({ secret: process.env.RETURN_LINK_SECRET ?? "" });
 * const urls = { success: ({ orderRef }) => `${BASE}/orders/${orderRef}?t=${links.tokenFor(orderRef)}` };
 * // on the return page: links.isValid(req.params.ref, req.query.t) ? show the order : 404
 */
export function createReturnLinks(options: ReturnLinksOptions): ReturnLinks {
  const secrets = assertUsableSecrets(options.secret, "createReturnLinks: secret");
  if (secrets.some((secret) => secret.length < MIN_SECRET_LENGTH)) {
    throw new LinkpayError(
      "CONFIG_INVALID",
      `createReturnLinks: secret must be at least ${MIN_SECRET_LENGTH} characters of random data ` +
        "(e.g. `openssl rand -base64 32`)",
      { details: { option: "secret" } },
    );
  }
  const purpose = options.purpose ?? "return";
  const sign = (secret: string, orderRef: string): Buffer =>
    createHmac("sha256", secret).update(`linkpay:${purpose}:${orderRef}`).digest();
  const [signing = ""] = secrets;

  return {
    tokenFor: (orderRef) => sign(signing, orderRef).toString("base64url"),
    isValid(orderRef, token) {
      if (typeof token !== "string" || token.length !== 43) return false;
      const given = Buffer.from(token, "base64url");
      if (given.length !== 32 || given.toString("base64url") !== token) return false;
      let valid = false;
      for (const secret of secrets) valid = timingSafeEqual(given, sign(secret, orderRef)) || valid;
      return valid;
    },
  };
}

/**
 * @module
 * Decides whether a state-changing request comes from this site, from the headers browsers set
 * and pages cannot forge: `Sec-Fetch-Site` first, then `Origin`, then `Referer`.
 */
import { LinkpayError } from "@linkpay/core";
import type { Request } from "express";

/** What the headers say about where a request comes from. */
export type OriginVerdict =
  | { readonly result: "same-origin"; readonly via: "sec-fetch-site" | "origin" | "referer" }
  | { readonly result: "cross-origin"; readonly via: "sec-fetch-site" | "origin" | "referer" }
  /** The browser sent none of the three headers (an old browser, or not a browser). */
  | { readonly result: "unknown" };

/** How to judge: where this site lives, and whether `Sec-Fetch-Site: same-site` is accepted. */
export interface OriginPolicy {
  /** The site's public origins; empty means "as seen in the request" (`req.protocol` + `req.host`). */
  readonly publicOrigins: ReadonlySet<string>;
  /** Accept requests from sibling subdomains (`same-site`). Default false. */
  readonly allowSameSite: boolean;
}

function single(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** The origin of `url`, or undefined when it is not an http(s) URL. */
function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

/** This site's origins for `req`: the configured ones, else the one the request was sent to. */
function expectedOrigins(req: Request, policy: OriginPolicy): ReadonlySet<string> {
  if (policy.publicOrigins.size > 0) return policy.publicOrigins;
  const own = originOf(`${req.protocol}://${req.host}`);
  return new Set(own === undefined ? [] : [own]);
}

/** Judges `req` by Fetch Metadata, then Origin, then Referer. */
export function judgeOrigin(req: Request, policy: OriginPolicy): OriginVerdict {
  const site = single(req.headers["sec-fetch-site"]);
  if (site !== undefined) {
    const ok =
      site === "same-origin" || site === "none" || (site === "same-site" && policy.allowSameSite);
    return { result: ok ? "same-origin" : "cross-origin", via: "sec-fetch-site" };
  }
  const origin = single(req.headers.origin);
  if (origin !== undefined) {
    // "null" (sandboxed frames, some redirects, file:) never matches.
    const same = expectedOrigins(req, policy).has(originOf(origin) ?? "");
    return { result: same ? "same-origin" : "cross-origin", via: "origin" };
  }
  const referer = single(req.headers.referer);
  if (referer !== undefined) {
    const same = expectedOrigins(req, policy).has(originOf(referer) ?? "");
    return { result: same ? "same-origin" : "cross-origin", via: "referer" };
  }
  return { result: "unknown" };
}

/** Parses configured public origins; throws on anything that is not an exact http(s) origin. */
export function parsePublicOrigins(value: string | readonly string[] | undefined): Set<string> {
  const list = value === undefined ? [] : typeof value === "string" ? [value] : value;
  return new Set(
    list.map((item) => {
      const origin = originOf(item);
      if (origin === undefined || origin !== item) {
        throw new LinkpayError(
          "CONFIG_INVALID",
          `publicOrigin must be an exact origin like https://shop.example, got "${item}"`,
        );
      }
      return origin;
    }),
  );
}

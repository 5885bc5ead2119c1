/**
 * @module
 * The redirect guard: a URL returned by a payment provider becomes the shopper's redirect target
 * only when it lies exactly on one of the provider's configured checkout origins.
 */
import { LinkpayError } from "../errors";
import { validateAllowedOrigin } from "./allowed-origin";
import {
  authorityHasAt,
  hasBackslash,
  hasControlCharacters,
  hasScheme,
  startsWithOrigin,
} from "./raw-url";

/** Options for {@link createRedirectGuard}. */
export interface RedirectGuardOptions {
  /** Exact origins (`https://checkout.stripe.com`) the shopper may be sent to; at least one. */
  readonly allowedOrigins: readonly string[];
  /** Also allow `http://localhost`, `http://127.0.0.1` and `http://[::1]` origins (development). */
  readonly allowInsecureLocalhost?: boolean | undefined;
}

/** Decides whether a provider-supplied URL may be used as the shopper's redirect target. */
export interface RedirectGuard {
  /** The configured origins, validated and de-duplicated. */
  readonly allowedOrigins: readonly string[];
  /** Returns the parsed URL, or throws REDIRECT_NOT_ALLOWED (details: `reason`, `origin?`). */
  check(url: string): URL;
  /** True when {@link RedirectGuard.check} would accept `url`. */
  isAllowed(url: string): boolean;
}

/** Why a redirect target was refused; stable, safe to switch on and to log. */
export type RedirectRejectionReason =
  /** Not a string, or the URL parser rejects it. */
  | "unparseable"
  /** Relative or protocol-relative (`/x`, `//evil.example/x`). */
  | "not_absolute"
  /** Whitespace, control or invisible formatting characters anywhere in the string. */
  | "control_characters"
  /** A backslash anywhere in the string. */
  | "backslash"
  /** A scheme no allowed origin uses (`javascript:`, `data:`, `http:` without a local origin…). */
  | "scheme_not_allowed"
  /** Credentials or an `@` before the host (`https://checkout.stripe.com@evil.example`). */
  | "userinfo"
  /** Another host or port than the allowed origins (look-alikes and IDN homographs included). */
  | "origin_not_allowed"
  /** The origin matches only after normalisation (`https:host`, `:443`, `%73`, fullwidth letters). */
  | "not_canonical";

type Verdict =
  | { readonly ok: true; readonly url: URL }
  | { readonly ok: false; readonly reason: RedirectRejectionReason; readonly origin?: string };

function refuse(reason: RedirectRejectionReason, url?: URL): Verdict {
  return url === undefined || url.origin === "null"
    ? { ok: false, reason }
    : { ok: false, reason, origin: url.origin };
}

function parse(raw: string): URL | undefined {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}

function judge(raw: unknown, origins: ReadonlySet<string>, schemes: ReadonlySet<string>): Verdict {
  if (typeof raw !== "string") return refuse("unparseable");
  if (hasControlCharacters(raw)) return refuse("control_characters");
  if (hasBackslash(raw)) return refuse("backslash");
  if (!hasScheme(raw)) return refuse("not_absolute");
  const url = parse(raw);
  if (url === undefined) return refuse("unparseable");
  if (!schemes.has(url.protocol)) return refuse("scheme_not_allowed", url);
  if (url.username !== "" || url.password !== "" || authorityHasAt(raw)) {
    return refuse("userinfo", url);
  }
  if (!origins.has(url.origin)) return refuse("origin_not_allowed", url);
  if (!startsWithOrigin(raw, url.origin)) return refuse("not_canonical", url);
  return { ok: true, url };
}

/**
 * Creates a guard for the given origins. Throws CONFIG_INVALID when the list is empty or an
 * origin is not an exact `https://host[:port]` (or a loopback `http:` one, when allowed).
 *
 * @example
 * const guard = createRedirectGuard({ allowedOrigins: ["https://checkout.stripe.com"] });
 * res.redirect(303, guard.check(session.url).href);
 */
export function createRedirectGuard(options: RedirectGuardOptions): RedirectGuard {
  const configured: unknown = options?.allowedOrigins;
  if (!Array.isArray(configured) || configured.length === 0) {
    throw new LinkpayError("CONFIG_INVALID", "allowedOrigins must list at least one origin", {
      details: { reason: "no_origins" },
    });
  }
  const allowInsecureLocalhost = options.allowInsecureLocalhost === true;
  const list: readonly unknown[] = configured;
  const allowedOrigins = Object.freeze([
    ...new Set(list.map((origin) => validateAllowedOrigin(origin, allowInsecureLocalhost))),
  ]);
  const origins: ReadonlySet<string> = new Set(allowedOrigins);
  const schemes: ReadonlySet<string> = new Set(
    allowedOrigins.map((origin) => new URL(origin).protocol),
  );

  return Object.freeze({
    allowedOrigins,
    check(url: string): URL {
      const verdict = judge(url, origins, schemes);
      if (verdict.ok) return verdict.url;
      const { reason, origin } = verdict;
      throw new LinkpayError(
        "REDIRECT_NOT_ALLOWED",
        `The redirect target was refused (${reason}); it is not on an allowed checkout origin`,
        { details: origin === undefined ? { reason } : { reason, origin } },
      );
    },
    isAllowed(url: string): boolean {
      return judge(url, origins, schemes).ok;
    },
  });
}

/**
 * @module
 * What the web layer needs, and the helpers every route shares: the page context and the
 * booking links (which carry the access token).
 */
import type { CspReportStore, Payments, ReturnLinks } from "@linkpay/core";
import type { CsrfProtection, LinkpayLogger, RateLimitOptions } from "@linkpay/express";
import type { Kysely, SqlTransactionHandle } from "@linkpay/store-sql";
import type { Request, Response } from "express";
import type { TrustProxy } from "../config/trust-proxy";
import type { AppTables } from "../db/app-tables";
import type { RateLimitStoreFor } from "../server/rate-limit-stores";
import { devOutboxMounted } from "./dev-outbox";
import { chooseLanguage } from "./i18n";
import type { PageContext } from "./views/layout";

/** The web layer's dependencies. */
export interface AppDeps {
  readonly db: Kysely<AppTables>;
  /** On the SQL store: a new booking's writes join its first attempt's transaction. */
  readonly payments: Payments<SqlTransactionHandle>;
  /** Keeps the CSP violation reports shoppers' browsers send (the SQL store, shared by instances). */
  readonly cspReports: CspReportStore;
  /** The patrol's bearer tokens for the CSP report feed; undefined: the feed is not mounted. */
  readonly patrolFeedTokens?: readonly string[] | undefined;
  readonly logger: LinkpayLogger;
  /** The origin shoppers use, e.g. `http://localhost:3000`. */
  readonly publicBaseUrl: string;
  /** Signs CSRF tokens. */
  readonly secret: string;
  /** Signs and checks the token in every booking link. */
  readonly returnLinks: ReturnLinks;
  /** Payments go to the sandbox: show the demo banner. */
  readonly sandbox: boolean;
  readonly production: boolean;
  /** E-mails go out over SMTP (`SMTP_URL`); otherwise they stay in the outbox table. */
  readonly mailBySmtp?: boolean | undefined;
  /** Express's `trust proxy` (`TRUST_PROXY`): undefined or false trusts no proxy. */
  readonly trustProxy?: TrustProxy | undefined;
  readonly now: () => Date;
  /**
   * Where each limiter counts hits (by the limiter's name): shared by every instance with Redis
   * or PostgreSQL; undefined or answering undefined: each process's memory.
   */
  readonly rateLimitStore?: RateLimitStoreFor | undefined;
  /** Overrides of the rate limits (tests and load runs raise them). */
  readonly rateLimits?:
    | {
        readonly checkout?: RateLimitOptions | undefined;
        readonly confirm?: RateLimitOptions | undefined;
        readonly return?: RateLimitOptions | undefined;
        readonly lookup?: RateLimitOptions | undefined;
        readonly cancel?: RateLimitOptions | undefined;
      }
    | undefined;
}

/**
 * A limiter's options: its store (shared by every instance when configured) under the limiter's
 * name, which the express limiter of that name also keys by, and any overrides.
 */
export function limiterOptions(
  deps: Pick<AppDeps, "rateLimitStore">,
  limiter: "checkout" | "confirm" | "return" | "my-booking" | "cancel" | "csp-report",
  overrides?: RateLimitOptions | undefined,
): RateLimitOptions {
  return { store: deps.rateLimitStore?.(limiter), ...overrides };
}

/** What routes get besides the dependencies. */
export interface RouteDeps extends AppDeps {
  readonly csrf: CsrfProtection;
}

/** The page context of a request (language chosen, switch link built). */
export function pageContext(
  deps: Pick<AppDeps, "publicBaseUrl" | "sandbox" | "production" | "mailBySmtp">,
  req: Request,
  res: Response,
): PageContext {
  const lang = chooseLanguage(req, res);
  const other = lang === "ja" ? "en" : "ja";
  return {
    lang,
    otherLanguageHref: sameUrlIn(other, req.originalUrl, deps.publicBaseUrl),
    sandbox: deps.sandbox,
    devOutbox: devOutboxMounted(deps),
  };
}

/**
 * This request's path and query with `lang` set, as a link that stays on this site: leading
 * slashes and backslashes are collapsed before and after parsing, so a request for `//` cannot
 * throw and one for `/.//evil.example` cannot become a protocol-relative link to another site.
 */
function sameUrlIn(lang: "ja" | "en", originalUrl: string, base: string): string {
  try {
    const url = new URL(originalUrl.replace(/^[/\\]+/, "/"), base);
    url.searchParams.set("lang", lang);
    return `${url.pathname.replace(/^\/+/, "/")}${url.search}`;
  } catch {
    return `/?lang=${lang}`;
  }
}

/** The booking page link, with its token (relative unless `absolute`). */
export function bookingHref(
  deps: Pick<AppDeps, "returnLinks" | "publicBaseUrl">,
  reference: string,
  options: {
    readonly absolute?: boolean;
    readonly canceled?: boolean;
    readonly suffix?: string;
  } = {},
): string {
  const url = new URL(
    `/bookings/${encodeURIComponent(reference)}${options.suffix ?? ""}`,
    deps.publicBaseUrl,
  );
  url.searchParams.set("t", deps.returnLinks.tokenFor(reference));
  if (options.canceled) url.searchParams.set("canceled", "1");
  return options.absolute ? url.href : `${url.pathname}${url.search}`;
}

/** Sends a rendered page. */
export function sendHtml(res: Response, status: number, html: string): void {
  res.status(status).type("html").send(html);
}

/**
 * @module
 * `mountLinkpay`: the whole integration in one call, in the one order that works. Request ids and
 * redacted logs first; the webhook route before any body parser (signatures cover the raw bytes);
 * CSP reports before CSRF (browsers send them without a token) and, when configured, the feed the
 * patrol reads them from (before the card-data guard, which would scan its token); security
 * headers with the providers' origins in `form-action`; the app's body parsers in their own,
 * visible place; the card-data guard and CSRF protection over the parsed request (routes get
 * only the bodies those parsers parsed, never one the guard read to scan it); then the app's
 * routes; then 404 and the error handler. Every part can be configured, replaced by your own
 * handler, or turned off.
 */
import { type CspReportStore, LinkpayError, type Payments } from "@linkpay/core";
import express, {
  type ErrorRequestHandler,
  type Express,
  type Request,
  type RequestHandler,
  type Router,
} from "express";
import { type RejectCardDataOptions, rejectCardData } from "../card-data-guard";
import { type CspReportFeedOptions, cspReportFeed } from "../csp-report-feed";
import { type CsrfProtection, type CsrfProtectionOptions, csrfProtection } from "../csrf";
import { type ErrorHandlerOptions, errorHandler, notFoundHandler } from "../error-handler";
import {
  createLogger,
  type LinkpayLogger,
  type RequestLoggingOptions,
  requestLogging,
} from "../logging";
import {
  type CspReportRouteOptions,
  cspReportRoute,
  type SecurityHeadersOptions,
  securityHeaders,
} from "../security-headers";
import { type WebhookRouteOptions, webhookRoute } from "../webhook-route";

/** A middleware or router the mount can install. */
type Handler = RequestHandler | Router;

/** A part of the mount: options for linkpay's own, your handler instead, or `false` for none. */
export type MountPart<TOptions, THandler = Handler> = TOptions | THandler | false;

/** Options of {@link mountLinkpay}. */
export interface MountLinkpayOptions {
  /** The Payments service from `createPayments`. */
  readonly payments: Payments;
  /**
   * Your routes, mounted after every protection and before the 404 and error handlers (with the
   * CSRF token issuer for your forms). Routes added to `app` after `mountLinkpay` returns would
   * come after the 404 handler and never run.
   */
  readonly routes: (app: Express, mounted: MountedLinkpay) => void;
  /** This site's public origin(s) for the CSRF origin check, e.g. `https://shop.example`. */
  readonly publicOrigin?: string | readonly string[] | undefined;
  /** The logger (default `createLogger()`); pass the same one to `createPayments`. */
  readonly logger?: LinkpayLogger | undefined;
  /** HSTS and `upgrade-insecure-requests`; default `NODE_ENV === "production"`. */
  readonly production?: boolean | undefined;
  /** 1. Request ids and one redacted line per request. */
  readonly requestLogging?: MountPart<Omit<RequestLoggingOptions, "logger">>;
  /** 2. `POST /webhooks/:provider`, reading its own raw body. */
  readonly webhooks?: MountPart<Omit<WebhookRouteOptions, "payments">>;
  /**
   * 3. CSP violation reports (default at `/csp-reports`, which the CSP then names), kept in
   * `store` (default: this process's memory; pass your SQL store in production).
   */
  readonly cspReports?: MountPart<CspReportRouteOptions>;
  /**
   * 3b. Off unless given: `{ tokens }` mounts {@link cspReportFeed} (default at
   * `/.well-known/linkpay/csp-reports`), reading the store of `cspReports` unless you pass `store`.
   */
  readonly cspReportFeed?:
    | MountPart<Omit<CspReportFeedOptions, "store"> & Partial<Pick<CspReportFeedOptions, "store">>>
    | undefined;
  /** 4. helmet with the strict CSP and a nonce per response (`res.locals.cspNonce`). */
  readonly securityHeaders?: MountPart<Omit<SecurityHeadersOptions, "payments">>;
  /**
   * 5. Your body parsers; default url-encoded and JSON bodies up to 100 KiB. They run before the
   * card-data guard and CSRF, which read the parsed body; a body they leave unparsed is scanned
   * by the guard but never reaches your routes. `false`: you parse bodies yourself, later.
   */
  readonly bodyParsers?: readonly RequestHandler[] | false | undefined;
  /** 6. 400 `CARD_DATA_DETECTED` for a card number anywhere in a request. */
  readonly cardDataGuard?: MountPart<RejectCardDataOptions>;
  /** 7. Fetch Metadata, Origin/Referer, and the token fallback when `token` is set. */
  readonly csrf?: MountPart<Omit<CsrfProtectionOptions, "publicOrigin">, CsrfProtection>;
  /** 8. 404 `NOT_FOUND` for what no route handled. */
  readonly notFound?: RequestHandler | false | undefined;
  /** 9. The one error handler (last). */
  readonly errors?: MountPart<ErrorHandlerOptions, ErrorRequestHandler>;
}

/** What {@link mountLinkpay} set up, for your routes to use. */
export interface MountedLinkpay {
  readonly logger: LinkpayLogger;
  /** Issues CSRF tokens for forms (`csrf.generateToken(req, res)`); undefined when turned off. */
  readonly csrf: CsrfProtection | undefined;
  /** Where CSP violation reports are kept (`listCspViolations()`); undefined when not mounted here. */
  readonly cspReports: CspReportStore | undefined;
}

/** The part's handler: none, the app's own, or linkpay's built from the options. */
function partOf<TOptions extends object, THandler extends object>(
  part: MountPart<TOptions, THandler> | undefined,
  build: (options: TOptions | undefined) => THandler,
): THandler | undefined {
  if (part === false) return undefined;
  const isHandler = (value: TOptions | THandler): value is THandler => typeof value === "function";
  if (part !== undefined && isHandler(part)) return part;
  return build(part);
}

/**
 * Mounts linkpay on `app` in the documented order, with your routes in their place.
 *
 * @example
 * const app = express();
 * mountLinkpay(app, {
 *   payments,
 *   logger,
 *   publicOrigin: "https://shop.example",
 *   routes: (app, { csrf }) => {
 *     app.get("/", (req, res) => res.send(bookingForm(csrf?.generateToken(req, res))));
 *     app.post("/bookings", checkoutRateLimit(), bookCar);
 *   },
 * });
 */
export function mountLinkpay(app: Express, options: MountLinkpayOptions): MountedLinkpay {
  const { payments } = options;
  const logger = options.logger ?? createLogger();
  app.disable("x-powered-by");
  const use = (handler: Handler | ErrorRequestHandler | undefined) => {
    if (handler !== undefined) app.use(handler);
  };

  use(
    partOf<Omit<RequestLoggingOptions, "logger">, Handler>(options.requestLogging, (part) =>
      requestLogging({ ...part, logger }),
    ),
  );
  use(
    partOf<Omit<WebhookRouteOptions, "payments">, Handler>(options.webhooks, (part) =>
      webhookRoute({ ...part, payments }),
    ),
  );
  let reportUri: string | undefined;
  let cspReports: CspReportStore | undefined;
  use(
    partOf<CspReportRouteOptions, Handler>(options.cspReports, (part) => {
      reportUri = part?.path ?? "/csp-reports";
      const route = cspReportRoute({ logger, ...part, path: reportUri });
      cspReports = route.store;
      return route;
    }),
  );
  // Unlike the other parts, the feed is off by default: it needs tokens only the app can choose.
  use(
    partOf<
      Omit<CspReportFeedOptions, "store"> & Partial<Pick<CspReportFeedOptions, "store">>,
      Handler
    >(options.cspReportFeed ?? false, (part) => {
      const store = part?.store ?? cspReports;
      if (part === undefined || store === undefined) {
        throw new LinkpayError(
          "CONFIG_INVALID",
          "mountLinkpay's cspReportFeed needs { store } when cspReports is off or your own handler: the feed reads the store the reports are kept in",
          { details: { field: "cspReportFeed.store" } },
        );
      }
      return cspReportFeed({ ...part, store });
    }),
  );
  use(
    partOf<Omit<SecurityHeadersOptions, "payments">, Handler>(options.securityHeaders, (part) =>
      securityHeaders({ production: options.production, reportUri, ...part, payments }),
    ),
  );
  // The app's parsers run before the card-data guard and CSRF: the guard scans the parsed fields
  // and CSRF reads the `_csrf` field. A body none of them parsed is still scanned (the guard
  // reads it itself), but routes never see it: the only bodies a route gets are the ones its
  // app chose to parse, in `bodyParsers`.
  const parsers = options.bodyParsers ?? [
    express.urlencoded({ extended: false, limit: "100kb" }),
    express.json({ limit: "100kb" }),
  ];
  const parsedByApp = new WeakSet<Request>();
  const noteParsedBodies: RequestHandler = function linkpayParsedBodies(req, _res, next) {
    if (req.body !== undefined) parsedByApp.add(req);
    next();
  };
  const keepOnlyParsedBodies: RequestHandler = function linkpayOnlyParsedBodies(req, _res, next) {
    if (!parsedByApp.has(req)) req.body = undefined;
    next();
  };
  if (parsers !== false) {
    for (const parser of parsers) use(parser);
    use(noteParsedBodies);
  }
  use(
    partOf<RejectCardDataOptions, Handler>(options.cardDataGuard, (part) => rejectCardData(part)),
  );
  if (parsers !== false) use(keepOnlyParsedBodies);
  const csrf = partOf<Omit<CsrfProtectionOptions, "publicOrigin">, CsrfProtection>(
    options.csrf,
    (part) => csrfProtection({ ...part, publicOrigin: options.publicOrigin }),
  );
  use(csrf);

  const mounted: MountedLinkpay = { logger, csrf, cspReports };
  options.routes(app, mounted);

  use(options.notFound === false ? undefined : (options.notFound ?? notFoundHandler()));
  use(
    partOf<ErrorHandlerOptions, ErrorRequestHandler>(options.errors, (part) => errorHandler(part)),
  );
  return mounted;
}

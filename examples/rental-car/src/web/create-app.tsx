/**
 * @module
 * The Express app: linkpay mounted in one call (request ids, the webhook route before any body
 * parser, CSP reports and, with PATROL_FEED_TOKEN, their feed for the patrol, security headers,
 * form parsing, the card-data guard, CSRF bound to the browser; then the pages; then 404 and the
 * one error handler, which renders the site's own error page). Proxies are trusted only as
 * TRUST_PROXY says.
 */
import { mountLinkpay } from "@linkpay/express";
import { classifyDatabaseError } from "@linkpay/store-sql";
import cookieParser from "cookie-parser";
import express, { type Express } from "express";
import { type AppDeps, limiterOptions, pageContext, type RouteDeps, sendHtml } from "./app-deps";
import { bookRoutes } from "./routes/book-routes";
import { bookingRoutes } from "./routes/booking-routes";
import { cancelRoutes } from "./routes/cancel-routes";
import { carPictureRoutes } from "./routes/car-picture-routes";
import { devOutboxRoutes } from "./routes/dev-outbox-routes";
import { healthRoutes } from "./routes/health-routes";
import { myBookingRoutes } from "./routes/my-booking-routes";
import { searchRoutes } from "./routes/search-routes";
import { SITE_CSS } from "./site-css";
import { ErrorPage } from "./views/error-page";
import { renderPage } from "./views/layout";

const ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b6e4f"/><text x="16" y="22" font-size="16" text-anchor="middle" fill="#fff" font-family="sans-serif">RC</text></svg>';

/** Builds the app (not listening). */
export function createApp(deps: AppDeps): Express {
  const app = express();
  // Who the client is: the TCP peer, unless TRUST_PROXY names the proxies in front (rate limits
  // key on the address, so a trusted peer could otherwise pick a fresh one per request).
  app.set("trust proxy", deps.trustProxy ?? false);

  mountLinkpay(app, {
    payments: deps.payments,
    logger: deps.logger,
    publicOrigin: deps.publicBaseUrl,
    production: deps.production,
    // Reports go to the database beside the payments, so every instance sees them all.
    cspReports: {
      store: deps.cspReports,
      rateLimitStore: limiterOptions(deps, "csp-report").store,
    },
    // The patrol reads what shoppers' browsers reported, from the same store, with its token.
    cspReportFeed: deps.patrolFeedTokens === undefined ? false : { tokens: deps.patrolFeedTokens },
    // The booking forms are url-encoded and nothing here accepts JSON, so this is the one parser.
    // It runs after the webhook route (which reads its raw bytes itself) and before the card-data
    // guard and CSRF, which must see the parsed fields; a body of any other type is scanned by
    // the guard but never reaches a route.
    bodyParsers: [express.urlencoded({ extended: false, limit: "100kb" })],
    csrf: {
      // No login and no server session: the token is bound to a random id per browser, in its
      // own cookie (browserIdOf), and signed with the secret.
      token: { secret: deps.secret, secureCookie: deps.production },
    },
    routes: (app, { csrf }) => {
      if (csrf === undefined) throw new Error("CSRF protection is part of this app");
      app.use(healthRoutes(deps));
      app.get("/assets/site.css", (_req, res) => {
        res.set("Cache-Control", "public, max-age=300").type("text/css").send(SITE_CSS);
      });
      app.get(["/favicon.ico", "/assets/icon.svg"], (_req, res) => {
        res.set("Cache-Control", "public, max-age=86400").type("image/svg+xml").send(ICON_SVG);
      });
      app.use(carPictureRoutes());
      app.use(cookieParser());
      const routeDeps: RouteDeps = { ...deps, csrf };
      app.use(searchRoutes(routeDeps));
      app.use(bookRoutes(routeDeps));
      app.use(bookingRoutes(routeDeps));
      app.use(myBookingRoutes(routeDeps));
      app.use(cancelRoutes(routeDeps));
      // The demo's e-mails, readable at /_dev/outbox: mounted only on the sandbox without SMTP.
      app.use(devOutboxRoutes(routeDeps));
    },
    errors: {
      // The app's own queries run on the store's database: while it restarts, "try again" (503).
      classify: classifyDatabaseError,
      renderHtml: (problem, req, res) => {
        const context = pageContext(deps, req, res);
        const page = (
          <ErrorPage
            context={
              // A refused card number must not come back in the language link of the page.
              problem.code === "CARD_DATA_DETECTED"
                ? { ...context, otherLanguageHref: `/?lang=${context.lang === "ja" ? "en" : "ja"}` }
                : context
            }
            status={problem.status}
            code={problem.code}
            requestId={problem.requestId}
          />
        );
        sendHtml(res, problem.status, renderPage(page));
      },
    },
  });
  return app;
}

/**
 * @module
 * The Express app: linkpay mounted in one call (request ids, the webhook route before any body
 * parser, CSP reports and, with PATROL_FEED_TOKEN, their feed for the patrol, security headers,
 * form parsing, the card-data guard, CSRF; then the pages; then 404 and the one error handler,
 * which renders the site's own error page).
 */
import { mountLinkpay } from "@linkpay/express";
import cookieParser from "cookie-parser";
import express, { type Express } from "express";
import { type AppDeps, limiterOptions, pageContext, type RouteDeps, sendHtml } from "./app-deps";
import { bookingRoutes } from "./routes/booking-routes";
import { cancelRoutes } from "./routes/cancel-routes";
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
  // Behind a reverse proxy on the same machine (the reliability run's nginx): trust loopback only.
  app.set("trust proxy", "loopback");

  mountLinkpay(app, {
    payments: deps.payments,
    logger: deps.logger,
    publicOrigin: deps.publicBaseUrl,
    production: deps.production,
    // The booking forms are url-encoded; nothing here accepts JSON.
    // Reports go to the database beside the payments, so every instance sees them all.
    cspReports: {
      store: deps.cspReports,
      rateLimitStore: limiterOptions(deps, "csp-report").store,
    },
    // The patrol reads what shoppers' browsers reported, from the same store, with its token.
    cspReportFeed: deps.patrolFeedTokens === undefined ? false : { tokens: deps.patrolFeedTokens },
    bodyParsers: [express.urlencoded({ extended: false, limit: "100kb" })],
    csrf: {
      token: {
        secret: deps.secret,
        // No login and no server session: the token is bound to its cookie and the secret.
        sessionId: () => "rental-car",
        secureCookie: deps.production,
      },
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
      app.use(cookieParser());
      const routeDeps: RouteDeps = { ...deps, csrf };
      app.use(searchRoutes(routeDeps));
      app.use(bookingRoutes(routeDeps));
      app.use(myBookingRoutes(routeDeps));
      app.use(cancelRoutes(routeDeps));
    },
    errors: {
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
            message={problem.message}
            requestId={problem.requestId}
          />
        );
        sendHtml(res, problem.status, renderPage(page));
      },
    },
  });
  return app;
}

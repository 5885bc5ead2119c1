/**
 * @module
 * The Express app, mounted in the order docs/express.md explains: request ids, the webhook route
 * before any body parser, CSP reports, security headers, health, static assets, the card-data
 * guard, CSRF, the pages, then 404 and the one error handler.
 */
import {
  cspReportRoute,
  csrfProtection,
  errorHandler,
  HttpError,
  notFoundHandler,
  rejectCardData,
  requestIdOf,
  requestLogging,
  securityHeaders,
  webhookRoute,
} from "@linkpay/express";
import cookieParser from "cookie-parser";
import express, { type Express, type NextFunction, type Request, type Response } from "express";
import { type AppDeps, pageContext, type RouteDeps, sendHtml } from "./app-deps";
import { bookingRoutes } from "./routes/booking-routes";
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
  app.disable("x-powered-by");
  // Behind a reverse proxy on the same machine (the reliability run's nginx): trust loopback only.
  app.set("trust proxy", "loopback");

  app.use(requestLogging({ logger: deps.logger }));
  app.use(webhookRoute({ payments: deps.payments }));
  app.use(cspReportRoute({ path: "/csp-reports" }));
  app.use(
    securityHeaders({ payments: deps.payments, reportUri: "/csp-reports", production: deps.production }),
  );
  app.use(healthRoutes(deps));
  app.get("/assets/site.css", (_req, res) => {
    res.set("Cache-Control", "public, max-age=300").type("text/css").send(SITE_CSS);
  });
  app.get(["/favicon.ico", "/assets/icon.svg"], (_req, res) => {
    res.set("Cache-Control", "public, max-age=86400").type("image/svg+xml").send(ICON_SVG);
  });

  app.use(cookieParser());
  app.use(rejectCardData());
  const csrf = csrfProtection({
    publicOrigin: deps.publicBaseUrl,
    token: {
      secret: deps.secret,
      // No login and no server session: the token is bound to its cookie and the secret.
      sessionId: () => "rental-car",
      secureCookie: deps.production,
    },
  });
  app.use(csrf);

  const routeDeps: RouteDeps = { ...deps, csrf };
  app.use(searchRoutes(routeDeps));
  app.use(bookingRoutes(routeDeps));
  app.use(myBookingRoutes(routeDeps));

  app.use(notFoundHandler());
  // A path Express cannot percent-decode (`/bookings/%E0%A4%A`) names no page: 404, not 500.
  app.use((error: unknown, _req: Request, _res: Response, next: NextFunction) => {
    next(error instanceof URIError ? new HttpError("NOT_FOUND", error.message) : error);
  });
  app.use(
    errorHandler({
      logger: deps.logger,
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
            requestId={requestIdOf(req) ?? ""}
          />
        );
        sendHtml(res, problem.status, renderPage(page));
      },
    }),
  );
  return app;
}

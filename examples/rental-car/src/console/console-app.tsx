/**
 * @module
 * The staff console: an Express app of its own, served on its own port (its own origin), so no
 * script on a shop page, however it got there, can read a console page or post a console form.
 * In order: the address allow-list, request logging, strict security headers, form parsing,
 * cookies, CSRF, the session, the sign-in and set-up routes, then everything else behind a
 * signed-in session, and one error handler.
 */
import { randomBytes } from "node:crypto";
import { BlockList, isIP } from "node:net";
import { csrfProtection, errorHandler, notFoundHandler, requestLogging } from "@linkpay/express";
import { classifyDatabaseError } from "@linkpay/store-sql";
import cookieParser from "cookie-parser";
import express, { type Express, type RequestHandler } from "express";
import helmet from "helmet";
import { chooseLanguage } from "../web/i18n";
import {
  type ConsoleDeps,
  type ConsoleRouteDeps,
  requireSignedIn,
  sendMessage,
} from "./console-deps";
import { loadSession, SESSION_COOKIE } from "./console-sessions";
import { CONSOLE_TEXTS } from "./console-texts";
import { auditRoutes } from "./routes/audit-routes";
import { bookingRoutes } from "./routes/booking-routes";
import { enrolRoutes } from "./routes/enrol-routes";
import { accountRoutes, passkeySignInRoutes } from "./routes/passkey-routes";
import { signInRoutes } from "./routes/sign-in-routes";
import { staffRoutes } from "./routes/staff-routes";

/** Refuses addresses outside `ADMIN_ALLOWED_IPS` (403, nothing else served). */
function allowList(deps: ConsoleDeps): RequestHandler | undefined {
  if (deps.allowedIps === undefined || deps.allowedIps.length === 0) return undefined;
  const list = new BlockList();
  for (const entry of deps.allowedIps) {
    const [address = "", bits] = entry.split("/");
    const family = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(bits), family);
  }
  return function consoleAllowList(req, res, next) {
    const raw = req.ip ?? "";
    // An IPv4 client on a dual-stack socket shows as ::ffff:a.b.c.d.
    const address = raw.startsWith("::ffff:") && isIP(raw.slice(7)) === 4 ? raw.slice(7) : raw;
    const family = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (isIP(address) !== 0 && list.check(address, family)) return next();
    deps.logger.warn({ ip: raw, path: req.path }, "console request from an address not allowed");
    res.status(403).type("text").send("Forbidden");
  };
}

/** Builds the console app (not listening). */
export function createConsoleApp(deps: ConsoleDeps): Express {
  const app = express();
  app.set("trust proxy", "loopback");
  app.disable("x-powered-by");
  const https = deps.publicOrigin.startsWith("https://");

  const allow = allowList(deps);
  if (allow !== undefined) app.use(allow);
  app.use(requestLogging({ logger: deps.logger }));
  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          "default-src": ["'none'"],
          "style-src": [(_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
          // The favicon is a data: URL (see the layout).
          "img-src": ["'self'", "data:"],
          // The passkey scripts only, from this origin; nothing inline.
          "script-src": ["'self'"],
          "connect-src": ["'self'"],
          "form-action": ["'self'"],
          "frame-ancestors": ["'none'"],
          "base-uri": ["'none'"],
          ...(https ? { "upgrade-insecure-requests": [] } : {}),
        },
      },
      strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      referrerPolicy: { policy: "no-referrer" },
      crossOriginResourcePolicy: { policy: "same-origin" },
    }),
  );
  app.use(express.urlencoded({ extended: false, limit: "20kb" }));
  app.use(cookieParser());
  const csrf = csrfProtection({
    publicOrigin: deps.publicOrigin,
    token: {
      secret: deps.secret,
      cookieName: "__Host-rc-console.csrf",
      // Bound to the console session when there is one: a token from before sign-in is void after.
      sessionId: (req) => {
        const session: unknown = req.cookies?.[SESSION_COOKIE];
        return typeof session === "string" ? session : "no-session";
      },
    },
    logger: deps.logger,
  });
  app.use(csrf);
  app.use(async (req, res, next) => {
    res.locals.consoleSession = await loadSession(deps.db, req, deps.now());
    next();
  });

  const routeDeps: ConsoleRouteDeps = { ...deps, csrf };
  const rp = { name: deps.totpIssuer, origin: deps.publicOrigin };
  app.use(signInRoutes(routeDeps));
  app.use(passkeySignInRoutes(routeDeps, rp));
  app.use(enrolRoutes(routeDeps));
  app.use(requireSignedIn());
  app.use(accountRoutes(routeDeps, rp));
  app.use(bookingRoutes(routeDeps));
  app.use(staffRoutes(routeDeps));
  app.use(auditRoutes(routeDeps));
  app.use(notFoundHandler());
  app.use(
    errorHandler({
      logger: deps.logger,
      classify: classifyDatabaseError,
      renderHtml: (problem, req, res) => {
        const texts = CONSOLE_TEXTS[chooseLanguage(req, res)];
        sendMessage(routeDeps, req, res, {
          status: problem.status,
          title: problem.status === 404 ? texts.notFoundTitle : texts.errorTitle,
          message:
            problem.status === 404 ? texts.notFound : `${problem.message} (${problem.requestId})`,
        });
      },
    }),
  );
  return app;
}

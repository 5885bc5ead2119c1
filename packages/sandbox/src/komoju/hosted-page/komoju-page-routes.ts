/**
 * @module
 * The KOMOJU hosted pages under `/komoju`: the session page with its forms
 * ({@link komojuSessionRoutes}), the konbini slip and the PayPay look-alike
 * ({@link komojuPaymentPageRoutes}), and one error page for anything unexpected.
 */
import type { Logger } from "@linkpay/core";
import { type ErrorRequestHandler, Router } from "express";
import type { KomojuContext } from "../operations/komoju-context";
import { komojuPageViews } from "./komoju-page-views";
import { komojuSessionRoutes } from "./komoju-session-routes";
import { komojuPaymentPageRoutes } from "./komoju-wallet-routes";

/** What the KOMOJU hosted pages need. */
export interface KomojuPageOptions {
  readonly context: KomojuContext;
  readonly merchantName: string;
  /** Origins the sandbox is reached at (for the `Origin` check of form posts). */
  readonly allowedOrigins: () => readonly string[];
  readonly logger: Logger;
}

/** The hosted page routes, to mount at `/komoju`. */
export function komojuPageRoutes(options: KomojuPageOptions): Router {
  const { context, merchantName, allowedOrigins } = options;
  const views = komojuPageViews(context, merchantName, allowedOrigins);
  const router = Router();
  router.use(komojuSessionRoutes(context, views, merchantName));
  router.use(komojuPaymentPageRoutes(context, views, merchantName, allowedOrigins));
  const failed: ErrorRequestHandler = (error, req, res, _next) => {
    options.logger.error({ error, path: req.path }, "komoju hosted page error");
    res.status(500).type("text/plain").send("The sandbox could not show this page.");
  };
  router.use(failed);
  return router;
}

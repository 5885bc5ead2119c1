/**
 * @module
 * The shopper's "go to payment" answer: 303 See Other to the provider's hosted page, and only to a
 * URL on one of the providers' checkout origins (core's redirect guard checked it already; this
 * checks again, so a bug elsewhere cannot turn the shop into an open redirect). Nothing here ever
 * reads a `next`, `returnTo` or `redirect` parameter.
 */
import {
  createRedirectGuard,
  isLinkpayError,
  type Logger,
  type Payments,
  type RedirectGuard,
  type StartedCheckout,
} from "@linkpay/core";
import type { Request, RequestHandler, Response } from "express";
import { logAlert, loggerFor } from "../logging";

/** Options of {@link redirectToCheckout}. */
export interface RedirectToCheckoutOptions {
  /** Where a shopper may be sent: `payments.checkoutOrigins`. */
  readonly allowedOrigins: readonly string[];
}

const guards = new WeakMap<readonly string[], RedirectGuard>();

function guardFor(allowedOrigins: readonly string[]): RedirectGuard {
  const known = guards.get(allowedOrigins);
  if (known) return known;
  const guard = createRedirectGuard({
    allowedOrigins,
    // Origins come from validated providers: an http one exists only when the app allowed it.
    allowInsecureLocalhost: allowedOrigins.some((origin) => origin.startsWith("http:")),
  });
  guards.set(allowedOrigins, guard);
  return guard;
}

/**
 * Answers 303 See Other to `started.redirectUrl` with `Cache-Control: no-store`, after checking the
 * URL is on `allowedOrigins`; throws REDIRECT_NOT_ALLOWED (502) otherwise, before touching `res`.
 *
 * @example
 * const started = await payments.startCheckout(request);
 * redirectToCheckout(res, started, { allowedOrigins: payments.checkoutOrigins });
 */
export function redirectToCheckout(
  res: Response,
  started: StartedCheckout,
  options: RedirectToCheckoutOptions,
): void {
  const target = guardFor(options.allowedOrigins).check(started.redirectUrl);
  res.status(303).setHeader("Cache-Control", "no-store");
  res.location(target.href).end();
}

/** Options of {@link checkoutHandler}. */
export interface CheckoutHandlerOptions {
  /** The Payments service. */
  readonly payments: Payments;
  /**
   * Prices the order from your own catalogue and calls `payments.startCheckout`. Read only what
   * the shopper chose (ids, dates, quantities) from `req`: never an amount, a currency or a URL.
   */
  readonly start: (req: Request, res: Response) => Promise<StartedCheckout>;
  /** Where to log when {@link requestLogging} is not mounted. */
  readonly logger?: Logger | undefined;
}

/**
 * A route handler that starts the checkout and answers 303 to the hosted page. Errors go to
 * `next` (render them with {@link errorHandler}): REDIRECT_NOT_ALLOWED becomes 502, and is logged
 * as an alert, since it means the provider answered with a foreign URL.
 *
 * @example
 * app.post("/checkout", checkoutRateLimit(), rejectCardData(), checkoutHandler({
 *   payments,
 *   start: (req) => payments.startCheckout(priceBooking(String(req.body.bookingId))),
 * }));
 */
export function checkoutHandler(options: CheckoutHandlerOptions): RequestHandler {
  const allowedOrigins = options.payments.checkoutOrigins;
  guardFor(allowedOrigins);
  return async function linkpayCheckout(req, res, next) {
    res.setHeader("Cache-Control", "no-store");
    try {
      redirectToCheckout(res, await options.start(req, res), { allowedOrigins });
    } catch (error) {
      if (isLinkpayError(error, "REDIRECT_NOT_ALLOWED")) {
        logAlert(
          loggerFor(req, options.logger),
          "redirect_not_allowed",
          { reason: error.details.reason, origin: error.details.origin },
          "A checkout redirect outside the providers' origins was refused",
        );
      }
      next(error);
    }
  };
}

/**
 * @module
 * The shopper's "go to payment" answer: 303 See Other to the provider's hosted page. The URL was
 * checked once, by core's redirect guard in `payments.startCheckout`, and its type
 * (`CheckedRedirectUrl`) says so: only a `StartedCheckout` can be redirected to, so a URL from
 * anywhere else (a `next`, `returnTo` or `redirect` parameter) does not even compile.
 */
import type { StartedCheckout } from "@linkpay/core";
import type { Request, RequestHandler, Response } from "express";

/**
 * Answers 303 See Other to the started checkout's hosted page, with `Cache-Control: no-store`.
 *
 * @example
 * const started = await payments.startCheckout({ ...priceBooking(booking), logger: req.log });
 * redirectToCheckout(res, started);
 */
export function redirectToCheckout(res: Response, started: StartedCheckout): void {
  res.status(303).setHeader("Cache-Control", "no-store");
  res.location(started.redirectUrl).end();
}

/** Options of {@link checkoutHandler}. */
export interface CheckoutHandlerOptions {
  /**
   * Prices the order from your own catalogue and calls `payments.startCheckout`. Read only what
   * the shopper chose (ids, dates, quantities) from `req`: never an amount, a currency or a URL.
   */
  readonly start: (req: Request, res: Response) => Promise<StartedCheckout>;
}

/**
 * A route handler that starts the checkout and answers 303 to the hosted page. Errors go to
 * `next` (render them with {@link errorHandler}); a hosted URL off the provider's origins is
 * REDIRECT_NOT_ALLOWED (502), already logged as an alert by core.
 *
 * @example
 * app.post("/checkout", checkoutRateLimit(), checkoutHandler({
 *   start: (req) => payments.startCheckout({ ...priceBooking(String(req.body.bookingId)), logger: req.log }),
 * }));
 */
export function checkoutHandler(options: CheckoutHandlerOptions): RequestHandler {
  return async function linkpayCheckout(req, res, next) {
    res.setHeader("Cache-Control", "no-store");
    try {
      redirectToCheckout(res, await options.start(req, res));
    } catch (error) {
      next(error);
    }
  };
}

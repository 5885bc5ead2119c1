/**
 * @module
 * The Checkout Session id in a hosted payment page URL: `https://checkout.stripe.com/c/pay/cs_…`
 * (Stripe adds a `#fid…` fragment), or `<sandbox origin>/c/pay/cs_test_…`.
 */
import { createRedirectGuard } from "@linkpay/core";
import type { ResolvedConnectionOptions } from "../options/connection-options";

/** A session page's path; nothing may follow the id (`…/konbini` is another page). */
const SESSION_PAGE_PATH = /^\/c\/pay\/(cs_(?:test|live)_[A-Za-z0-9]+)$/;

/**
 * A function reading the session id from a URL on exactly one of `checkoutOrigins` (checked by
 * core's redirect guard: absolute, no credentials, canonical), or undefined. Query and fragment
 * are ignored.
 */
export function sessionIdFromUrl(
  options: Pick<ResolvedConnectionOptions, "checkoutOrigins" | "livemode">,
): (hostedUrl: string) => string | undefined {
  const guard = createRedirectGuard({
    allowedOrigins: options.checkoutOrigins,
    allowInsecureLocalhost: !options.livemode,
  });
  return (hostedUrl) => {
    if (!guard.isAllowed(hostedUrl)) return undefined;
    return SESSION_PAGE_PATH.exec(new URL(hostedUrl).pathname)?.[1];
  };
}

/**
 * @module
 * The session id in a hosted page URL: exactly `${checkoutBaseUrl}/sessions/{id}`, nothing more.
 */
import { createRedirectGuard } from "@linkpay/core";
import type { ResolvedConnectionOptions } from "../options/connection-options";

const SESSION_ID = /^[A-Za-z0-9_-]+$/;

/**
 * A function reading the session id from a URL on exactly the checkout origin (checked by core's
 * redirect guard: absolute, no credentials, canonical) whose path is `…/sessions/{id}` under
 * `checkoutBaseUrl`, without a query or fragment; undefined for anything else.
 */
export function sessionIdFromUrl(
  options: Pick<ResolvedConnectionOptions, "checkoutOrigins" | "checkoutBaseUrl" | "livemode">,
): (hostedUrl: string) => string | undefined {
  const guard = createRedirectGuard({
    allowedOrigins: options.checkoutOrigins,
    allowInsecureLocalhost: !options.livemode,
  });
  const prefix = `${new URL(options.checkoutBaseUrl).pathname.replace(/\/+$/, "")}/sessions/`;
  return (hostedUrl) => {
    if (!guard.isAllowed(hostedUrl)) return undefined;
    const url = new URL(hostedUrl);
    if (
      url.search !== "" ||
      url.hash !== "" ||
      hostedUrl.includes("?") ||
      hostedUrl.includes("#")
    ) {
      return undefined;
    }
    if (!url.pathname.startsWith(prefix)) return undefined;
    const id = url.pathname.slice(prefix.length);
    return SESSION_ID.test(id) ? id : undefined;
  };
}

/**
 * @module
 * Loopback detection: the sandbox listens on loopback only, unless told otherwise, because it
 * accepts any test key and serves a page that invites typing card numbers.
 */
import { isIPv4, isIPv6 } from "node:net";

/** True for `localhost`, `127.0.0.0/8` and `::1`. */
export function isLoopbackHost(host: string): boolean {
  if (host === "localhost") return true;
  if (isIPv4(host)) return host.startsWith("127.");
  if (isIPv6(host)) return host === "::1" || host === "0:0:0:0:0:0:0:1";
  return false;
}

/** The host as written inside a URL (`[::1]` for IPv6). */
export function hostForUrl(host: string): string {
  return isIPv6(host) ? `[${host}]` : host;
}

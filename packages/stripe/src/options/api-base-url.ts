/**
 * @module
 * Turns `apiBaseUrl` into the SDK's `host`, `port` and `protocol`.
 */
import { LinkpayError } from "@linkpay/core";

/** Where the SDK sends requests instead of `https://api.stripe.com`. */
export interface StripeApiTarget {
  readonly host: string;
  readonly port: number;
  readonly protocol: "http" | "https";
}

function invalid(message: string): LinkpayError {
  return new LinkpayError("CONFIG_INVALID", `apiBaseUrl ${message}`, {
    details: { option: "apiBaseUrl" },
  });
}

/**
 * Parses an origin such as `http://127.0.0.1:4242`; refuses paths, credentials, and plain http
 * with a live key (the key would cross the network in clear text).
 */
export function parseApiBaseUrl(value: string, livemode: boolean): StripeApiTarget {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid("must be an absolute URL such as http://127.0.0.1:4242");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw invalid("must use https: (or http: for a local test server)");
  }
  if (url.username !== "" || url.password !== "") throw invalid("must not contain credentials");
  if (url.pathname !== "/" || url.search !== "" || url.hash !== "") {
    throw invalid("must be an origin (scheme://host[:port]); the SDK adds /v1 itself");
  }
  if (livemode && url.protocol === "http:") {
    throw invalid("must use https: with a live key; plain http is only for test keys");
  }
  const protocol = url.protocol === "https:" ? "https" : "http";
  return {
    // The SDK passes host to node:http, which wants an IPv6 address without brackets.
    host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: url.port === "" ? (protocol === "https" ? 443 : 80) : Number(url.port),
    protocol,
  };
}

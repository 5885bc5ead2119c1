/**
 * @module
 * Checks `apiBaseUrl` and `checkoutBaseUrl`: absolute http(s) URLs without credentials, query or
 * fragment, plain http only with a test key. A path is allowed (the sandbox serves KOMOJU under
 * `/komoju`); a trailing slash is dropped.
 */
import { LinkpayError } from "@linkpay/core";

/** Where real KOMOJU serves its API and hosted pages. */
export const KOMOJU_BASE_URL = "https://komoju.com";

function invalid(option: string, message: string): LinkpayError {
  return new LinkpayError("CONFIG_INVALID", `${option} ${message}`, { details: { option } });
}

/** The base URL without a trailing slash; throws CONFIG_INVALID naming `option`. */
export function parseBaseUrl(option: string, value: string, livemode: boolean): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid(option, "must be an absolute URL such as https://komoju.com");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw invalid(option, "must use https: (or http: for a local test server)");
  }
  if (url.username !== "" || url.password !== "")
    throw invalid(option, "must not contain credentials");
  if (url.search !== "" || url.hash !== "" || value.includes("?") || value.includes("#")) {
    throw invalid(option, "must not have a query or a fragment");
  }
  if (livemode && url.protocol === "http:") {
    throw invalid(option, "must use https: with a live key; plain http is only for test keys");
  }
  if (/\/api(\/v1)?\/?$/.test(url.pathname)) {
    throw invalid(option, "must not end in /api/v1: the adapter adds it itself");
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

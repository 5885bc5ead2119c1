/**
 * @module
 * Validates one configured origin: an exact `https://host[:port]`, or `http://` for a loopback
 * host when insecure localhost is allowed for development.
 */
import { LinkpayError } from "../errors";
import { hasBackslash, hasControlCharacters } from "./raw-url";

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(["localhost", "127.0.0.1", "[::1]"]);
const DNS_NAME =
  /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;
const IPV6 = /^\[[0-9a-f:.]+\]$/;

function invalid(reason: string, message: string, origin: unknown): never {
  const shown = typeof origin === "string" ? origin : typeof origin;
  throw new LinkpayError("CONFIG_INVALID", message, { details: { reason, origin: shown } });
}

/**
 * Returns `raw` when it is an exact, canonical origin allowed as a redirect target; throws
 * CONFIG_INVALID (details: `reason`, `origin`) otherwise.
 */
export function validateAllowedOrigin(raw: unknown, allowInsecureLocalhost: boolean): string {
  if (typeof raw !== "string" || raw === "") {
    invalid("not_a_string", "An allowed origin must be a non-empty string", raw);
  }
  if (hasControlCharacters(raw) || hasBackslash(raw)) {
    invalid(
      "invalid_characters",
      `Allowed origin ${JSON.stringify(raw)} has invalid characters`,
      raw,
    );
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    invalid("unparseable", `Allowed origin ${JSON.stringify(raw)} is not a URL`, raw);
  }
  if (url.protocol === "http:") {
    if (!allowInsecureLocalhost || !LOOPBACK_HOSTS.has(url.hostname)) {
      invalid(
        "insecure_scheme",
        `Allowed origin ${raw} must use https: (http: only for localhost with allowInsecureLocalhost)`,
        raw,
      );
    }
  } else if (url.protocol !== "https:") {
    invalid("scheme_not_allowed", `Allowed origin ${JSON.stringify(raw)} must use https:`, raw);
  }
  if (url.origin !== raw) {
    invalid(
      "not_an_origin",
      `Allowed origin ${JSON.stringify(raw)} must be exactly scheme://host[:port] (did you mean ${url.origin}?)`,
      raw,
    );
  }
  if (!DNS_NAME.test(url.hostname) && !IPV6.test(url.hostname)) {
    invalid("invalid_host", `Allowed origin ${raw} has an invalid host name`, raw);
  }
  return raw;
}

/**
 * @module
 * A request URL as it may be logged. Links often carry capabilities (a booking's access token in
 * `?t=`, a provider's `session_id`, a secret path segment), so every query value is replaced by
 * `[redacted]` unless its key is on a short allowlist of harmless keys, path segments that look
 * like tokens are masked, and core's card-number and secret redaction runs over what is left.
 */
import { redactString } from "@linkpay/core";

/** What replaces a redacted query value or path segment. */
export const REDACTED = "[redacted]";

/** Query keys whose values are logged by default: they choose a view, they grant nothing. */
export const DEFAULT_LOGGED_QUERY_KEYS: readonly string[] = ["lang"];

// Token-like: a long run of base64url/hex/base64 characters holding both letters and digits.
// Booking references, slugs and short ids stay readable; UUIDs and HMACs do not.
const TOKEN_ALPHABET = /^[A-Za-z0-9_\-.~+/=]{24,}$/;
const SECRET_PREFIX = /^(sk|rk|pk|whsec|cs|pi|seti)_/i;

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll("+", " "));
  } catch {
    return text;
  }
}

/** True for a path segment that looks like a token or a secret. */
export function looksLikeSecret(segment: string): boolean {
  const text = decode(segment);
  if (SECRET_PREFIX.test(text)) return true;
  return TOKEN_ALPHABET.test(text) && /[0-9]/.test(text) && /[A-Za-z]/.test(text);
}

/**
 * `text` with card numbers and secrets masked, also when URL-encoded: a card number typed with
 * spaces reaches the server as `4242+4242+…` or `4242%204242…`, which the plain scan does not
 * see. When the decoded text holds something to mask, the masked decoded text is returned.
 */
export function redactEncoded(text: string): string {
  const spaced = text.replaceAll("+", " ");
  let decoded: string;
  try {
    decoded = decodeURIComponent(spaced);
  } catch {
    // Not valid UTF-8 percent-encoding: decode byte by byte (exact for digits and separators).
    decoded = spaced.replace(/%[0-9a-f]{2}/gi, (byte) =>
      String.fromCharCode(Number.parseInt(byte.slice(1), 16)),
    );
  }
  const masked = redactString(decoded);
  return masked === decoded ? redactString(text) : masked;
}

/** A URL path with token-like segments masked (card numbers and secrets too). */
export function redactPath(path: string): string {
  return redactEncoded(
    path
      .split("/")
      .map((segment) => (looksLikeSecret(segment) ? REDACTED : segment))
      .join("/"),
  );
}

/**
 * A query string (without `?`) with every value but those of `loggedKeys` replaced by
 * `[redacted]`; keys are kept (masked when they look like secrets), so the line still says which
 * parameters came.
 */
export function redactQuery(query: string, loggedKeys: ReadonlySet<string>): string {
  return redactEncoded(
    query
      .split("&")
      .filter((pair) => pair !== "")
      .map((pair) => {
        const equals = pair.indexOf("=");
        const rawKey = equals === -1 ? pair : pair.slice(0, equals);
        const key = looksLikeSecret(rawKey) ? REDACTED : rawKey;
        if (equals === -1) return key;
        return loggedKeys.has(decode(rawKey)) ? pair : `${key}=${REDACTED}`;
      })
      .join("&"),
  );
}

/** The path and the redacted query of a request URL, for one log line. */
export function redactUrl(
  url: string,
  loggedKeys: ReadonlySet<string> = new Set(DEFAULT_LOGGED_QUERY_KEYS),
): { readonly path: string; readonly query?: string } {
  const mark = url.indexOf("?");
  const path = redactPath(mark === -1 ? url : url.slice(0, mark));
  if (mark === -1 || mark === url.length - 1) return { path };
  return { path, query: redactQuery(url.slice(mark + 1), loggedKeys) };
}

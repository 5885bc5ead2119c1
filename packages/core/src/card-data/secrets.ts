/**
 * @module
 * What counts as a secret: Stripe API keys, webhook signing secrets, and the values of keys named
 * like credentials (signatures, authorization headers, cookies, passwords, secrets).
 */

/** What a redacted value or secret body is replaced with. */
export const REDACTED = "[redacted]";

const STRIPE_KEY = /((?:sk|rk)_(?:live|test)_)[0-9A-Za-z]+/g;
const WEBHOOK_SECRET = /(whsec_)[0-9A-Za-z+/=]+/g;
/** Every secret either pattern masks starts with one of these (one test instead of two replaces). */
const SECRET_PREFIX = /(?:sk|rk)_(?:live|test)_|whsec_/;

/** `text` with Stripe secret/restricted keys and `whsec_` secrets replaced, keeping only their prefix. */
export function maskSecrets(text: string): string {
  if (!SECRET_PREFIX.test(text)) return text;
  return text.replace(STRIPE_KEY, `$1${REDACTED}`).replace(WEBHOOK_SECRET, `$1${REDACTED}`);
}

const SENSITIVE_NAMES: ReadonlySet<string> = new Set([
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
  "password",
  "passwd",
  "secret",
  "api-key",
  "x-api-key",
  "apikey",
]);

const SENSITIVE_PARTS: readonly string[] = ["signature", "secret", "password"];

/**
 * True for keys whose values must never be logged, compared case-insensitively with `_` read as
 * `-`: `authorization`, `cookie`, `set-cookie`, API-key headers, and anything containing
 * `signature`, `secret` or `password` (e.g. `Stripe-Signature`, `client_secret`).
 */
export function isSensitiveKey(key: string): boolean {
  const name = key.toLowerCase().replaceAll("_", "-");
  return SENSITIVE_NAMES.has(name) || SENSITIVE_PARTS.some((part) => name.includes(part));
}

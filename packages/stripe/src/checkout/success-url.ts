/**
 * @module
 * Adds Stripe's `{CHECKOUT_SESSION_ID}` template to the success URL, so the return page can ask
 * about the session it belongs to (it still never marks anything paid).
 */

/** The literal template Stripe replaces with the session id when it redirects. */
export const CHECKOUT_SESSION_ID_TEMPLATE = "{CHECKOUT_SESSION_ID}";

/**
 * Appends `session_id={CHECKOUT_SESSION_ID}` to the query of `url`, before any fragment, with
 * literal braces (URL APIs would percent-encode them and Stripe would not substitute the id).
 * A URL that already carries the template is returned unchanged.
 *
 * @example
 * withSessionIdParameter("https://shop.example/return?order=1");
 * // "https://shop.example/return?order=1&session_id={CHECKOUT_SESSION_ID}"
 */
export function withSessionIdParameter(url: string): string {
  if (url.includes(CHECKOUT_SESSION_ID_TEMPLATE)) return url;
  const hashAt = url.indexOf("#");
  const beforeHash = hashAt === -1 ? url : url.slice(0, hashAt);
  const hash = hashAt === -1 ? "" : url.slice(hashAt);
  const separator = !beforeHash.includes("?")
    ? "?"
    : beforeHash.endsWith("?") || beforeHash.endsWith("&")
      ? ""
      : "&";
  return `${beforeHash}${separator}session_id=${CHECKOUT_SESSION_ID_TEMPLATE}${hash}`;
}

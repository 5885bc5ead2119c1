/**
 * @module
 * A browser stand-in for the hosted page tests: plain `fetch` with redirects not followed, forms
 * posted like a same-origin browser would.
 */
import { TEST_CARDS } from "../cards/test-cards";

/** Card form fields; defaults to the success card with a valid expiry and CVC. */
export interface CardFields {
  readonly number?: string;
  readonly exp?: string;
  readonly cvc?: string;
  readonly name?: string;
}

/** GETs a page without following redirects. */
export function getPage(url: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { redirect: "manual", headers });
}

/** POSTs a form without following redirects (same-origin Fetch Metadata by default). */
export function postForm(
  url: string,
  fields: Record<string, string>,
  headers: Record<string, string> = { "Sec-Fetch-Site": "same-origin" },
): Promise<Response> {
  return fetch(url, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

/** Submits the card form of a session. */
export function submitCard(
  origin: string,
  sessionId: string,
  card: CardFields = {},
): Promise<Response> {
  return postForm(`${origin}/c/pay/${sessionId}/card`, {
    number: card.number ?? TEST_CARDS.success,
    exp: card.exp ?? "12 / 34",
    cvc: card.cvc ?? "123",
    name: card.name ?? "Taro Yamada",
  });
}

/** The `Location` of a redirect response (throws when there is none). */
export function locationOf(response: Response): string {
  const location = response.headers.get("location");
  if (location === null) throw new Error(`expected a redirect, got ${response.status}`);
  return location;
}

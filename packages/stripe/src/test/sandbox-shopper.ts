/**
 * @module
 * A shopper on the sandbox's hosted payment page, driven over HTTP: pages fetched and forms posted
 * as a same-origin browser would, redirects returned rather than followed.
 */
import { TEST_CARDS } from "@linkpay/sandbox";

/** A page or form answer: the status, the redirect target (absolute) and the HTML. */
export interface ShopperResponse {
  readonly status: number;
  readonly location: string | null;
  readonly html: string;
}

async function answer(response: Response, base: string): Promise<ShopperResponse> {
  const location = response.headers.get("location");
  return {
    status: response.status,
    location: location === null ? null : new URL(location, base).href,
    html: await response.text(),
  };
}

/** GETs a hosted page URL without following redirects. */
export async function openPage(url: string): Promise<ShopperResponse> {
  return answer(await fetch(url, { redirect: "manual" }), url);
}

async function post(url: string, fields: Record<string, string>): Promise<ShopperResponse> {
  const response = await fetch(url, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      "Sec-Fetch-Site": "same-origin",
    },
    body: new URLSearchParams(fields).toString(),
  });
  return answer(response, url);
}

/** The session id in a hosted page URL (`…/c/pay/cs_test_…`). */
export function sessionIdOf(hostedUrl: string): string {
  const id = new URL(hostedUrl).pathname.split("/").at(-1);
  if (id === undefined || id === "") throw new Error(`not a hosted page URL: ${hostedUrl}`);
  return id;
}

/** Submits the card form on the hosted page at `hostedUrl`. */
export function payWithCard(
  hostedUrl: string,
  number: string = TEST_CARDS.success,
): Promise<ShopperResponse> {
  return post(`${hostedUrl}/card`, {
    number,
    exp: "12 / 34",
    cvc: "123",
    name: "Hanako Suzuki",
  });
}

/** Answers the 3-D Secure challenge a card submit redirected to. */
export function answerChallenge(
  challengeUrl: string,
  outcome: "pass" | "fail",
): Promise<ShopperResponse> {
  return post(challengeUrl, { outcome });
}

/** Chooses konbini on the hosted page: a payment slip is issued, the session completes unpaid. */
export function chooseKonbini(hostedUrl: string): Promise<ShopperResponse> {
  return post(`${hostedUrl}/konbini`, {});
}

const CANCEL_TEXTS = ["キャンセルしてショップに戻る", "Cancel and return to the shop"];

/** The cancel link on a hosted page (Japanese or English), with character references undone. */
export function cancelLinkOf(html: string): string {
  for (const [, href, text] of html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)) {
    if (href !== undefined && text !== undefined && CANCEL_TEXTS.includes(text)) {
      return href
        .replaceAll("&quot;", '"')
        .replaceAll("&#39;", "'")
        .replaceAll("&lt;", "<")
        .replaceAll("&gt;", ">")
        .replaceAll("&amp;", "&");
    }
  }
  throw new Error("the hosted page has no cancel link");
}

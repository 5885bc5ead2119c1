/**
 * @module
 * A shopper on the sandbox's KOMOJU hosted page, driven over HTTP: forms posted as a same-origin
 * browser would, redirects returned rather than followed.
 */
import { TEST_CARDS } from "@linkpay/sandbox";

/** A form answer: the status and the redirect target (absolute). */
export interface ShopperResponse {
  readonly status: number;
  readonly location: string | null;
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
  await response.text();
  const location = response.headers.get("location");
  return {
    status: response.status,
    location: location === null ? null : new URL(location, url).href,
  };
}

/** Submits the card form on the hosted page at `hostedUrl`. */
export function payWithCard(
  hostedUrl: string,
  number: string = TEST_CARDS.success,
): Promise<ShopperResponse> {
  return post(`${hostedUrl}/card`, { number, exp: "12 / 34", cvc: "123", name: "Hanako Suzuki" });
}

/** Chooses konbini and a store: the slip is issued (`payment.authorized`). */
export function chooseKonbini(hostedUrl: string, store = "lawson"): Promise<ShopperResponse> {
  return post(`${hostedUrl}/konbini`, { store });
}

/** Chooses PayPay: a payment waits at the wallet. */
export function choosePayPay(hostedUrl: string): Promise<ShopperResponse> {
  return post(`${hostedUrl}/paypay`, {});
}

/** Throws unless the answer is a 303 (every hosted page post answers one). */
export function expectRedirect(response: ShopperResponse, action: string): void {
  if (response.status !== 303) throw new Error(`${action} answered ${response.status}`);
}

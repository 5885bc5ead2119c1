/**
 * @module
 * A shopper driven over HTTP the way a browser would: the shop's checkout form posted, the 303
 * followed to the sandbox's hosted page, the card form posted there with the test card, and the
 * 303 back to the shop's return page. Redirects are read, not followed, so each hop is checked.
 */

/** Stripe's and the sandbox's approved test card (a published test number, not a real card). */
const TEST_CARD = "4242424242424242";

async function expectRedirect(response: Response, what: string): Promise<string> {
  const location = response.headers.get("location");
  if (response.status !== 303 || location === null) {
    throw new Error(
      `${what}: expected 303 with a Location, got ${response.status}: ${await response.text()}`,
    );
  }
  return new URL(location, response.url).href;
}

function postForm(url: string, origin: string, fields: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: origin,
      "Sec-Fetch-Site": "same-origin",
    },
    body: new URLSearchParams(fields).toString(),
  });
}

/** What the shopper went through. */
export interface ShopperTrip {
  readonly hostedPage: string;
  readonly returnUrl: string;
  readonly orderRef: string;
}

/** Books a car at `shopOrigin` and pays on the hosted page; returns where the shopper ended up. */
export async function bookAndPay(shopOrigin: string): Promise<ShopperTrip> {
  const hostedPage = await expectRedirect(
    await postForm(`${shopOrigin}/checkout`, shopOrigin, { car: "compact", days: "2" }),
    "POST /checkout",
  );
  const page = await fetch(hostedPage, { redirect: "manual" });
  const html = await page.text();
  if (page.status !== 200 || !html.includes("<form")) {
    throw new Error(`hosted page ${hostedPage}: ${page.status}, no card form`);
  }
  const sandboxOrigin = new URL(hostedPage).origin;
  const returnUrl = await expectRedirect(
    await postForm(`${hostedPage}/card`, sandboxOrigin, {
      number: TEST_CARD,
      exp: "12 / 34",
      cvc: "123",
      name: "Hanako Suzuki",
    }),
    "card form",
  );
  const orderRef = new URL(returnUrl).pathname.match(/^\/bookings\/([^/]+)\/return$/)?.[1];
  if (!returnUrl.startsWith(shopOrigin) || orderRef === undefined) {
    throw new Error(
      `the hosted page sent the shopper to ${returnUrl}, not to the shop's return page`,
    );
  }
  return { hostedPage, returnUrl, orderRef };
}

/**
 * @module
 * What a simulated shopper does on the sandbox's hosted page, over HTTP like a browser without
 * JavaScript, for either provider the sandbox plays: Stripe's page (`/c/pay/{id}`) or KOMOJU's
 * (`/komoju/sessions/{id}`). Both post the same card fields; KOMOJU's konbini form also names the
 * store.
 */
import { type HttpAnswer, HttpShopper } from "@linkpay/rental-car-http-client";

/** The providers the run can use. */
export type ProviderName = "stripe" | "komoju";

/** The shopper's actions on one provider's hosted page (`hosted` is its URL). */
export interface HostedPageClient {
  /** Pays with a test card: 303 to the shop's return page, a challenge, or the page again. */
  card(hosted: string, number: string): Promise<HttpAnswer>;
  /** Takes a konbini slip: 303 to the slip page. */
  konbini(hosted: string): Promise<HttpAnswer>;
  /** Passes a 3-D Secure challenge at `challenge` (the card post's 303 target). */
  passChallenge(hosted: string, challenge: string): Promise<HttpAnswer>;
}

function post(hosted: string, path: string, fields: Record<string, string>): Promise<HttpAnswer> {
  return new HttpShopper(new URL(hosted).origin).post(path, fields);
}

/** The hosted page client of `provider`. */
export function hostedPageClient(provider: ProviderName): HostedPageClient {
  return {
    card: (hosted, number) =>
      post(hosted, `${hosted}/card`, {
        number,
        exp: "12 / 34",
        cvc: "123",
        name: "Reliability Shopper",
      }),
    konbini: (hosted) =>
      post(hosted, `${hosted}/konbini`, provider === "komoju" ? { store: "lawson" } : {}),
    passChallenge: (hosted, challenge) => post(hosted, challenge, { outcome: "pass" }),
  };
}

/**
 * @module
 * The configured provider's reader, against the sandbox's KOMOJU mode: the patrol accepts a
 * genuine session of this merchant (and ends it, as its own), and flags a session id KOMOJU does
 * not know for this account and a lookalike page on another origin.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { type CheckoutReader, parseCheckoutRequest } from "@linkpay/core";
import { createKomojuProvider } from "@linkpay/komoju";
import { createSandbox, type Sandbox } from "@linkpay/sandbox";
import { parsePatrolConfig } from "../config";
import type { NavigationHop } from "../model/snapshot";
import { checkRedirect } from "../redirect/check-redirect";
import { createProviderReader } from "./create-provider-reader";

const SITE = "https://rent.example.jp";
const KEY = "sk_test_linkpayPatrolKomoju0001";
const EMAIL = "patrol+run1@example.com";
/** A page copying KOMOJU's look, on a domain of the attacker's. */
const LOOKALIKE = "https://komoju-pay.example";

let sandbox: Sandbox;
let reader: CheckoutReader;
let sessionUrl: string;

beforeAll(async () => {
  sandbox = createSandbox({ komoju: { secretKey: KEY } });
  await sandbox.listen();
  const config = parsePatrolConfig(
    {
      site: SITE,
      journeys: [
        {
          name: "pay",
          start: "/",
          steps: [{ readAmount: ".total", currency: "JPY" }, { submit: "button" }],
        },
      ],
      provider: {
        type: "komoju",
        secretKey: { env: "PATROL_KOMOJU_KEY" },
        apiBaseUrl: sandbox.komoju.baseUrl,
      },
    },
    { baseDir: "/srv/patrol", env: { PATROL_KOMOJU_KEY: KEY } },
  );
  reader = createProviderReader(config.provider);
  // The shop's own provider makes the session, as the "go to payment" step would.
  const shop = createKomojuProvider({
    secretKey: KEY,
    webhookSecrets: "patrol-komoju-test-webhook-secret",
    apiBaseUrl: sandbox.komoju.baseUrl,
  });
  const request = parseCheckoutRequest({
    orderRef: "RC-PATROL-1",
    currency: "JPY",
    total: 12_100,
    lineItems: [{ name: "Compact car, 2 days", unitAmount: 12_100, quantity: 1 }],
    customerEmail: EMAIL,
  });
  const session = await shop.createCheckout(
    {
      ...request,
      attemptId: "0a1b2c3d-patrol-attempt",
      successUrl: `${SITE}/bookings/return`,
      cancelUrl: `${SITE}/bookings/cancel`,
      expiresAt: new Date(Date.now() + 30 * 60_000),
      paymentMethods: ["card"],
    },
    { idempotencyKey: "linkpay-checkout-patrol-komoju-1" },
  );
  sessionUrl = session.hostedUrl;
});

afterAll(async () => {
  await sandbox?.close();
});

async function codes(landingUrl: string, expireOwnSession = false): Promise<string[]> {
  const hops: NavigationHop[] = [
    { url: `${SITE}/bookings`, method: "POST", status: 303, cause: "submit", location: landingUrl },
    { url: landingUrl, method: "GET", status: 200, cause: "redirect" },
  ];
  const findings = await checkRedirect({
    record: {
      journey: "pay",
      hops,
      expectedAmount: { amount: 12_100, currency: "JPY" },
      email: EMAIL,
    },
    landingUrl,
    site: SITE,
    reader,
    expireOwnSession,
  });
  return findings.map((finding) => `${finding.severity} ${finding.code}`);
}

describe("the patrol with a KOMOJU provider, against the sandbox", () => {
  it("reads checkout origins from the sandbox's KOMOJU base URL", () => {
    expect(reader.id).toBe("komoju");
    expect(reader.checkoutOrigins).toEqual([new URL(sandbox.komoju.baseUrl).origin]);
  });

  it("flags a KOMOJU session page this account does not have, and a lookalike origin", async () => {
    expect(await codes(`${sandbox.komoju.baseUrl}/sessions/not0this0merchant`)).toEqual([
      "critical SESSION_UNKNOWN",
    ]);
    expect(await codes(sessionUrl.replace(new URL(sessionUrl).origin, LOOKALIKE))).toEqual([
      "critical REDIRECT_OFF_LIST",
      "critical REDIRECT_NOT_REACHED",
    ]);
  });

  it("accepts the genuine open session and then ends it as the run's own", async () => {
    expect(await codes(sessionUrl, true)).toEqual([]);
    const id = reader.checkoutSessionIdFromUrl(sessionUrl) ?? "";
    expect((await reader.retrieveCheckout({ providerSessionId: id })).status).toBe("canceled");
  });
});

/**
 * @module
 * What a shopper does on the provider's hosted page, for either provider the app can use: the
 * sandbox's Stripe page (`/c/pay/{id}`) or its KOMOJU page (`/komoju/sessions/{id}`). Both show
 * the card form (same field names) and the konbini form on one page; KOMOJU's konbini form asks
 * for a store. Each step takes the provider, so one scenario runs against both. Also the
 * sandbox's operator actions per provider.
 */
import type { Page } from "playwright-core";
import type { PaymentProviderName } from "../config/provider-config";
import type { RentalCar } from "../server/start-rental-car";
import type { Lang } from "../web/format";

/** The providers the app can be configured with (`PAYMENT_PROVIDER`). */
export type Provider = PaymentProviderName;

/** Both providers, for `describe.each`. */
export const PROVIDERS: readonly Provider[] = ["stripe", "komoju"];

/** How long a step may wait for a page (the return page reloads itself every 2 s). */
export const PAGE_WAIT_MS = 10_000;

/** The path of a hosted page of `provider` (the session id is its last segment). */
export function hostedPathPattern(provider: Provider): RegExp {
  return provider === "komoju" ? /^\/komoju\/sessions\/[\w-]+$/ : /^\/c\/pay\/cs_test_\w+$/;
}

/** The hosted page path of `sessionId`. */
export function hostedPath(provider: Provider, sessionId: string): string {
  return provider === "komoju" ? `/komoju/sessions/${sessionId}` : `/c/pay/${sessionId}`;
}

/** The app with the sandbox it was started with (tests always start one). */
export function sandboxOf(app: RentalCar): NonNullable<RentalCar["sandbox"]> {
  if (app.sandbox === undefined) throw new Error("the app was started without its sandbox");
  return app.sandbox;
}

/**
 * Fills the hosted page's card form (number, expiry, CVC, name) and submits it. Waits for the
 * answer to load, wherever it is (the shop's return page, a challenge, or the form again). The
 * provider does not change the form; the parameter keeps every hosted-page step alike.
 */
export async function payWithCard(page: Page, _provider: Provider, number: string): Promise<void> {
  // KOMOJU's actions carry the page's `?lang=`.
  const form = page.locator('form[action*="/card"]');
  await form.locator('input[name="number"]').fill(number);
  await form.locator('input[name="exp"]').fill("12 / 34");
  await form.locator('input[name="cvc"]').fill("123");
  await form.locator('input[name="name"]').fill("HANAKO SUZUKI");
  // The next `load` is the answer's document, after any redirects.
  await Promise.all([
    page.waitForEvent("load", { timeout: PAGE_WAIT_MS }),
    form.locator('button[type="submit"]').click(),
  ]);
}

/**
 * Takes a konbini slip (KOMOJU: at Lawson) and waits for the slip page. Returns the slip page's
 * path.
 */
export async function takeKonbiniSlip(page: Page, provider: Provider): Promise<string> {
  const form = page.locator('form[action*="/konbini"]');
  if (provider === "komoju") await form.locator('input[name="store"][value="lawson"]').check();
  const before = new URL(page.url()).pathname;
  await Promise.all([
    page.waitForURL((url) => url.pathname !== before, { timeout: PAGE_WAIT_MS }),
    form.locator('button[type="submit"]').click(),
  ]);
  return new URL(page.url()).pathname;
}

/** The sandbox pages' link back to the shop (slip page, expired notice). */
const BACK_TO_SHOP: Readonly<Record<Lang, string>> = {
  ja: "ショップに戻る",
  en: "Return to the shop",
};

/** Follows the hosted page's link back to the shop and waits until the shop's page loaded. */
export async function backToShop(page: Page, app: RentalCar, lang: Lang): Promise<void> {
  const shop = new URL(app.url).origin;
  await Promise.all([
    page.waitForURL((url) => url.origin === shop, { timeout: PAGE_WAIT_MS }),
    page.getByRole("link", { name: BACK_TO_SHOP[lang], exact: true }).click(),
  ]);
}

/** What the sandbox's operator does to a session, the same call for either provider. */
export interface SandboxOperator {
  /** The shopper paid the slip at the store. */
  markKonbiniPaid(sessionId: string): void;
  /** The slip's deadline passed unpaid. */
  markKonbiniExpired(sessionId: string): void;
  /** The checkout expired unpaid (Stripe sends a webhook; KOMOJU sends none). */
  expireSession(sessionId: string): void;
  /**
   * Holds the session's webhooks back by `ms` until the returned function is called. KOMOJU's
   * mode has no per-session faults: there every delivery is held meanwhile.
   */
  delayWebhooks(sessionId: string, ms: number): () => void;
}

/** The sandbox's operator actions for `provider`. */
export function operatorOf(app: RentalCar, provider: Provider): SandboxOperator {
  const sandbox = sandboxOf(app);
  const target = provider === "komoju" ? sandbox.komoju : sandbox;
  return {
    markKonbiniPaid: (sessionId) => {
      target.markKonbiniPaid(sessionId);
    },
    markKonbiniExpired: (sessionId) => {
      target.markKonbiniExpired(sessionId);
    },
    expireSession: (sessionId) => {
      target.expireSession(sessionId);
    },
    delayWebhooks: (sessionId, ms) => {
      if (provider === "komoju") {
        sandbox.setFaults({ delayMs: ms });
        return () => sandbox.setFaults({});
      }
      sandbox.setSessionFaults(sessionId, { delayMs: ms });
      return () => sandbox.setSessionFaults(sessionId, {});
    },
  };
}

/**
 * @module
 * What KOMOJU can charge, checked before anything is stored, so a refusal names the field instead
 * of coming back from KOMOJU as PROVIDER_REJECTED:
 *
 * - Currencies: the `Currency` enum of KOMOJU's API (komoju/komoju-node-sdk, models/currency.ts).
 *   Amounts go in "the lowest denomination of the currency (e.g. cents for USD)" — ISO 4217
 *   minor units, as core counts them.
 * - Konbini and PayPay are Japanese methods: JPY only. Konbini takes at most ¥300,000 per slip
 *   (the convenience-store networks' limit, e.g. PPRO's and Antom's konbini pages).
 * - Konbini slip lifetime: one merchant-wide setting in KOMOJU's dashboard, 1–59 days (help: "How
 *   to change the payment expiry date for Konbini"); sessions take no deadline of their own.
 * - Metadata keys: at most 30 characters (KOMOJU's session `metadata`).
 */
import { type CheckoutRequest, LinkpayError } from "@linkpay/core";

/** Currencies KOMOJU's API accepts. */
export const KOMOJU_CURRENCIES: readonly string[] = [
  "JPY",
  "USD",
  "EUR",
  "TWD",
  "KRW",
  "PLN",
  "GBP",
  "HKD",
  "SGD",
  "NZD",
  "AUD",
  "IDR",
  "MYR",
  "PHP",
  "THB",
  "CNY",
  "BRL",
  "CHF",
  "CAD",
  "VND",
];

/** The largest konbini slip KOMOJU issues, in yen. */
export const KOMOJU_KONBINI_MAX_AMOUNT = 300_000;

/** The longest konbini slip lifetime KOMOJU offers, in days. */
export const KOMOJU_KONBINI_MAX_DAYS = 59;

/** Longest metadata key KOMOJU stores. */
const METADATA_KEY_MAX = 30;

const currencies: ReadonlySet<string> = new Set(KOMOJU_CURRENCIES);

function invalid(path: string, message: string): LinkpayError {
  return new LinkpayError(
    "INVALID_CHECKOUT_REQUEST",
    `The checkout request is not valid: ${path}: ${message}`,
    { details: { issues: [{ path, message }] } },
  );
}

function checkJapaneseMethods(request: CheckoutRequest, konbiniExpiryDays: number): void {
  const methods = request.paymentMethods ?? [];
  const japanese = methods.filter((method) => method === "konbini" || method === "paypay");
  if (japanese.length > 0 && request.total.currency !== "JPY") {
    throw invalid(
      "paymentMethods",
      `${japanese.join(" and ")} take JPY only; offer ["card"] for a ${request.total.currency} checkout`,
    );
  }
  if (!methods.includes("konbini")) return;
  if (request.total.amount > KOMOJU_KONBINI_MAX_AMOUNT) {
    throw invalid(
      "paymentMethods",
      `konbini takes at most ¥${KOMOJU_KONBINI_MAX_AMOUNT.toLocaleString("en-US")}; offer other methods for this checkout`,
    );
  }
  const days = request.konbini?.expiresAfterDays;
  if (days !== undefined && days > KOMOJU_KONBINI_MAX_DAYS) {
    throw invalid(
      "konbini.expiresAfterDays",
      `KOMOJU keeps a konbini slip payable for at most ${KOMOJU_KONBINI_MAX_DAYS} days`,
    );
  }
  if (days !== undefined && days < konbiniExpiryDays) {
    throw invalid(
      "konbini.expiresAfterDays",
      `KOMOJU keeps every konbini slip payable for ${konbiniExpiryDays} days (its dashboard's ` +
        `"Expiry days", given as konbiniExpiryDays) and takes no deadline per session; a checkout ` +
        `whose slip must expire within ${days} days cannot offer konbini`,
    );
  }
}

/**
 * Refuses a request KOMOJU cannot charge as priced.
 *
 * @throws LinkpayError CURRENCY_NOT_SUPPORTED for a currency KOMOJU does not take;
 *   INVALID_CHECKOUT_REQUEST naming `paymentMethods`, `konbini.expiresAfterDays` or
 *   `metadata.<key>` otherwise.
 */
export function assertKomojuCanCharge(request: CheckoutRequest, konbiniExpiryDays: number): void {
  const { currency } = request.total;
  if (!currencies.has(currency)) {
    throw new LinkpayError(
      "CURRENCY_NOT_SUPPORTED",
      `currency: KOMOJU does not charge ${currency}; it takes ${KOMOJU_CURRENCIES.join(", ")}`,
      { details: { currency, field: "currency" } },
    );
  }
  checkJapaneseMethods(request, konbiniExpiryDays);
  for (const key of Object.keys(request.metadata)) {
    if (key.length > METADATA_KEY_MAX) {
      throw invalid(
        `metadata.${key}`,
        `KOMOJU takes metadata keys of at most ${METADATA_KEY_MAX} characters`,
      );
    }
  }
}

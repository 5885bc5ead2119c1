/**
 * @module
 * The read-only client of the configured payment provider, which the patrol asks whether the
 * page a journey landed on is a genuine session of this merchant.
 */
import { type CheckoutReader, isLinkpayError, LinkpayError } from "@linkpay/core";
import { createKomojuCheckoutReader } from "@linkpay/komoju";
import { createStripeCheckoutReader } from "@linkpay/stripe";
import type { ResolvedProviderSpec } from "../config";

function build(provider: ResolvedProviderSpec): CheckoutReader {
  switch (provider.type) {
    case "stripe":
      return createStripeCheckoutReader({
        secretKey: provider.secretKey,
        apiBaseUrl: provider.apiBaseUrl,
        checkoutOrigins: provider.checkoutOrigins,
      });
    case "komoju":
      return createKomojuCheckoutReader({
        secretKey: provider.secretKey,
        apiBaseUrl: provider.apiBaseUrl,
        checkoutBaseUrl: provider.checkoutBaseUrl,
      });
  }
}

/**
 * The checkout reader for `provider`. The adapter checks the values further than the config
 * schema does (key kind, http only with a test key); its CONFIG_INVALID is re-thrown naming the
 * config's `provider` section, never a secret's value.
 */
export function createProviderReader(provider: ResolvedProviderSpec): CheckoutReader {
  try {
    return build(provider);
  } catch (error) {
    if (!isLinkpayError(error, "CONFIG_INVALID")) throw error;
    throw new LinkpayError("CONFIG_INVALID", `patrol config: provider: ${error.message}`, {
      details: { field: "provider", ...error.details },
      cause: error,
    });
  }
}

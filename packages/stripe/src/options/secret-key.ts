/**
 * @module
 * Checks on the API key and webhook signing secrets. Messages name the option, never the value.
 */
import { LinkpayError } from "@linkpay/core";
import { assertUsableSecrets } from "@linkpay/core/provider-kit";

const SECRET_KEY = /^(sk|rk)_(test|live)_[A-Za-z0-9]+$/;
const WEBHOOK_SECRET = /^whsec_[A-Za-z0-9+/=_-]+$/;

function keyProblem(key: string): string | undefined {
  if (key === "") return "is empty (is the environment variable set?)";
  if (/^\s|\s$/.test(key)) {
    return "has leading or trailing whitespace (often a newline from a file or a copy-paste): remove it";
  }
  if (/\s/.test(key)) return "contains whitespace";
  if (key.startsWith("pk_")) {
    return "is a publishable key (pk_…): the server needs the secret key (sk_…) or a restricted key (rk_…)";
  }
  if (key.startsWith("whsec_")) return "is a webhook signing secret: pass it as webhookSecrets";
  if (!SECRET_KEY.test(key)) {
    return "is not a Stripe API key: expected sk_test_…, sk_live_…, rk_test_… or rk_live_…";
  }
  return undefined;
}

/** Returns whether the key is a live one; throws CONFIG_INVALID for anything but a secret key. */
export function checkSecretKey(key: string): { readonly livemode: boolean } {
  const problem = keyProblem(key);
  if (problem !== undefined) {
    throw new LinkpayError("CONFIG_INVALID", `secretKey ${problem}`, {
      details: { option: "secretKey" },
    });
  }
  return { livemode: key.includes("_live_") };
}

/** Returns the signing secrets as a list; throws CONFIG_INVALID for whitespace, empties or non-`whsec_`. */
export function checkWebhookSecrets(secrets: string | readonly string[]): readonly string[] {
  const list = assertUsableSecrets(secrets, "webhookSecrets");
  list.forEach((secret, index) => {
    if (WEBHOOK_SECRET.test(secret)) return;
    const name = typeof secrets === "string" ? "webhookSecrets" : `webhookSecrets[${index}]`;
    throw new LinkpayError(
      "CONFIG_INVALID",
      `${name} is not a Stripe signing secret: expected whsec_… (the endpoint's secret in the ` +
        "Dashboard, or the one `stripe listen` prints)",
      { details: { option: name } },
    );
  });
  return list;
}

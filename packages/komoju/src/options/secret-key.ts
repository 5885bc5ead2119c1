/**
 * @module
 * Checks on the API key and the webhook secret tokens. Messages name the option, never the value.
 */
import { LinkpayError } from "@linkpay/core";
import { assertUsableSecrets } from "@linkpay/core/provider-kit";

const SECRET_KEY = /^sk_(test|live)_[A-Za-z0-9_-]+$/;

function keyProblem(key: string): string | undefined {
  if (key === "") return "is empty (is the environment variable set?)";
  if (/^\s|\s$/.test(key)) {
    return "has leading or trailing whitespace (often a newline from a file or a copy-paste): remove it";
  }
  if (/\s/.test(key)) return "contains whitespace";
  if (key.startsWith("pk_")) {
    return "is a publishable key (pk_…): the server needs the secret key (sk_…)";
  }
  if (!SECRET_KEY.test(key)) return "is not a KOMOJU secret key: expected sk_test_… or sk_live_…";
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
  return { livemode: key.startsWith("sk_live_") };
}

/**
 * Returns the webhook secret tokens as a list; throws CONFIG_INVALID for an empty list, an empty
 * token, whitespace around one, or the API key pasted in its place.
 */
export function checkWebhookSecrets(secrets: string | readonly string[]): readonly string[] {
  const list = assertUsableSecrets(secrets, "webhookSecrets");
  list.forEach((secret, index) => {
    if (!/^(sk|pk)_(test|live)_/.test(secret)) return;
    const name = typeof secrets === "string" ? "webhookSecrets" : `webhookSecrets[${index}]`;
    throw new LinkpayError(
      "CONFIG_INVALID",
      `${name} is an API key: pass the webhook's secret token (set where the webhook is created in KOMOJU's dashboard)`,
      { details: { option: name } },
    );
  });
  return list;
}

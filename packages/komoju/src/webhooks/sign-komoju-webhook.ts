/**
 * @module
 * A test signer writing `X-Komoju-Signature` as KOMOJU does: lower-case hex HMAC-SHA256 of the
 * exact body bytes, keyed with the webhook's secret token.
 */
import { hmacSha256 } from "@linkpay/core/provider-kit";

/** Input of {@link signKomojuWebhook}. */
export interface SignKomojuWebhookInput {
  /** The exact body that will be sent. */
  readonly payload: string | Uint8Array;
  /** The webhook's secret token. */
  readonly secret: string;
}

/**
 * The `X-Komoju-Signature` value for a body, for tests, demos and the sandbox.
 *
 * @example
 * const body = JSON.stringify(event);
 * const headers = { "x-komoju-signature": signKomojuWebhook({ payload: body, secret }) };
 * await provider.parseWebhook({ rawBody: body, headers });
 */
export function signKomojuWebhook({ payload, secret }: SignKomojuWebhookInput): string {
  return hmacSha256({ key: secret, data: payload, encoding: "hex" });
}

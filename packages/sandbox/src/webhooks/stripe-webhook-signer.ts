/**
 * @module
 * Stripe's webhook requests: the event as pretty-printed JSON, signed in `Stripe-Signature` with a
 * fresh timestamp at each attempt.
 */
import { unixSeconds } from "../clock/clock";
import type { EventObject } from "../objects/stripe-shapes";
import { stripeSignatureHeader, wrongSecret } from "./stripe-signature";
import type { WebhookSigner } from "./webhook-signer";

/** Signs Stripe events exactly as Stripe does. */
export const stripeWebhookSigner: WebhookSigner<EventObject> = {
  request({ event, secret, clock }) {
    const payload = JSON.stringify(event, null, 2);
    const timestamp = unixSeconds(clock);
    return {
      body: payload,
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
        "Stripe-Signature": stripeSignatureHeader({ payload, secret, timestamp }),
      },
    };
  },
  wrongSecret,
};

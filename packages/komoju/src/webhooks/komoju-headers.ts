/**
 * @module
 * The headers KOMOJU sends with every webhook delivery (lower case, as Node reads them).
 */

/** Lower-case hex HMAC-SHA256 of the raw body, keyed with the webhook's secret token. */
export const KOMOJU_SIGNATURE_HEADER = "x-komoju-signature";

/** The event type, e.g. `payment.captured` (informative: the body's `type` is what counts). */
export const KOMOJU_EVENT_HEADER = "x-komoju-event";

/** The delivery's id. */
export const KOMOJU_ID_HEADER = "x-komoju-id";

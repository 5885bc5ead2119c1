/**
 * @module
 * The JSON body of `POST /api/v1/sessions` for one attempt.
 */
import type { CreateCheckoutInput } from "@linkpay/core";
import { KOMOJU_PAYMENT_TYPES } from "../options/komoju-provider-options";
import { linkpayMetadata } from "./linkpay-metadata";

/** KOMOJU's longest session lifetime. */
const MAX_EXPIRES_IN_SECONDS = 86_400;

/** The longest `external_order_num` sent. */
const EXTERNAL_ORDER_NUM_MAX = 50;

/**
 * KOMOJU wants `external_order_num` unique per session; a retry after a cancel is a new session
 * for the same order, so the attempt's id is part of it: its LAST 8 characters, random in UUIDv4,
 * UUIDv7 and ULID alike (the first ones of time-ordered ids repeat for attempts made close
 * together). At most 50 characters (KOMOJU documents no limit; the sandbox holds it to 50): a long
 * order reference is shortened here, and stays whole in the session's metadata.
 */
export function externalOrderNum(
  input: Pick<CreateCheckoutInput, "orderRef" | "attemptId">,
): string {
  const suffix = input.attemptId.slice(-8);
  return `${input.orderRef.slice(0, EXTERNAL_ORDER_NUM_MAX - suffix.length - 1)}-${suffix}`;
}

/**
 * The session's lifetime in whole seconds: the requested lifetime, which core also gave the
 * attempt when it stored it just before this call (within its minute of head-room at the
 * bounds), so KOMOJU's expiry lands on the attempt's `expiresAt` as KOMOJU counts from its own
 * clock. It must not depend on when the call is made:
 * the same attempt's idempotency key must always come with the same body, and core calls again
 * with that key when an earlier call's answer was lost (KOMOJU then replays the first session
 * instead of refusing the key as reused with other parameters).
 */
export function expiresInSeconds(input: Pick<CreateCheckoutInput, "expiresInSeconds">): number {
  return Math.min(Math.max(Math.round(input.expiresInSeconds), 1), MAX_EXPIRES_IN_SECONDS);
}

/** The create-session body: prices from the merchant, linkpay's references in metadata. */
export function sessionCreateBody(input: CreateCheckoutInput): Record<string, unknown> {
  return {
    amount: input.total.amount,
    currency: input.total.currency,
    return_url: input.successUrl,
    ...(input.locale === "auto" ? {} : { default_locale: input.locale }),
    ...(input.customerEmail === undefined ? {} : { email: input.customerEmail }),
    expires_in_seconds: expiresInSeconds(input),
    payment_types: input.paymentMethods.map((method) => KOMOJU_PAYMENT_TYPES[method]),
    metadata: linkpayMetadata(input),
    line_items: input.lineItems.map((item) => ({
      description: item.name,
      amount: item.unitAmount.amount,
      quantity: item.quantity,
    })),
    payment_data: {
      external_order_num: externalOrderNum(input),
      capture: "auto",
    },
  };
}

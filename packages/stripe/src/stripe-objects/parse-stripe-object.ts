/**
 * @module
 * Parses Stripe objects with a schema, failing with the code that fits where they came from
 * (core's provider kit: WEBHOOK_PAYLOAD_INVALID for a webhook, PROVIDER_REJECTED for an API answer).
 */
import { type ProviderObjectSource, parseProviderObject } from "@linkpay/core/provider-kit";
import type * as z from "zod";

/** Where an object came from: a verified webhook body, or an API response. */
export type StripeObjectSource = ProviderObjectSource;

/** Parses `value` as `what`, or throws WEBHOOK_PAYLOAD_INVALID / PROVIDER_REJECTED listing the paths. */
export function parseStripeObject<T extends z.ZodType>(
  schema: T,
  value: unknown,
  what: string,
  source: StripeObjectSource,
): z.output<T> {
  return parseProviderObject(schema, value, { provider: "Stripe", what, source });
}

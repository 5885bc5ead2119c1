/**
 * @module
 * Parses KOMOJU objects with a schema, failing with the code that fits where they came from
 * (core's provider kit: WEBHOOK_PAYLOAD_INVALID for a webhook, PROVIDER_REJECTED for an API answer).
 */
import { type ProviderObjectSource, parseProviderObject } from "@linkpay/core/provider-kit";
import type * as z from "zod";

/** Where an object came from: a verified webhook body, or an API response. */
export type KomojuObjectSource = ProviderObjectSource;

/** Parses `value` as `what`, or throws WEBHOOK_PAYLOAD_INVALID / PROVIDER_REJECTED listing the paths. */
export function parseKomojuObject<T extends z.ZodType>(
  schema: T,
  value: unknown,
  what: string,
  source: KomojuObjectSource,
): z.output<T> {
  return parseProviderObject(schema, value, { provider: "KOMOJU", what, source });
}

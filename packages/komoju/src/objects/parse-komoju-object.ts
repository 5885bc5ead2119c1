/**
 * @module
 * Parses KOMOJU objects with a schema, failing with the code that fits where they came from.
 */
import { type ErrorCode, LinkpayError } from "@linkpay/core";
import type * as z from "zod";

/** Where an object came from: a verified webhook body, or an API response. */
export type KomojuObjectSource = "webhook" | "api";

const codes: Record<KomojuObjectSource, ErrorCode> = {
  // Authentic but unusable: the sender is genuine, the content is not what linkpay expects.
  webhook: "WEBHOOK_PAYLOAD_INVALID",
  // A 2xx linkpay cannot use; sending the same request again will not help.
  api: "PROVIDER_REJECTED",
};

/** Parses `value` as `what`, or throws WEBHOOK_PAYLOAD_INVALID / PROVIDER_REJECTED listing the paths. */
export function parseKomojuObject<T extends z.ZodType>(
  schema: T,
  value: unknown,
  what: string,
  source: KomojuObjectSource,
): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path.join("."),
    message: issue.message,
  }));
  throw new LinkpayError(
    codes[source],
    `The KOMOJU ${what} is not in the expected shape: ` +
      issues
        .slice(0, 5)
        .map((issue) => `${issue.path || "(root)"} ${issue.message}`)
        .join("; "),
    { details: { source, object: what, issues } },
  );
}

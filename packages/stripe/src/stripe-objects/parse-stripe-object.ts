/**
 * @module
 * Parses Stripe objects with a schema, failing with the code that fits where they came from.
 */
import { type ErrorCode, LinkpayError } from "@linkpay/core";
import type * as z from "zod";

/** Where an object came from: a verified webhook body, or an API response. */
export type StripeObjectSource = "webhook" | "api";

const codes: Record<StripeObjectSource, ErrorCode> = {
  // An authentic but unusable payload: the sender is genuine, the content is not what we expect.
  webhook: "WEBHOOK_PAYLOAD_INVALID",
  // The API answered 2xx with something we cannot use; sending the same request again will not help.
  api: "PROVIDER_REJECTED",
};

/** Parses `value` as `what`, or throws WEBHOOK_PAYLOAD_INVALID / PROVIDER_REJECTED listing the paths. */
export function parseStripeObject<T extends z.ZodType>(
  schema: T,
  value: unknown,
  what: string,
  source: StripeObjectSource,
): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path.join("."),
    message: issue.message,
  }));
  throw new LinkpayError(
    codes[source],
    `The Stripe ${what} is not in the expected shape: ` +
      issues
        .slice(0, 5)
        .map((issue) => `${issue.path || "(root)"} ${issue.message}`)
        .join("; "),
    { details: { source, object: what, issues } },
  );
}

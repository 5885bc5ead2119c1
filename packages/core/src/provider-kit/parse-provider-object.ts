/**
 * @module
 * Parses a PSP's object (a webhook body or an API response) with a zod schema, failing with the
 * code that fits where it came from, and naming the paths that did not fit (never their values).
 */
import type * as z from "zod";
import { type ErrorCode, LinkpayError } from "../errors";

/** Where an object came from: a verified webhook body, or an API response. */
export type ProviderObjectSource = "webhook" | "api";

const codes: Record<ProviderObjectSource, ErrorCode> = {
  // Authentic but unusable: the sender is genuine, the content is not what linkpay expects.
  webhook: "WEBHOOK_PAYLOAD_INVALID",
  // A 2xx linkpay cannot use; sending the same request again will not help.
  api: "PROVIDER_REJECTED",
};

/** What is parsed: the PSP's name (`KOMOJU`), the object (`session`), and where it came from. */
export interface ProviderObjectLabel {
  readonly provider: string;
  readonly what: string;
  readonly source: ProviderObjectSource;
}

/**
 * Parses `value`, or throws WEBHOOK_PAYLOAD_INVALID (a webhook) / PROVIDER_REJECTED (an API
 * answer) listing up to five paths in the message and all of them in `details.issues`.
 *
 * @example
 * const session = parseProviderObject(sessionSchema, json, { provider: "Acme", what: "session", source: "api" });
 */
export function parseProviderObject<T extends z.ZodType>(
  schema: T,
  value: unknown,
  { provider, what, source }: ProviderObjectLabel,
): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path.join("."),
    message: issue.message,
  }));
  throw new LinkpayError(
    codes[source],
    `The ${provider} ${what} is not in the expected shape: ` +
      issues
        .slice(0, 5)
        .map((issue) => `${issue.path || "(root)"} ${issue.message}`)
        .join("; "),
    { details: { source, object: what, issues } },
  );
}

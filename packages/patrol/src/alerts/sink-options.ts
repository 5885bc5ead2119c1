/**
 * @module
 * What the sinks share when validating their options: zod issues turned into CONFIG_INVALID errors
 * naming the option, the loopback rule, and a URL reduced to what is safe to show.
 */
import { LinkpayError } from "@linkpay/core";
import type * as z from "zod";

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(["127.0.0.1", "[::1]", "::1", "localhost"]);

/** True for 127.0.0.1, ::1 and localhost: the hosts where plain-text transport is acceptable. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase());
}

/** `scheme://host:port` of a URL: no credentials, path or query (they may hold tokens). */
export function displayUrl(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

/** The CONFIG_INVALID error for one bad option of a sink. */
export function invalidSinkOption(sink: string, option: string, reason: string): LinkpayError {
  return new LinkpayError("CONFIG_INVALID", `Invalid ${sink} sink option "${option}": ${reason}`, {
    details: { sink, option },
  });
}

/**
 * Parses sink options with `schema`; throws CONFIG_INVALID naming the first bad option.
 * Zod's messages describe the rule, never the value, so secrets and passwords stay out.
 */
export function parseSinkOptions<T extends z.ZodType>(
  sink: string,
  schema: T,
  input: unknown,
): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const option = issue?.path.map(String).join(".") || "options";
  throw invalidSinkOption(sink, option, issue?.message ?? "is invalid");
}

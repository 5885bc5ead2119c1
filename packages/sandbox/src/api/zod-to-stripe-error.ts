/**
 * @module
 * Turns the first zod issue of a rejected request into the error Stripe would answer with:
 * `Missing required param: …`, `Received unknown parameter: …`, `Invalid integer: …`, naming the
 * parameter in bracket notation (`line_items[0][price_data][currency]`).
 */
import type * as z from "zod";
import { STRIPE_CODE } from "./form-values";
import { invalidRequest, type SandboxApiError } from "./sandbox-api-error";

/** `["line_items", 0, "quantity"]` → `line_items[0][quantity]`. */
export function bracketParam(path: readonly PropertyKey[]): string {
  const [first, ...rest] = path.map(String);
  return `${first ?? ""}${rest.map((part) => `[${part}]`).join("")}`;
}

function stripeCodeOf(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code !== "custom" || issue.params === undefined) return undefined;
  const code = issue.params[STRIPE_CODE];
  return typeof code === "string" ? code : undefined;
}

/** The Stripe-shaped 400 for a zod error (parse with `reportInput: true` for missing params). */
export function stripeErrorFromZod(error: z.ZodError): SandboxApiError {
  const [issue] = error.issues;
  if (issue === undefined) return invalidRequest("Invalid request.");
  const param = bracketParam(issue.path);
  switch (issue.code) {
    case "unrecognized_keys": {
      const unknown = bracketParam([...issue.path, issue.keys[0] ?? ""]);
      return invalidRequest(`Received unknown parameter: ${unknown}`, {
        param: unknown,
        code: "parameter_unknown",
      });
    }
    case "invalid_type":
      if (issue.input === undefined) {
        return invalidRequest(`Missing required param: ${param}.`, {
          param,
          code: "parameter_missing",
        });
      }
      return invalidRequest(`Invalid ${issue.expected}: ${param} must be a ${issue.expected}.`, {
        param,
        code: "parameter_invalid_type",
      });
    case "invalid_value":
      return invalidRequest(
        `Invalid ${param}: must be one of ${issue.values.map(String).join(", ")}`,
        { param },
      );
    default:
      return invalidRequest(issue.message, { param, code: stripeCodeOf(issue) });
  }
}

/** Parses `input` with `schema`, throwing the Stripe-shaped 400 on failure. */
export function parseParams<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw stripeErrorFromZod(result.error);
  return result.data;
}

/**
 * @module
 * `POST /komoju/api/v1/sessions` parameters, validated with zod. A missing parameter is KOMOJU's
 * 400 `missing_parameter`; any other problem a 422 `invalid_parameter` naming the parameter.
 */
import * as z from "zod";
import { KomojuApiError } from "./komoju-api-error";

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an absolute http(s) URL" });

const lineItem = z.object({
  description: z.string().min(1).max(255),
  amount: z.number().int().min(0),
  quantity: z.number().int().min(1).max(10_000),
});

/** The session parameters the sandbox reads (unknown parameters are ignored, as KOMOJU does). */
export const sessionParamsSchema = z.object({
  amount: z.number().int().positive().max(99_999_999),
  currency: z
    .string()
    .transform((value) => value.toUpperCase())
    .pipe(z.enum(["JPY", "USD"], { error: "must be JPY or USD" })),
  return_url: httpUrl,
  default_locale: z.enum(["ja", "en"]).default("ja"),
  email: z.email().max(254).nullish(),
  expires_in_seconds: z.number().int().min(1).max(86_400).default(86_400),
  payment_types: z
    .array(z.enum(["credit_card", "konbini", "paypay"]))
    .min(1)
    .default(["credit_card", "konbini", "paypay"])
    .transform((types) => [...new Set(types)]),
  metadata: z
    .record(z.string().max(40), z.string().max(500))
    .refine((value) => Object.keys(value).length <= 50, "must have at most 50 keys")
    .default({}),
  line_items: z.array(lineItem).max(100).default([]),
  payment_data: z.object({
    external_order_num: z.string().min(1).max(50),
    capture: z
      .literal("auto", { error: 'must be "auto" (the sandbox captures at once)' })
      .default("auto"),
    payment_deadline: z.iso.datetime({ offset: true }).optional(),
  }),
});

/** Validated session parameters. */
export type SessionParams = z.output<typeof sessionParamsSchema>;

/** `["payment_data", "external_order_num"]` → `payment_data.external_order_num`. */
function dotted(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}

/** The KOMOJU-shaped error for the first zod issue. */
export function komojuErrorFromZod(error: z.ZodError): KomojuApiError {
  const [issue] = error.issues;
  if (issue === undefined) return new KomojuApiError(400, "bad_request", "Invalid request.");
  const param = dotted(issue.path);
  if (issue.code === "invalid_type" && issue.input === undefined) {
    return new KomojuApiError(
      400,
      "missing_parameter",
      `A required parameter (${param}) is missing`,
      param,
    );
  }
  return new KomojuApiError(422, "invalid_parameter", `${param}: ${issue.message}`, param);
}

/** Parses `body`, throwing KOMOJU's 400/422 on failure. */
export function parseKomojuParams<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body ?? {}, { reportInput: true });
  if (!result.success) throw komojuErrorFromZod(result.error);
  return result.data;
}

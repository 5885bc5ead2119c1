/**
 * @module
 * The options of {@link createSandbox}, validated with zod at construction so a misconfigured
 * sandbox fails at once with a message naming the option (never quoting a secret).
 */
import { LinkpayError, type Logger } from "@linkpay/core";
import * as z from "zod";
import type { Clock } from "../clock/clock";
import { type FaultSettings, globalFaultsSchema } from "../faults/fault-settings";
import { isLoopbackHost } from "./loopback";

/** One webhook endpoint the sandbox delivers events to. */
export interface WebhookEndpointOptions {
  /** Where to POST events, e.g. `http://127.0.0.1:3000/webhooks/stripe`. */
  readonly url: string;
  /** The endpoint's signing secret, `whsec_…` (signed with exactly as Stripe does). */
  readonly secret: string;
  /** Event types to send (`*`, exact types or `checkout.session.*`); default all, like `enabled_events`. */
  readonly enabledEvents?: readonly string[] | undefined;
}

/** One endpoint that receives KOMOJU webhooks. */
export interface KomojuWebhookOptions {
  /** Where to POST events, e.g. `http://127.0.0.1:3000/webhooks/komoju`. */
  readonly url: string;
  /** The webhook's secret token (any 8+ printable ASCII characters); signs `X-Komoju-Signature`. */
  readonly secret: string;
  /** Event types to send (`*`, exact types or `payment.*`); default all. */
  readonly enabledEvents?: readonly string[] | undefined;
}

/** Options of the KOMOJU mode (served under `/komoju`). */
export interface KomojuOptions {
  /** The only secret key accepted (`sk_test_…`); by default any `sk_test_…` key is. */
  readonly secretKey?: string | undefined;
  /** Endpoints that receive KOMOJU-signed events (each gets a `ping` when the sandbox starts). */
  readonly webhooks?: readonly KomojuWebhookOptions[] | undefined;
  /**
   * Days a konbini slip stays payable, until 23:59 Japan time on the last day (KOMOJU's
   * merchant-wide "Expiry days" dashboard setting, 1–59; default 3). A session's
   * `payment_data.payment_deadline` overrides it: a sandbox-only extension for tests, not part
   * of KOMOJU's API.
   */
  readonly konbiniExpiryDays?: number | undefined;
}

/** Webhook retry policy. Stripe retries for up to three days; tests want milliseconds. */
export interface DeliveryOptions {
  /** Attempts per delivery, first included (default 5). */
  readonly maxAttempts?: number | undefined;
  /** Wait before the first retry; doubled for each further retry (default 1000 ms). */
  readonly baseDelayMs?: number | undefined;
  /** Longest wait between two attempts (default 60 000 ms). */
  readonly maxDelayMs?: number | undefined;
  /** An attempt without a response within this time counts as failed (default 10 000 ms). */
  readonly timeoutMs?: number | undefined;
}

/** Options of {@link createSandbox}. */
export interface SandboxOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  readonly port?: number | undefined;
  /** Interface to listen on (default `127.0.0.1`); non-loopback needs `allowNonLoopback`. */
  readonly host?: string | undefined;
  /** Allow a non-loopback `host` such as `0.0.0.0` (containers on an isolated network only). */
  readonly allowNonLoopback?: boolean | undefined;
  /** The origin shoppers' browsers reach the sandbox at; default `http://host:port`. */
  readonly publicOrigin?: string | undefined;
  /** Shown on the hosted payment page (default `Sandbox Shop`). */
  readonly merchantName?: string | undefined;
  /** Endpoints that receive signed events. */
  readonly webhooks?: readonly WebhookEndpointOptions[] | undefined;
  /**
   * The only secret key accepted (`sk_test_…`), with its read-only twin `rk_test_…`; by default
   * any test key is, each `sk_test_X` / `rk_test_X` pair an account that sees only its objects.
   */
  readonly apiKey?: string | undefined;
  /** The KOMOJU mode: its key and webhook endpoints (its API and pages are always served). */
  readonly komoju?: KomojuOptions | undefined;
  /** Faults in force from the start. */
  readonly faults?: FaultSettings | undefined;
  /** Seed for probabilistic faults, so a run can be replayed. */
  readonly seed?: number | undefined;
  /** The clock (default the system clock). */
  readonly now?: Clock | undefined;
  /** How often open sessions past `expires_at` are expired (default 60 000 ms; 0 turns it off). */
  readonly expirySweepMs?: number | undefined;
  /** Webhook retry policy. */
  readonly delivery?: DeliveryOptions | undefined;
  /** Where the sandbox logs (pino-compatible); everything is redacted first. Default: silent. */
  readonly logger?: Logger | undefined;
}

const milliseconds = z.number().int().min(0).max(86_400_000);
const httpUrl = z.url({ protocol: /^https?$/, error: "an absolute http(s) URL" });
const eventPatterns = z.array(z.string().min(1)).min(1);

const optionsSchema = z.strictObject({
  port: z.number().int().min(0).max(65_535).default(0),
  host: z.string().min(1).default("127.0.0.1"),
  allowNonLoopback: z.boolean().default(false),
  publicOrigin: httpUrl
    .refine((value) => new URL(value).origin === value.replace(/\/$/, ""), {
      error: "an origin only (scheme, host and port; no path, query or fragment)",
    })
    .transform((value) => new URL(value).origin)
    .optional(),
  merchantName: z.string().trim().min(1).max(100).default("Sandbox Shop"),
  webhooks: z
    .array(
      z.strictObject({
        url: httpUrl,
        secret: z.string().regex(/^whsec_[A-Za-z0-9+/=_-]{8,}$/, {
          error: "a signing secret: whsec_ followed by at least 8 letters or digits",
        }),
        enabledEvents: eventPatterns.default(["*"]),
      }),
    )
    .max(16)
    .default([]),
  apiKey: z
    .string()
    .regex(/^sk_test_[A-Za-z0-9_]{4,}$/, { error: "a test secret key: sk_test_ and 4+ characters" })
    .optional(),
  komoju: z
    .strictObject({
      secretKey: z
        .string()
        .regex(/^sk_test_[\x21-\x7e]{4,}$/, {
          error: "a test secret key: sk_test_ and 4+ printable characters",
        })
        .optional(),
      webhooks: z
        .array(
          z.strictObject({
            url: httpUrl,
            secret: z.string().regex(/^[\x21-\x7e]{8,}$/, {
              error: "a webhook secret token: at least 8 printable ASCII characters, no spaces",
            }),
            enabledEvents: eventPatterns.default(["*"]),
          }),
        )
        .max(16)
        .default([]),
      konbiniExpiryDays: z.number().int().min(1).max(59).default(3),
    })
    .prefault({}),
  faults: globalFaultsSchema.prefault({}),
  seed: z.number().int().optional(),
  now: z
    .custom<Clock>((value) => typeof value === "function", "a function returning a Date")
    .optional(),
  expirySweepMs: milliseconds.default(60_000),
  delivery: z
    .strictObject({
      maxAttempts: z.number().int().min(1).max(20).default(5),
      baseDelayMs: milliseconds.default(1_000),
      maxDelayMs: milliseconds.default(60_000),
      timeoutMs: z.number().int().min(1).max(120_000).default(10_000),
    })
    .prefault({}),
  logger: z
    .custom<Logger>(
      (value) =>
        typeof value === "object" &&
        value !== null &&
        ["info", "warn", "error"].every((name) => typeof Reflect.get(value, name) === "function"),
      "an object with info, warn and error methods",
    )
    .optional(),
});

/** The options after validation, with defaults filled in. */
export type ResolvedOptions = z.output<typeof optionsSchema>;

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map(
      (issue) => `${issue.path.length === 0 ? "options" : issue.path.join(".")}: ${issue.message}`,
    )
    .join("; ");
}

/**
 * Validates `options` and fills in defaults.
 *
 * @throws LinkpayError CONFIG_INVALID naming the bad option, or refusing a non-loopback host
 * without `allowNonLoopback`.
 */
export function resolveOptions(options: SandboxOptions): ResolvedOptions {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new LinkpayError(
      "CONFIG_INVALID",
      `Invalid sandbox options: ${describeIssues(parsed.error)}`,
    );
  }
  const resolved = parsed.data;
  if (!resolved.allowNonLoopback && !isLoopbackHost(resolved.host)) {
    throw new LinkpayError(
      "CONFIG_INVALID",
      `Refusing to listen on ${resolved.host}: the sandbox is a test tool that accepts any test key, ` +
        "so it stays on loopback (127.0.0.1). Set allowNonLoopback (CLI: --allow-non-loopback) " +
        "only on an isolated network.",
      { details: { host: resolved.host } },
    );
  }
  return resolved;
}

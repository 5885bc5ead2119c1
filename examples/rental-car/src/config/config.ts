/**
 * @module
 * The app's configuration, read from the environment once at start-up and checked with zod. A bad
 * start names every missing or malformed variable at once and never prints a secret's value.
 */

import * as z from "zod";
import { isAddressOrRange } from "./ip-ranges";
import {
  type KomojuConfig,
  komojuKonbiniExpiryDaysSchema,
  komojuPaymentMethodsSchema,
} from "./komoju-config";
import { isProviderName, type PaymentProviderName, providerProblems } from "./provider-config";
import type { StripeConfig } from "./stripe-config";
import { type TrustProxy, trustProxySchema } from "./trust-proxy";

/** The validated configuration. */
export interface AppConfig {
  readonly port: number;
  /** `sqlite:…` (default `sqlite:./data/rental-car.db`) or `postgres://…`. */
  readonly databaseUrl: string;
  /** The origin shoppers reach the app at; default `http://localhost:<port>`. */
  readonly publicBaseUrl: string;
  /** `PAYMENT_PROVIDER`: who takes the payments, `stripe` (default) or `komoju`. */
  readonly paymentProvider: PaymentProviderName;
  /**
   * With `stripe`: real Stripe (test mode) or a Stripe-compatible server; undefined: start the
   * sandbox. Always undefined with `komoju`.
   */
  readonly stripe: StripeConfig | undefined;
  /**
   * With `komoju`: real KOMOJU or a KOMOJU-compatible server (a sandbox's `/komoju`); undefined:
   * start the sandbox in its KOMOJU mode. Always undefined with `stripe`.
   */
  readonly komoju: KomojuConfig | undefined;
  /** Signs CSRF tokens and booking links; a fresh random one when unset (demo only). */
  readonly sessionSecret: string | undefined;
  /** Seconds between reconciliation passes (0 turns the loop off). */
  readonly reconcileIntervalSeconds: number;
  /** Reconcile attempts untouched this long (`RECONCILE_AFTER_SECONDS`, 120). */
  readonly reconcileAfterSeconds: number;
  /**
   * How long an instance keeps an attempt it is checking from the others
   * (`RECONCILE_LEASE_SECONDS`, 120); released early once the check is done.
   */
  readonly reconcileLeaseSeconds: number;
  /** `smtp://…` to send confirmation e-mails; unset: they stay in the outbox table only. */
  readonly smtpUrl: string | undefined;
  /**
   * `REDIS_URL` (`redis://…` or `rediss://…`): where rate limits count, shared by every instance.
   * Unset: the database when it is PostgreSQL, each process's memory with SQLite.
   */
  readonly redisUrl: string | undefined;
  /**
   * `SQLITE_SYNCHRONOUS`: `full` (default; a commit survives power loss) or `normal` (WAL: a
   * commit survives a crash of the app, not of the machine; much faster on slow disks).
   */
  readonly sqliteSynchronous: "full" | "normal";
  /** Where the built-in sandbox listens when the provider has no keys (`SANDBOX_PORT`, 4242). */
  readonly sandboxPort: number;
  /** The staff console's own port (`CONSOLE_PORT`, 3001): a separate origin from the shop. */
  readonly consolePort: number;
  /** The origin staff reach the console at (`CONSOLE_PUBLIC_URL`; https in production). */
  readonly consolePublicUrl: string;
  /**
   * `ADMIN_ALLOWED_IPS`: addresses or CIDR ranges allowed to reach the console (comma-separated);
   * unset: any address (sign-in with two factors still applies).
   */
  readonly adminAllowedIps: readonly string[] | undefined;
  /**
   * `PATROL_FEED_TOKEN`: the bearer token(s) `@linkpay/patrol` reads the CSP reports with, at
   * `/.well-known/linkpay/csp-reports`; comma-separated while rotating. Unset: no feed (404).
   */
  readonly patrolFeedTokens: readonly string[] | undefined;
  /**
   * `TRUST_PROXY`: the proxies whose `X-Forwarded-For` names the client (rate limits key on it).
   * Unset: none, the client is the TCP peer. A hop count, or addresses, CIDR ranges and
   * `loopback`/`linklocal`/`uniquelocal`, comma-separated (Express's `trust proxy`).
   */
  readonly trustProxy: TrustProxy;
  readonly production: boolean;
}

/** A start-up refusal listing every problem. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
  }
}

const optional = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === "" ? undefined : value));

const noWhitespace = (what: string) =>
  optional.refine((value) => value === undefined || value === value.trim(), {
    error: `${what} has leading or trailing whitespace`,
  });

const origin = (name: string) =>
  optional.refine(
    (value) => {
      if (value === undefined) return true;
      try {
        const url = new URL(value);
        return (url.protocol === "http:" || url.protocol === "https:") && url.origin === value;
      } catch {
        return false;
      }
    },
    { error: `${name} must be an origin such as https://rental.example (no path, no slash)` },
  );

const envSchema = z.object({
  PORT: optional
    .transform((value) => (value === undefined ? 3000 : Number(value)))
    .refine((value) => Number.isInteger(value) && value >= 0 && value <= 65_535, {
      error: "PORT must be a port number (0–65535)",
    }),
  DATABASE_URL: optional.refine(
    (value) => value === undefined || /^(sqlite:|postgres(ql)?:\/\/)/.test(value),
    { error: "DATABASE_URL must start with sqlite: or postgres://" },
  ),
  PUBLIC_BASE_URL: origin("PUBLIC_BASE_URL"),
  PAYMENT_PROVIDER: optional
    .transform((value) => value ?? "stripe")
    .refine((value): value is PaymentProviderName => isProviderName(value), {
      error: "PAYMENT_PROVIDER must be stripe or komoju",
    }),
  // The Stripe settings are checked by @linkpay/stripe itself (stripe-config.ts), so the rules
  // for a key or an origin live in one place.
  STRIPE_SECRET_KEY: optional,
  STRIPE_WEBHOOK_SECRET: optional,
  STRIPE_API_URL: optional,
  STRIPE_CHECKOUT_ORIGIN: optional,
  // Likewise the KOMOJU settings, by @linkpay/komoju (komoju-config.ts).
  KOMOJU_SECRET_KEY: optional,
  KOMOJU_WEBHOOK_SECRET: optional,
  KOMOJU_API_URL: optional,
  KOMOJU_CHECKOUT_URL: optional,
  KOMOJU_PAYMENT_METHODS: komojuPaymentMethodsSchema,
  KOMOJU_KONBINI_EXPIRY_DAYS: komojuKonbiniExpiryDaysSchema,
  SESSION_SECRET: noWhitespace("SESSION_SECRET").refine(
    (value) => value === undefined || value.length >= 32,
    { error: "SESSION_SECRET must be at least 32 characters" },
  ),
  RECONCILE_INTERVAL_SECONDS: optional
    .transform((value) => (value === undefined ? 60 : Number(value)))
    .refine((value) => Number.isInteger(value) && value >= 0 && value <= 86_400, {
      error: "RECONCILE_INTERVAL_SECONDS must be a whole number of seconds (0–86400)",
    }),
  RECONCILE_AFTER_SECONDS: optional
    .transform((value) => (value === undefined ? 120 : Number(value)))
    .refine((value) => Number.isInteger(value) && value >= 0 && value <= 86_400, {
      error: "RECONCILE_AFTER_SECONDS must be a whole number of seconds (0–86400)",
    }),
  RECONCILE_LEASE_SECONDS: optional
    .transform((value) => (value === undefined ? 120 : Number(value)))
    .refine((value) => Number.isInteger(value) && value >= 1 && value <= 86_400, {
      error: "RECONCILE_LEASE_SECONDS must be a whole number of seconds (1–86400)",
    }),
  STRIPE_PAYMENT_METHODS: optional
    .transform((value) => (value ?? "card").split(",").map((method) => method.trim()))
    .refine(
      (methods): methods is ("card" | "konbini")[] =>
        methods.length > 0 &&
        new Set(methods).size === methods.length &&
        methods.every((method) => method === "card" || method === "konbini"),
      { error: "STRIPE_PAYMENT_METHODS must be card, konbini or card,konbini" },
    ),
  SQLITE_SYNCHRONOUS: optional
    .transform((value) => value ?? "full")
    .refine((value): value is "full" | "normal" => value === "full" || value === "normal", {
      error: "SQLITE_SYNCHRONOUS must be full or normal",
    }),
  SMTP_URL: optional.refine((value) => value === undefined || /^smtps?:\/\//.test(value), {
    error: "SMTP_URL must start with smtp:// or smtps://",
  }),
  REDIS_URL: optional.refine(
    (value) => {
      if (value === undefined) return true;
      try {
        const url = new URL(value);
        return (url.protocol === "redis:" || url.protocol === "rediss:") && url.hostname !== "";
      } catch {
        return false;
      }
    },
    { error: "REDIS_URL must be a URL such as redis://127.0.0.1:6379 or rediss://host:6380" },
  ),
  SANDBOX_PORT: optional
    .transform((value) => (value === undefined ? 4242 : Number(value)))
    .refine((value) => Number.isInteger(value) && value >= 0 && value <= 65_535, {
      error: "SANDBOX_PORT must be a port number (0–65535)",
    }),
  CONSOLE_PORT: optional
    .transform((value) => (value === undefined ? 3001 : Number(value)))
    .refine((value) => Number.isInteger(value) && value >= 0 && value <= 65_535, {
      error: "CONSOLE_PORT must be a port number (0–65535)",
    }),
  CONSOLE_PUBLIC_URL: origin("CONSOLE_PUBLIC_URL").refine(
    (value) => {
      if (value === undefined) return true;
      const url = new URL(value);
      return url.protocol === "https:" || LOCAL_HOSTS.has(url.hostname);
    },
    {
      error:
        "CONSOLE_PUBLIC_URL must be https (plain http only on localhost): the console's cookie is Secure",
    },
  ),
  ADMIN_ALLOWED_IPS: optional
    .transform((value) =>
      value
        ?.split(",")
        .map((entry) => entry.trim())
        .filter((entry) => entry !== ""),
    )
    .refine((entries) => entries === undefined || entries.every(isAddressOrRange), {
      error: "ADMIN_ALLOWED_IPS must be addresses or CIDR ranges, e.g. 203.0.113.7,10.0.0.0/8",
    }),
  PATROL_FEED_TOKEN: optional
    .transform((value) => value?.split(",").map((token) => token.trim()))
    .refine(
      (tokens) =>
        tokens === undefined ||
        tokens.every((token) => token.length >= 32 && /^[A-Za-z0-9\-._~+/]+=*$/.test(token)),
      {
        error:
          "PATROL_FEED_TOKEN must be one token of 32+ characters (openssl rand -base64 32), or several comma-separated while rotating",
      },
    ),
  TRUST_PROXY: trustProxySchema,
  NODE_ENV: optional,
});

const LOCAL_HOSTS: ReadonlySet<string> = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Reads and checks the configuration; throws a ConfigError naming every problem. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): AppConfig {
  const parsed = envSchema.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
  // The checks across variables read the raw environment, so they run even when a variable is
  // malformed: one start names every problem (set = present and not blank, as `optional` reads).
  const isSet = (name: string) => (env[name] ?? "").trim() !== "";
  const production = env.NODE_ENV === "production";
  const provider = (env.PAYMENT_PROVIDER ?? "").trim() || "stripe";
  if (isProviderName(provider)) problems.push(...providerProblems(provider, isSet, env));
  if (production && provider === "komoju" && !isSet("KOMOJU_SECRET_KEY")) {
    problems.push("KOMOJU_SECRET_KEY is required in production (the sandbox is for development)");
  } else if (production && provider !== "komoju" && !isSet("STRIPE_SECRET_KEY")) {
    problems.push("STRIPE_SECRET_KEY is required in production (the sandbox is for development)");
  }
  if (production && !isSet("SESSION_SECRET")) {
    problems.push("SESSION_SECRET is required in production");
  }
  if (production && !isSet("PUBLIC_BASE_URL")) {
    problems.push("PUBLIC_BASE_URL is required in production");
  }
  if (production && !(env.CONSOLE_PUBLIC_URL ?? "").startsWith("https://")) {
    problems.push("CONSOLE_PUBLIC_URL is required in production, and must be https");
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const values = parsed.data;
  const key = values.STRIPE_SECRET_KEY;
  const webhookSecret = values.STRIPE_WEBHOOK_SECRET;
  const komojuKey = values.KOMOJU_SECRET_KEY;
  const komojuWebhookSecret = values.KOMOJU_WEBHOOK_SECRET;
  return {
    port: values.PORT,
    databaseUrl: values.DATABASE_URL ?? "sqlite:./data/rental-car.db",
    publicBaseUrl: values.PUBLIC_BASE_URL ?? `http://localhost:${values.PORT}`,
    paymentProvider: values.PAYMENT_PROVIDER,
    komoju:
      values.PAYMENT_PROVIDER === "komoju" &&
      komojuKey !== undefined &&
      komojuWebhookSecret !== undefined
        ? {
            secretKey: komojuKey,
            webhookSecret: komojuWebhookSecret,
            apiUrl: values.KOMOJU_API_URL,
            checkoutUrl: values.KOMOJU_CHECKOUT_URL,
            paymentMethods: values.KOMOJU_PAYMENT_METHODS,
            konbiniExpiryDays: values.KOMOJU_KONBINI_EXPIRY_DAYS,
          }
        : undefined,
    stripe:
      values.PAYMENT_PROVIDER === "stripe" && key !== undefined && webhookSecret !== undefined
        ? {
            secretKey: key,
            webhookSecret,
            apiUrl: values.STRIPE_API_URL,
            checkoutOrigin: values.STRIPE_CHECKOUT_ORIGIN,
            paymentMethods: values.STRIPE_PAYMENT_METHODS,
          }
        : undefined,
    sessionSecret: values.SESSION_SECRET,
    reconcileIntervalSeconds: values.RECONCILE_INTERVAL_SECONDS,
    reconcileAfterSeconds: values.RECONCILE_AFTER_SECONDS,
    reconcileLeaseSeconds: values.RECONCILE_LEASE_SECONDS,
    smtpUrl: values.SMTP_URL,
    redisUrl: values.REDIS_URL,
    sqliteSynchronous: values.SQLITE_SYNCHRONOUS,
    sandboxPort: values.SANDBOX_PORT,
    consolePort: values.CONSOLE_PORT,
    consolePublicUrl: values.CONSOLE_PUBLIC_URL ?? `http://localhost:${values.CONSOLE_PORT}`,
    adminAllowedIps: values.ADMIN_ALLOWED_IPS,
    patrolFeedTokens: values.PATROL_FEED_TOKEN,
    trustProxy: values.TRUST_PROXY,
    production,
  };
}

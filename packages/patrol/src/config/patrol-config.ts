/**
 * @module
 * The patrol's configuration file (JSON), validated with zod. Errors name the bad key
 * (`journeys[0].steps[2].fill: …`). Secrets are never written into the file itself: a secret is
 * `{ "env": "NAME" }` (an environment variable) or `{ "file": "path" }` (a file such as a Docker
 * secret, relative to the config file), resolved when the file is loaded.
 */
import * as z from "zod";

const secretRef = z.union([
  z.strictObject({
    env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "an environment variable name"),
  }),
  z.strictObject({ file: z.string().min(1) }),
]);

/** Where a secret comes from: an environment variable or a file. */
export type SecretRef = z.infer<typeof secretRef>;

const absoluteHttpUrl = z.url({ protocol: /^https?$/, error: "an absolute http(s) URL" });
const origin = absoluteHttpUrl
  .refine(
    (value) => URL.canParse(value) && new URL(value).origin === value.replace(/\/$/, ""),
    "an origin only (scheme, host and port), e.g. https://checkout.stripe.com",
  )
  // Compared with browsers' origins: written as they write them (no trailing slash).
  .transform((value) => new URL(value).origin);
const sitePath = z
  .string()
  .regex(/^\/[^\s]*$/, "a path on the site starting with '/', e.g. /book?lang=ja");

/** One thing the journey's browser does; values may hold `{email}`, `{run}` and `{date+N}`. */
const step = z.union([
  z.strictObject({ goto: sitePath }),
  z.strictObject({ click: z.string().min(1) }),
  z.strictObject({ fill: z.string().min(1), value: z.string() }),
  z.strictObject({ select: z.string().min(1), value: z.string() }),
  z.strictObject({ check: z.string().min(1) }),
  z.strictObject({
    readAmount: z.string().min(1),
    currency: z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 code such as JPY"),
  }),
  z.strictObject({ submit: z.string().min(1) }),
]);

/** A step of a journey. */
export type JourneyStep = z.infer<typeof step>;

const journey = z
  .strictObject({
    name: z.string().regex(/^[\w .-]{1,60}$/, "1–60 letters, digits, spaces, '.', '_' or '-'"),
    start: sitePath,
    steps: z.array(step).min(1),
  })
  .refine((value) => value.steps.filter((s) => "readAmount" in s).length === 1, {
    message: "needs one readAmount step: the amount shown is what the payment session must be for",
    path: ["steps"],
  })
  .refine(
    (value) =>
      value.steps.filter((s) => "submit" in s).length === 1 &&
      "submit" in (value.steps.at(-1) ?? {}),
    {
      message:
        "the last step, and only the last, must be a submit (the step that leads to payment)",
      path: ["steps"],
    },
  );

/** A journey: from a start page, the steps a shopper takes up to the "go to payment" submit. */
export type Journey = z.infer<typeof journey>;

const stripeProvider = z.strictObject({
  type: z.literal("stripe"),
  /** A restricted key with read access to Checkout Sessions is enough (`rk_live_…`). */
  secretKey: secretRef,
  apiBaseUrl: absoluteHttpUrl.optional(),
  checkoutOrigins: z.array(origin).min(1).optional(),
  /**
   * End each run's own session once checked, so patrol bookings hold no stock (needs write
   * access to Checkout Sessions; without it the session simply times out).
   */
  expireSessions: z.boolean().default(true),
});

const komojuProvider = z.strictObject({
  type: z.literal("komoju"),
  /** The account's secret key (`sk_live_…`): KOMOJU has no read-only keys. */
  secretKey: secretRef,
  /** Where KOMOJU is (default `https://komoju.com`); the reader adds `/api/v1`. */
  apiBaseUrl: absoluteHttpUrl.optional(),
  /** Where hosted pages are (`…/sessions/{id}`); default `apiBaseUrl`. */
  checkoutBaseUrl: absoluteHttpUrl.optional(),
  /** Cancel each run's own session once checked, so patrol bookings hold no stock. */
  expireSessions: z.boolean().default(true),
});

/** The payment providers the patrol can ask about a session. */
const PROVIDER_TYPES = ["stripe", "komoju"] as const;

const provider = z.discriminatedUnion("type", [stripeProvider, komojuProvider], {
  error: (issue) =>
    issue.code === "invalid_union"
      ? `must be one of ${PROVIDER_TYPES.map((type) => `"${type}"`).join(", ")}`
      : undefined,
});

const alert = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("log") }),
  z.strictObject({ type: z.literal("webhook"), url: absoluteHttpUrl, secret: secretRef }),
  z.strictObject({
    type: z.literal("email"),
    url: secretRef,
    from: z.email(),
    to: z.union([z.email(), z.array(z.email()).min(1)]),
  }),
]);

/** The schema of the configuration file. */
export const patrolConfigSchema = z.strictObject({
  /** The site's origin as shoppers reach it, e.g. `https://rent.example.jp`. */
  site: origin,
  /** Pages to record besides the journeys' pages. */
  pages: z.array(sitePath).default([]),
  journeys: z.array(journey).min(1, "at least one journey that reaches the payment step"),
  /** The synthetic e-mail typed into forms as `{email}`; `{run}` becomes the run's id. */
  email: z
    .string()
    .refine(
      (value) => value.includes("{run}"),
      "must contain {run}, so each run's booking is its own",
    )
    .default("patrol+{run}@example.com"),
  provider,
  /** Where the patrol keeps its baseline and history (relative to the config file). */
  stateDir: z.string().min(1).default("patrol-state"),
  /** At least one: a patrol that tells nobody is no patrol (`--no-alerts` silences one run). */
  alerts: z
    .array(alert)
    .min(1, 'at least one alert sink, e.g. { "type": "log" }')
    .default([{ type: "log" }]),
  cspReports: z.strictObject({ url: absoluteHttpUrl, token: secretRef }).optional(),
  manifest: z
    .strictObject({
      root: z.string().min(1),
      file: z.string().min(1),
      include: z.array(z.string()).optional(),
      exclude: z.array(z.string()).optional(),
    })
    .optional(),
  browser: z
    .strictObject({
      executablePath: z.string().min(1).optional(),
      /** How long one navigation or step may take. */
      timeoutMs: z.number().int().min(1000).max(120_000).default(15_000),
      locale: z.string().default("ja-JP"),
      viewport: z
        .strictObject({ width: z.number().int().min(320), height: z.number().int().min(320) })
        .default({ width: 1280, height: 900 }),
    })
    .default({ timeoutMs: 15_000, locale: "ja-JP", viewport: { width: 1280, height: 900 } }),
  watch: z
    .strictObject({
      intervalMinutes: z
        .number()
        .min(1)
        .max(7 * 24 * 60)
        .default(60),
      jitterMinutes: z.number().min(0).default(5),
      historyRuns: z.number().int().min(1).max(10_000).default(100),
    })
    .default({ intervalMinutes: 60, jitterMinutes: 5, historyRuns: 100 }),
});

/** The configuration as written in the file. */
export type PatrolConfigFile = z.input<typeof patrolConfigSchema>;
/** The configuration after validation and defaults (secrets still references). */
export type PatrolConfigSpec = z.output<typeof patrolConfigSchema>;

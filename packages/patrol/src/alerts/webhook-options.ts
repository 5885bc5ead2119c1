/**
 * @module
 * The options of `webhookSink`, checked when the sink is created so a bad URL or a weak secret
 * fails at start-up rather than at the first alert. Messages never quote the secret or the URL
 * (a webhook URL often embeds a token).
 */
import { setTimeout as delay } from "node:timers/promises";
import { assertUsableSecrets } from "@linkpay/core/provider-kit";
import * as z from "zod";
import { displayUrl, invalidSinkOption, isLoopbackHost, parseSinkOptions } from "./sink-options";

/** Options of `webhookSink`. */
export interface WebhookSinkOptions {
  /** Where to POST; https, or http to 127.0.0.1, ::1 or localhost. */
  readonly url: string;
  /** The shared HMAC secret, at least 32 characters. */
  readonly secret: string;
  /** Per-attempt time-out in milliseconds (default 10000). */
  readonly timeoutMs?: number | undefined;
  /** Extra attempts after a network error, 429 or 5xx (default 3). */
  readonly retries?: number | undefined;
  /** Waits between attempts (default a real timer); tests pass one that records the delays. */
  readonly sleep?: ((ms: number) => Promise<void>) | undefined;
  /** The clock used for signature timestamps (default `new Date()`). */
  readonly now?: (() => Date) | undefined;
}

/** Options after validation and defaults. */
export interface ResolvedWebhookOptions {
  readonly url: URL;
  /** `scheme://host:port`, safe for messages. */
  readonly display: string;
  readonly secret: string;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => Date;
}

const SINK = "webhook";
const MIN_SECRET_LENGTH = 32;

const fn = <T>() => z.custom<T>((value) => typeof value === "function", "must be a function");

const schema = z.strictObject({
  url: z.string({ error: "must be a URL string (is the environment variable set?)" }),
  secret: z
    .string({ error: "must be a string (is the environment variable set?)" })
    .min(
      MIN_SECRET_LENGTH,
      `must be at least ${MIN_SECRET_LENGTH} characters (openssl rand -hex 32)`,
    ),
  timeoutMs: z.number().int().min(1).max(300_000).default(10_000),
  retries: z.number().int().min(0).max(10).default(3),
  sleep: fn<(ms: number) => Promise<void>>().default(() => (ms: number) => delay(ms)),
  now: fn<() => Date>().default(() => () => new Date()),
});

/** Validates `webhookSink` options; throws CONFIG_INVALID naming the bad option. */
export function resolveWebhookOptions(input: WebhookSinkOptions): ResolvedWebhookOptions {
  const { url: text, ...rest } = parseSinkOptions(SINK, schema, input);
  assertUsableSecrets(rest.secret, `${SINK} sink option "secret"`);
  const url = URL.canParse(text) ? new URL(text) : undefined;
  if (url === undefined) throw invalidSinkOption(SINK, "url", "is not an absolute URL");
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw invalidSinkOption(SINK, "url", `must use https, not ${url.protocol.slice(0, -1)}`);
  }
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    throw invalidSinkOption(
      SINK,
      "url",
      "must use https (plain http is allowed only to 127.0.0.1, ::1 and localhost)",
    );
  }
  if (url.username !== "" || url.password !== "") {
    throw invalidSinkOption(SINK, "url", "must not contain credentials (fetch refuses them)");
  }
  return { url, display: displayUrl(url), ...rest };
}

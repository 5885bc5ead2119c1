/**
 * @module
 * The pino logger linkpay apps should use: an `alert` level above `error` for mismatches and signs
 * of tampering, and four layers of redaction so card numbers, secrets, signatures and cookies
 * never reach a log line.
 */
import { redact, redactString } from "@linkpay/core";
import pino from "pino";
import { serializeError, serializeRequest, serializeResponse } from "./serializers";

/** The level number of `alert`: above `error` (50), below `fatal` (60). */
export const ALERT_LEVEL = 55;

/** A pino logger with the `alert` level. */
export type LinkpayLogger = pino.Logger<"alert">;

/** A level name, `alert` included. */
export type LinkpayLogLevel = pino.LevelWithSilent | "alert";

/** Header paths pino censors before anything else looks at them. */
export const REDACTED_HEADER_PATHS: readonly string[] = [
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
  "stripe-signature",
  "webhook-signature",
  "x-csrf-token",
  "x-api-key",
].flatMap((name) => [`req.headers["${name}"]`, `headers["${name}"]`, `res.headers["${name}"]`]);

/** Options of {@link createLogger}. */
export interface CreateLoggerOptions {
  /** Lowest level written (default `info`). */
  readonly level?: LinkpayLogLevel | undefined;
  /** Where lines go (default stdout); tests pass a stream that captures them. */
  readonly destination?: pino.DestinationStream | undefined;
  /** More pino redact paths (e.g. `["body.password"]`). */
  readonly redactPaths?: readonly string[] | undefined;
  /** The `name` field on every line. */
  readonly name?: string | undefined;
}

/**
 * Creates a pino logger with the `alert` level and redaction: pino `redact` paths for credential
 * headers, core's `redact` on every logged object, redacting serializers for `req`/`res`/`err`, and
 * a last pass of `redactString` over each finished line (card numbers, `sk_…`, `whsec_…`).
 *
 * @example
 * const logger = createLogger({ level: "info" });
 * app.use(requestLogging({ logger }));
 * const payments = createPayments({ ..., logger }); // alerts go to the `alert` level
 */
export function createLogger(options: CreateLoggerOptions = {}): LinkpayLogger {
  const config: pino.LoggerOptions<"alert"> = {
    level: options.level ?? "info",
    customLevels: { alert: ALERT_LEVEL },
    redact: {
      paths: [...REDACTED_HEADER_PATHS, ...(options.redactPaths ?? [])],
      censor: "[redacted]",
    },
    serializers: { req: serializeRequest, res: serializeResponse, err: serializeError },
    formatters: { log: (object) => redact(object) },
    hooks: { streamWrite: (line) => redactString(line) },
    ...(options.name === undefined ? {} : { name: options.name }),
  };
  return options.destination === undefined
    ? pino<"alert">(config)
    : pino<"alert">(config, options.destination);
}

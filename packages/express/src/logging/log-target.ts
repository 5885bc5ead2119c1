/**
 * @module
 * Which logger a middleware writes to: the request's own child logger (so every line carries
 * the request id) when {@link requestLogging} is mounted, else the one it was given; and how an
 * alert is written when the logger has no `alert` level.
 */
import type { IncomingMessage } from "node:http";
import { type Logger, silentLogger } from "@linkpay/core";

function isFunction(value: unknown): boolean {
  return typeof value === "function";
}

/** True for anything with pino-style `info`, `warn` and `error` methods. */
export function isLogger(value: unknown): value is Logger {
  return (
    typeof value === "object" &&
    value !== null &&
    isFunction(Reflect.get(value, "info")) &&
    isFunction(Reflect.get(value, "warn")) &&
    isFunction(Reflect.get(value, "error"))
  );
}

/**
 * Writes an alert: a mismatch or a sign of tampering someone must look at. Uses the `alert` level
 * when the logger has one, else `error`; either way the line carries `alert: <name>`.
 */
export function logAlert(logger: Logger, alert: string, fields: object, message: string): void {
  const line = { ...fields, alert };
  if (logger.alert) logger.alert(line, message);
  else logger.error(line, message);
}

/**
 * The request's own logger (its lines carry the request id) when {@link requestLogging} is
 * mounted, else `fallback`, else a silent logger. Pass it to `payments.startCheckout({ …, logger })`
 * so core's lines about the checkout carry the request id too.
 */
export function requestLogger(req: IncomingMessage, fallback?: Logger | undefined): Logger {
  const own: unknown = Reflect.get(req, "log");
  if (isLogger(own)) return own;
  return fallback ?? silentLogger;
}

/**
 * @module
 * The logging interface the core writes to: a subset of pino's, so a pino logger fits as is.
 * Everything logged goes through the redactor first.
 */
import { redact } from "../card-data";

/** A structured logger (pino's `info/warn/error(object, message)` shape). */
export interface Logger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** A logger that drops everything. */
export const silentLogger: Logger = {
  info() {},
  warn() {},
  error() {},
};

/** Wraps a logger so every field object is redacted (card numbers, secrets, signatures). */
export function redactingLogger(inner: Logger): Logger {
  return {
    info: (fields, message) => inner.info(redact(fields), message),
    warn: (fields, message) => inner.warn(redact(fields), message),
    error: (fields, message) => inner.error(redact(fields), message),
  };
}

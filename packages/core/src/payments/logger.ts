/**
 * @module
 * The logging interface the core writes to: a subset of pino's, so a pino logger fits as is
 * (with a custom `alert` level, alerts go there). Everything logged goes through the redactor first.
 */
import { redact } from "../card-data";

/** A structured logger (pino's `info/warn/error(object, message)` shape). */
export interface Logger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
  /**
   * What a person must look at: an amount mismatch, money taken after a checkout closed, a refused
   * redirect. Optional; without it alerts are written with `error`. Alert lines carry an `alert` field.
   */
  alert?(fields: object, message: string): void;
}

/** A logger that drops everything. */
export const silentLogger: Logger = {
  info() {},
  warn() {},
  error() {},
};

/**
 * Wraps a logger so every field object is redacted (card numbers, secrets, signatures); its
 * `alert` falls back to the inner logger's `error`.
 */
export function redactingLogger(inner: Logger): Required<Logger> {
  return {
    info: (fields, message) => inner.info(redact(fields), message),
    warn: (fields, message) => inner.warn(redact(fields), message),
    error: (fields, message) => inner.error(redact(fields), message),
    alert: (fields, message) =>
      inner.alert ? inner.alert(redact(fields), message) : inner.error(redact(fields), message),
  };
}

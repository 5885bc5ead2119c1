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
  /**
   * pino's: false when a line at `level` (`"info"`, `"warn"`, `"error"`, `"alert"`) would be
   * dropped. Optional; when present, fields of a dropped line are not even redacted.
   */
  isLevelEnabled?(level: string): boolean;
}

/** A logger that drops everything. */
export const silentLogger: Logger = {
  info() {},
  warn() {},
  error() {},
  isLevelEnabled: () => false,
};

/**
 * Wraps a logger so every field object is redacted (card numbers, secrets, signatures); its
 * `alert` falls back to the inner logger's `error`. A line the inner logger would drop (see
 * {@link Logger.isLevelEnabled}) is dropped here, before its fields are redacted: redaction walks
 * every string, and a webhook answers faster without that work for a line nobody keeps.
 */
export function redactingLogger(inner: Logger): Required<Logger> {
  const enabled = (level: string) => inner.isLevelEnabled?.(level) ?? true;
  return {
    info: (fields, message) => {
      if (enabled("info")) inner.info(redact(fields), message);
    },
    warn: (fields, message) => {
      if (enabled("warn")) inner.warn(redact(fields), message);
    },
    error: (fields, message) => {
      if (enabled("error")) inner.error(redact(fields), message);
    },
    alert: (fields, message) => {
      if (!inner.alert) {
        if (enabled("error")) inner.error(redact(fields), message);
      } else if (enabled("alert")) inner.alert(redact(fields), message);
    },
    isLevelEnabled: enabled,
  };
}

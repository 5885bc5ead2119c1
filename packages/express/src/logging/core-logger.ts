/**
 * @module
 * Adapts a pino logger to `@linkpay/core`'s {@link Logger}, sending the core's alerts (error lines
 * that carry an `alert` field: amount mismatches, refused redirects, payments after close) to the
 * `alert` level.
 */
import type { Logger } from "@linkpay/core";
import { hasAlertLevel } from "./log-target";

function carriesAlert(fields: object): boolean {
  const alert: unknown = Reflect.get(fields, "alert");
  return typeof alert === "string" && alert !== "";
}

/**
 * A core {@link Logger} writing to `logger`; error lines with an `alert` field use `alert`.
 *
 * @example
 * const payments = createPayments({ providers, store, urls, logger: toCoreLogger(logger) });
 */
export function toCoreLogger(logger: Logger): Logger {
  return {
    info: (fields, message) => logger.info(fields, message),
    warn: (fields, message) => logger.warn(fields, message),
    error: (fields, message) => {
      if (carriesAlert(fields) && hasAlertLevel(logger)) logger.alert(fields, message);
      else logger.error(fields, message);
    },
  };
}

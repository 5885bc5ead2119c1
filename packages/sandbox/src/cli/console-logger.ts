/**
 * @module
 * The CLI's logger: one line per entry on stderr (the sandbox redacts before it logs).
 */
import type { Logger } from "@linkpay/core";

/** A logger writing `level message {fields}` lines to `write`. */
export function consoleLogger(write: (line: string) => void): Logger {
  const line = (level: string) => (fields: object, message: string) =>
    write(`${new Date().toISOString()} ${level} ${message} ${JSON.stringify(fields)}\n`);
  return { info: line("info"), warn: line("warn"), error: line("error") };
}

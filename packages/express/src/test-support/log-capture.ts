/**
 * @module
 * Captures what a {@link createLogger} logger writes, as text and as parsed lines, so tests can
 * assert on the exact bytes that would reach a log file.
 */
import { createLogger, type LinkpayLogger } from "../logging";

/** A logger writing to memory. */
export interface LogCapture {
  readonly logger: LinkpayLogger;
  /** Everything written, as one string. */
  text(): string;
  /** Every line, parsed. */
  lines(): Record<string, unknown>[];
  /** Lines at the `alert` level. */
  alerts(): Record<string, unknown>[];
}

/** A logger at `info` (or `level`) whose output stays in memory. */
export function captureLogs(level: "info" | "debug" = "info"): LogCapture {
  const chunks: string[] = [];
  const logger = createLogger({ level, destination: { write: (line) => chunks.push(line) } });
  const lines = () =>
    chunks
      .join("")
      .split("\n")
      .filter((line) => line !== "")
      .map((line): Record<string, unknown> => JSON.parse(line));
  return {
    logger,
    text: () => chunks.join(""),
    lines,
    alerts: () => lines().filter((line) => line.level === 55),
  };
}

/**
 * @module
 * Writes alerts as JSON lines through pino: one line per finding at a level matching its
 * severity, then one summary line at the level of the verdict.
 */
import pino from "pino";
import type { Severity } from "../model/findings";
import { type AlertSink, summarizeAlert } from "./patrol-alert";

/** Options of {@link logSink}. */
export interface LogSinkOptions {
  /** Where lines go (default stdout); tests pass `{ write }` to capture them. */
  readonly destination?: pino.DestinationStream | undefined;
}

const LEVELS = { critical: "error", warning: "warn", info: "info" } as const satisfies Record<
  Severity,
  pino.Level
>;

/**
 * A sink that logs each finding (`runId`, `site`, `code`, `severity`, `where`, `subject`,
 * `message`) and a summary line (`runId`, `site`, `verdict`, `at`, `counts`).
 *
 * @example
 * await sendAlerts([logSink()], alert);
 */
export function logSink(options: LogSinkOptions = {}): AlertSink {
  const config: pino.LoggerOptions = { name: "linkpay-patrol", messageKey: "message" };
  const logger =
    options.destination === undefined ? pino(config) : pino(config, options.destination);
  return {
    name: "log",
    async send(alert) {
      const { runId, site } = alert;
      for (const { severity, code, where, subject, message } of alert.findings) {
        logger[LEVELS[severity]]({ runId, site, code, severity, where, subject }, message);
      }
      const counts = { critical: 0, warning: 0, info: 0 };
      for (const finding of alert.findings) counts[finding.severity] += 1;
      logger[LEVELS[alert.verdict]](
        { runId, site, verdict: alert.verdict, at: alert.at.toISOString(), counts },
        `patrol alert: ${summarizeAlert(alert)}`,
      );
    },
  } satisfies AlertSink;
}

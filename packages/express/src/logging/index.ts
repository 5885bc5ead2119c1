/**
 * @module
 * Logging: a redacting pino logger with an `alert` level, request logging with request ids
 * (pino-http), and the adapter to `@linkpay/core`'s Logger.
 */
export { toCoreLogger } from "./core-logger";
export {
  ALERT_LEVEL,
  type CreateLoggerOptions,
  createLogger,
  type LinkpayLogger,
  type LinkpayLogLevel,
  REDACTED_HEADER_PATHS,
} from "./create-logger";
export { type AlertLogger, hasAlertLevel, isLogger, logAlert, loggerFor } from "./log-target";
export { REQUEST_ID_HEADER, requestIdGenerator, requestIdOf } from "./request-id";
export { type RequestLoggingOptions, requestLogging } from "./request-logging";
export { serializeError, serializeRequest, serializeResponse } from "./serializers";

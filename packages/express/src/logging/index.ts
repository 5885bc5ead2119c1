/**
 * @module
 * Logging: a redacting pino logger with an `alert` level, request logging with request ids
 * and one slim line per request whose URL has its tokens redacted. A logger from `createLogger` is a `@linkpay/core` Logger as it is (alerts included).
 */
export {
  ALERT_LEVEL,
  type CreateLoggerOptions,
  createLogger,
  type LinkpayLogger,
  type LinkpayLogLevel,
  REDACTED_HEADER_PATHS,
} from "./create-logger";
export { logAlert, requestLogger } from "./log-target";
export { REDACTED, redactPath, redactUrl } from "./redact-url";
export { REQUEST_ID_HEADER, requestIdGenerator, requestIdOf } from "./request-id";
export { type RequestLoggingOptions, requestLogging } from "./request-logging";
export {
  describeRequest,
  type LoggedRequest,
  serializeError,
  serializeRequest,
  serializeResponse,
} from "./serializers";

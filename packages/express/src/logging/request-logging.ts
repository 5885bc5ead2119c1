/**
 * @module
 * `requestLogging`: pino-http over a {@link createLogger} logger. Each request gets an id, a child
 * logger on `req.log` whose every line carries `reqId`, and exactly one slim completion line:
 * method, path, query (values redacted unless harmless), status and duration in milliseconds. No
 * headers, cookies or bodies: they carry credentials, and nothing in them is needed to find a
 * request again (the request id is).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import { pinoHttp } from "pino-http";
import type { LinkpayLogger } from "./create-logger";
import { DEFAULT_LOGGED_QUERY_KEYS } from "./redact-url";
import { requestIdGenerator } from "./request-id";
import { describeRequest, serializeError } from "./serializers";

/** Options of {@link requestLogging}. */
export interface RequestLoggingOptions {
  /** The logger from {@link createLogger}. */
  readonly logger: LinkpayLogger;
  /** Reuse an incoming `X-Request-Id` (only when a trusted proxy sets it). Default false. */
  readonly trustRequestIdHeader?: boolean | undefined;
  /**
   * Query keys whose values are logged as sent (card numbers still masked); every other value is
   * `[redacted]`. Default `["lang"]`. Never list a key that can carry a token or personal data.
   */
  readonly loggedQueryKeys?: readonly string[] | undefined;
}

function levelFor(
  _req: IncomingMessage,
  res: ServerResponse,
  error?: Error,
): "error" | "warn" | "info" {
  if (error !== undefined || res.statusCode >= 500) return "error";
  return res.statusCode >= 400 ? "warn" : "info";
}

/**
 * Logs every request through pino-http with a request id on every line, and one line at the end.
 *
 * @example
 * const logger = createLogger();
 * app.use(requestLogging({ logger }));
 * app.get("/", (req, res) => { req.log.info({}, "hello"); res.end(); });
 * // {"level":30,"reqId":"…","method":"GET","path":"/bookings/RC-1","query":"t=[redacted]&lang=ja",
 * //  "status":200,"durationMs":4,"msg":"request completed"}
 */
export function requestLogging(options: RequestLoggingOptions): RequestHandler {
  const loggedKeys: ReadonlySet<string> = new Set(
    options.loggedQueryKeys ?? DEFAULT_LOGGED_QUERY_KEYS,
  );
  const line = (req: IncomingMessage, res: ServerResponse, durationMs: unknown) => ({
    ...describeRequest(req, loggedKeys),
    status: res.statusCode,
    durationMs,
  });
  const middleware = pinoHttp<IncomingMessage, ServerResponse, "alert">({
    logger: options.logger,
    genReqId: requestIdGenerator(options.trustRequestIdHeader === true),
    quietReqLogger: true,
    quietResLogger: true,
    wrapSerializers: false,
    serializers: { err: serializeError },
    customLogLevel: levelFor,
    customSuccessObject: (req, res, value) => line(req, res, value.responseTime),
    customErrorObject: (req, res, error, value) => ({
      ...line(req, res, value.responseTime),
      err: error,
    }),
  });
  return function linkpayRequestLogging(req, res, next) {
    middleware(req, res, next);
  };
}

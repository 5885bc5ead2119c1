/**
 * @module
 * `requestLogging`: pino-http over a {@link createLogger} logger. Each request gets an id, a child
 * logger on `req.log` whose every line carries `reqId`, and one completion line with the redacted
 * request, status and time.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import { pinoHttp } from "pino-http";
import type { LinkpayLogger } from "./create-logger";
import { requestIdGenerator } from "./request-id";
import { serializeError, serializeRequest, serializeResponse } from "./serializers";

/** Options of {@link requestLogging}. */
export interface RequestLoggingOptions {
  /** The logger from {@link createLogger}. */
  readonly logger: LinkpayLogger;
  /** Reuse an incoming `X-Request-Id` (only when a trusted proxy sets it). Default false. */
  readonly trustRequestIdHeader?: boolean | undefined;
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
 * Logs every request through pino-http with a request id on every line.
 *
 * @example
 * const logger = createLogger();
 * app.use(requestLogging({ logger }));
 * app.get("/", (req, res) => { req.log.info({}, "hello"); res.end(); });
 */
export function requestLogging(options: RequestLoggingOptions): RequestHandler {
  const middleware = pinoHttp<IncomingMessage, ServerResponse, "alert">({
    logger: options.logger,
    genReqId: requestIdGenerator(options.trustRequestIdHeader === true),
    quietReqLogger: true,
    wrapSerializers: false,
    serializers: { req: serializeRequest, res: serializeResponse, err: serializeError },
    customLogLevel: levelFor,
  });
  return function linkpayRequestLogging(req, res, next) {
    middleware(req, res, next);
  };
}

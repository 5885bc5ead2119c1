/**
 * @module
 * `requestLogging`: each request gets an id, a child logger on `req.log` whose every line carries
 * `reqId`, and exactly one slim completion line: method, path, query (values redacted unless
 * harmless), status and duration in milliseconds. No headers, cookies or bodies: they carry
 * credentials, and nothing in them is needed to find a request again (the request id is).
 *
 * Written by hand rather than with pino-http, which builds a second child logger per request
 * (serializing and redacting the request into it) that a quiet configuration never writes with,
 * and adds a made-up error with a stack to every 5xx line: per request, on every route.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import type { LinkpayLogger } from "./create-logger";
import { DEFAULT_LOGGED_QUERY_KEYS } from "./redact-url";
import { requestIdGenerator } from "./request-id";
import { describeRequest } from "./serializers";

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

/** Where the request's id and logger are kept (read by `requestIdOf` and `requestLogger`). */
interface RequestWithLog extends IncomingMessage {
  id?: string;
  log?: LinkpayLogger;
}

function levelFor(status: number, error: unknown): "error" | "warn" | "info" {
  if (error !== undefined || status >= 500) return "error";
  return status >= 400 ? "warn" : "info";
}

/**
 * Gives every request an id and its own logger, and writes one line when the response ends:
 * info below 400, warn for 4xx, error for 5xx or a failed response (with `err`), and `aborted`
 * when the connection closed before the response was complete.
 *
 * @example
 * const logger = createLogger();
 * app.use(requestLogging({ logger }));
 * app.get("/", (req, res) => { requestLogger(req).info({}, "hello"); res.end(); });
 * // {"level":30,"reqId":"…","method":"GET","path":"/bookings/RC-1","query":"t=[redacted]&lang=ja",
 * //  "status":200,"durationMs":4,"msg":"request completed"}
 */
export function requestLogging(options: RequestLoggingOptions): RequestHandler {
  const { logger } = options;
  const loggedKeys: ReadonlySet<string> = new Set(
    options.loggedQueryKeys ?? DEFAULT_LOGGED_QUERY_KEYS,
  );
  const generateId = requestIdGenerator(options.trustRequestIdHeader === true);

  return function linkpayRequestLogging(req: RequestWithLog, res: ServerResponse, next) {
    const started = Date.now();
    const reqId = generateId(req, res);
    const log = logger.child({ reqId });
    req.id = reqId;
    req.log = log;
    const complete = (error?: unknown) => {
      res.removeListener("finish", complete);
      res.removeListener("close", complete);
      res.removeListener("error", complete);
      const status = res.statusCode;
      log[levelFor(status, error)](
        {
          ...describeRequest(req, loggedKeys),
          status,
          durationMs: Date.now() - started,
          ...(res.writableFinished ? {} : { aborted: true }),
          ...(error === undefined ? {} : { err: error }),
        },
        "request completed",
      );
    };
    // `finish` when the response was handed to the network; `close` alone when the client left
    // first; `error` when writing it failed. Whichever comes first writes the line.
    res.on("finish", complete);
    res.on("close", complete);
    res.on("error", complete);
    next();
  };
}

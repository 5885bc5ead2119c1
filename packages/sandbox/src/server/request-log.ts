/**
 * @module
 * One log line per request: method, path (never the query or body), status, duration, request id.
 */
import type { Logger } from "@linkpay/core";
import type { RequestHandler } from "express";

/** Middleware logging each finished request. */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.on("finish", () => {
      logger.info(
        {
          method: req.method,
          path: req.originalUrl.split("?")[0],
          status: res.statusCode,
          ms: Math.round(performance.now() - started),
          requestId: res.getHeader("Request-Id"),
        },
        "request",
      );
    });
    next();
  };
}

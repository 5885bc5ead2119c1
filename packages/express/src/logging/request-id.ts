/**
 * @module
 * Request ids: one per request, on every log line (`reqId`), in the `X-Request-Id`
 * response header and in error answers, so a shopper's "error ABC" leads to the log line.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The response header carrying the request id. */
export const REQUEST_ID_HEADER = "X-Request-Id";

/**
 * A request id generator: a fresh UUID, or the incoming `X-Request-Id` when `trustHeader` is set
 * (only behind a proxy that sets it) and it is a short token of safe characters.
 */
export function requestIdGenerator(
  trustHeader: boolean,
): (req: IncomingMessage, res: ServerResponse) => string {
  return function generateRequestId(req, res) {
    const incoming = req.headers["x-request-id"];
    const id =
      trustHeader && typeof incoming === "string" && SAFE_ID.test(incoming)
        ? incoming
        : randomUUID();
    res.setHeader(REQUEST_ID_HEADER, id);
    return id;
  };
}

/** The request's id (set by {@link requestLogging}), if any. */
export function requestIdOf(req: IncomingMessage): string | undefined {
  const id: unknown = Reflect.get(req, "id");
  return typeof id === "string" || typeof id === "number" ? String(id) : undefined;
}

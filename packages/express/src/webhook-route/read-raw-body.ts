/**
 * @module
 * Reads a webhook's body as the exact bytes received, whatever its content type, and tells apart
 * the two ways that can fail: too large (413), or already consumed by a body parser mounted
 * before the route (a deployment mistake, so 500 and a log line saying how to fix it).
 */
import express, { type Request, type Response } from "express";
import { HttpError } from "../errors";

/** What reading the raw body produced. */
export type RawBodyResult =
  | { readonly ok: true; readonly body: Buffer }
  | { readonly ok: false; readonly error: HttpError };

/** Explains the already-parsed body in the log (never to the sender). */
export const ALREADY_PARSED_HINT =
  "The webhook request body was already parsed by a body parser mounted before the webhook " +
  "route (express.json(), express.urlencoded() or express.text()), so the raw bytes the " +
  "signature covers are gone. Mount app.use(webhookRoute({ payments })) before any global body " +
  "parser, or mount the parsers only on the routes that need them.";

function parserError(error: unknown): HttpError {
  const type: unknown = error instanceof Error ? Reflect.get(error, "type") : undefined;
  if (type === "entity.too.large") {
    return new HttpError("PAYLOAD_TOO_LARGE", "The webhook body is larger than the limit", {
      cause: error,
    });
  }
  return new HttpError("INVALID_BODY", "The webhook body could not be read", { cause: error });
}

/** A reader of raw webhook bodies up to `limit` (bytes, or a string like `"256kb"`). */
export function rawBodyReader(
  limit: number | string,
): (req: Request, res: Response) => Promise<RawBodyResult> {
  const parse = express.raw({ type: () => true, limit });
  return (req, res) => {
    const before: unknown = req.body;
    if (before !== undefined && !Buffer.isBuffer(before)) {
      return Promise.resolve({
        ok: false,
        error: new HttpError("WEBHOOK_RAW_BODY_UNAVAILABLE", ALREADY_PARSED_HINT, {
          details: { bodyType: typeof before },
        }),
      });
    }
    return new Promise((resolve) => {
      parse(req, res, (error?: unknown) => {
        if (error !== undefined && error !== null) {
          resolve({ ok: false, error: parserError(error) });
          return;
        }
        const body: unknown = req.body;
        resolve({ ok: true, body: Buffer.isBuffer(body) ? body : Buffer.alloc(0) });
      });
    });
  };
}

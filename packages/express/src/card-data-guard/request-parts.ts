/**
 * @module
 * The parts of a request other than its body that can carry a card number: the decoded path,
 * the query, the route parameters and the headers (names and values).
 */
import type { Request } from "express";

/** Where in a request a card number was found. */
export type CardDataSource = "path" | "query" | "params" | "headers" | "body";

/** A part of the request, by name, with the value to scan. */
export interface RequestPart {
  readonly source: CardDataSource;
  readonly value: unknown;
}

function decodedPath(req: Request): string {
  const url = req.originalUrl;
  const query = url.indexOf("?");
  const path = query === -1 ? url : url.slice(0, query);
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function headersToScan(req: Request, ignored: ReadonlySet<string>): Record<string, unknown> {
  const headers: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (!ignored.has(name)) headers[name] = value;
  }
  return headers;
}

/** Path, query, params and headers (except `ignoredHeaders`, lower-case names). */
export function requestParts(req: Request, ignoredHeaders: ReadonlySet<string>): RequestPart[] {
  return [
    { source: "path", value: decodedPath(req) },
    { source: "query", value: req.query },
    { source: "params", value: req.params },
    { source: "headers", value: headersToScan(req, ignoredHeaders) },
  ];
}

/** The body as scanned: an object without its `ignoredFields`, text for Buffers. */
export function bodyToScan(body: unknown, ignoredFields: ReadonlySet<string>): unknown {
  if (Buffer.isBuffer(body)) return body.toString("utf8");
  if (typeof body !== "object" || body === null || Array.isArray(body)) return body;
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (!ignoredFields.has(key)) kept[key] = value;
  }
  return kept;
}

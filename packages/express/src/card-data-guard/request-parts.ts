/**
 * @module
 * The parts of a request other than its body that can carry a card number: the path and the
 * query (parsed, as sent and URL-decoded), the route parameters and the headers (names and values,
 * as sent and decoded, see `text-forms`).
 */
import type { Request } from "express";
import { textForms } from "./text-forms";

/** Where in a request a card number was found. */
export type CardDataSource = "path" | "query" | "params" | "headers" | "body";

/** A part of the request, by name, with the value to scan. */
export interface RequestPart {
  readonly source: CardDataSource;
  readonly value: unknown;
}

/** The path as sent and decoded (the query string too: the parsed query misses nothing in it). */
function urlForms(req: Request): { readonly path: string[]; readonly query: string[] } {
  const url = req.originalUrl;
  const mark = url.indexOf("?");
  return {
    path: textForms(mark === -1 ? url : url.slice(0, mark)),
    query: mark === -1 ? [] : textForms(url.slice(mark + 1)),
  };
}

function headersToScan(req: Request, ignored: ReadonlySet<string>): Record<string, unknown> {
  const headers: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (ignored.has(name) || value === undefined) continue;
    headers[name] = (Array.isArray(value) ? value : [value]).flatMap(textForms);
  }
  return headers;
}

/** Path, query, params and headers (except `ignoredHeaders`, lower-case names), in every form. */
export function requestParts(req: Request, ignoredHeaders: ReadonlySet<string>): RequestPart[] {
  const url = urlForms(req);
  return [
    { source: "path", value: url.path },
    { source: "query", value: [req.query, url.query] },
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

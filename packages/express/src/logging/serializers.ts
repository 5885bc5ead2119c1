/**
 * @module
 * pino serializers that keep only what a log needs from requests, responses and errors: never
 * headers, cookies or bodies, URLs with their query values and tokens redacted, and card numbers
 * and secrets masked by `@linkpay/core`'s redactor.
 */
import { redact } from "@linkpay/core";
import { stdSerializers } from "pino";
import { redactUrl } from "./redact-url";

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? Reflect.get(value, key) : undefined;
}

/** What a log line says about a request: method, path and redacted query, nothing else. */
export interface LoggedRequest {
  readonly method: string | undefined;
  readonly path?: string;
  readonly query?: string;
}

/**
 * The method, path and query of a request (query values redacted but for `loggedQueryKeys`,
 * default `lang`). No headers: they carry cookies, tokens and whatever a client chose to send.
 */
export function describeRequest(
  value: unknown,
  loggedQueryKeys?: ReadonlySet<string> | undefined,
): LoggedRequest {
  const url = field(value, "originalUrl") ?? field(value, "url");
  const method = field(value, "method");
  return {
    method: typeof method === "string" ? method : undefined,
    ...(typeof url === "string" ? redactUrl(url, loggedQueryKeys) : {}),
  };
}

/** A request as logged under `req`: its id and {@link describeRequest}. */
export function serializeRequest(value: unknown): object {
  const id = field(value, "id");
  return redact({ ...(id === undefined ? {} : { id }), ...describeRequest(value) });
}

/** A response as logged: its status code only (never `Set-Cookie`). */
export function serializeResponse(value: unknown): object {
  return { statusCode: field(value, "statusCode") };
}

/** An error as logged: pino's standard shape (type, message, stack, cause), redacted. */
export function serializeError(value: unknown): unknown {
  return value instanceof Error ? redact(stdSerializers.err(value)) : redact(value);
}

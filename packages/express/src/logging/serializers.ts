/**
 * @module
 * pino serializers that keep only what a log needs from requests, responses and errors, with
 * card numbers, secrets and credential headers redacted by `@linkpay/core`'s redactor.
 */
import { IncomingMessage } from "node:http";
import { redact, redactString } from "@linkpay/core";
import { stdSerializers } from "pino";

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? Reflect.get(value, key) : undefined;
}

/** A request as logged: id, method, URL and headers, all redacted. Accepts a raw request too. */
export function serializeRequest(value: unknown): object {
  const url = field(value, "originalUrl") ?? field(value, "url");
  return redact({
    id: field(value, "id"),
    method: field(value, "method"),
    url: typeof url === "string" ? redactString(url) : undefined,
    headers: field(value, "headers"),
    remoteAddress:
      value instanceof IncomingMessage
        ? value.socket?.remoteAddress
        : field(value, "remoteAddress"),
  });
}

/** A response as logged: its status code only (never `Set-Cookie`). */
export function serializeResponse(value: unknown): object {
  return { statusCode: field(value, "statusCode") };
}

/** An error as logged: pino's standard shape (type, message, stack, cause), redacted. */
export function serializeError(value: unknown): unknown {
  return value instanceof Error ? redact(stdSerializers.err(value)) : redact(value);
}

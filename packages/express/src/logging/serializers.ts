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

/**
 * `text` redacted, also when it is URL-encoded: a card number typed with spaces reaches the
 * server as `4242+4242+…` or `4242%204242…`, which the plain text scan does not see. When the
 * decoded text holds something to mask, the masked decoded text is logged instead.
 */
function redactEncoded(text: string): string {
  const spaced = text.replaceAll("+", " ");
  let decoded: string;
  try {
    decoded = decodeURIComponent(spaced);
  } catch {
    // Not valid UTF-8 percent-encoding: decode byte by byte (exact for digits and separators).
    decoded = spaced.replace(/%[0-9a-f]{2}/gi, (byte) =>
      String.fromCharCode(Number.parseInt(byte.slice(1), 16)),
    );
  }
  const masked = redactString(decoded);
  return masked === decoded ? redactString(text) : masked;
}

function redactHeaderValues(headers: unknown): unknown {
  if (typeof headers !== "object" || headers === null) return headers;
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name,
      typeof value === "string" ? redactEncoded(value) : value,
    ]),
  );
}

/** A request as logged: id, method, URL and headers, all redacted. Accepts a raw request too. */
export function serializeRequest(value: unknown): object {
  const url = field(value, "originalUrl") ?? field(value, "url");
  return redact({
    id: field(value, "id"),
    method: field(value, "method"),
    url: typeof url === "string" ? redactEncoded(url) : undefined,
    headers: redactHeaderValues(field(value, "headers")),
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
